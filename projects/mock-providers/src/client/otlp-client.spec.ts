import {context, SpanStatusCode, trace} from '@opentelemetry/api';
import {OTLPMetricExporter} from '@opentelemetry/exporter-metrics-otlp-proto';
import {OTLPTraceExporter as JsonTraceExporter} from '@opentelemetry/exporter-trace-otlp-http';
import {OTLPTraceExporter as ProtobufTraceExporter} from '@opentelemetry/exporter-trace-otlp-proto';
import {resourceFromAttributes} from '@opentelemetry/resources';
import {MeterProvider, PeriodicExportingMetricReader} from '@opentelemetry/sdk-metrics';
import {BasicTracerProvider, SimpleSpanProcessor, type SpanExporter} from '@opentelemetry/sdk-trace-base';
import {MOCK_PROVIDERS_URL} from './mock-provider-client';
import {clearReceived, receivedMetrics, receivedSpans} from './otlp-client';
import {buildSpanTree, formatSpanTree} from './span-tree';

// Against the shared server (npm test's, on port 4010): in Chromium, each export is a cross-origin request with a
// preflight (neither content type is CORS-safelisted), so this is the browser exporters' path end to end.
describe('the OTLP client with the shared mock server', () => {
  let serviceNumber = 0;
  const uniqueService = (label: string) => `otlp-client-spec-${label}-${Date.now()}-${serviceNumber++}`;

  const exporters: [string, 'json' | 'protobuf', () => SpanExporter][] = [
    ['json', 'json', () => new JsonTraceExporter({url: `${MOCK_PROVIDERS_URL}/v1/traces`})],
    // A custom header, as a collector's auth header would be: the preflight must allow it.
    [
      'protobuf',
      'protobuf',
      () => new ProtobufTraceExporter({url: `${MOCK_PROVIDERS_URL}/v1/traces`, headers: {'x-spec': '1'}}),
    ],
  ];
  for (const [label, encoding, create] of exporters) {
    it(`reads back a trace the ${label} exporter sent, and clears it`, async () => {
      const service = uniqueService(label);
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({'service.name': service}),
        spanProcessors: [new SimpleSpanProcessor(create())],
      });
      const tracer = provider.getTracer('otlp-client-spec');
      const root = tracer.startSpan('root', {attributes: {'llm.big': 2 ** 40}});
      const child = tracer.startSpan('child', {}, trace.setSpan(context.active(), root));
      child.setStatus({code: SpanStatusCode.ERROR, message: 'failed'});
      child.end();
      root.end();
      await provider.forceFlush();

      const spans = await receivedSpans(service, {minCount: 2});
      expect(formatSpanTree(buildSpanTree(spans))).toEqual(['root', '  child']);
      expect(spans.find(span => span.name === 'root')?.attributes['llm.big']).toBe(2 ** 40);
      expect(spans.find(span => span.name === 'child')?.status).toEqual({code: 'error', message: 'failed'});
      expect(spans.every(span => span.encoding === encoding)).toBeTrue();
      expect(await clearReceived(service)).toEqual({spans: 2, metrics: 0});
      expect(await receivedSpans(service, {minCount: 0})).toEqual([]);
      await provider.shutdown();
    });
  }

  it('reads back a histogram the protobuf metric exporter sent', async () => {
    const service = uniqueService('metrics');
    const provider = new MeterProvider({
      resource: resourceFromAttributes({'service.name': service}),
      readers: [
        new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({url: `${MOCK_PROVIDERS_URL}/v1/metrics`}),
          exportIntervalMillis: 3_600_000,
        }),
      ],
    });
    provider.getMeter('otlp-client-spec').createHistogram('llm.duration').record(3);
    await provider.forceFlush();

    const [metric] = await receivedMetrics(service);
    expect(metric.kind).toBe('histogram');
    expect(metric.points.map(({count, sum}) => ({count, sum}))).toEqual([{count: 1, sum: 3}]);
    await clearReceived(service);
    await provider.shutdown();
  });
});
