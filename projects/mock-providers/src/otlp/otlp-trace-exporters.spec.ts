import {SpanKind, SpanStatusCode, context, trace, type Span} from '@opentelemetry/api';
import {OTLPTraceExporter as JsonTraceExporter} from '@opentelemetry/exporter-trace-otlp-http';
import {OTLPTraceExporter as ProtobufTraceExporter} from '@opentelemetry/exporter-trace-otlp-proto';
import {resourceFromAttributes} from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import {receivedSpans, type ReceivedSpan} from '../client/otlp-client';
import {buildSpanTree, formatSpanTree} from '../client/span-tree';
import {startMockProviderServer, type MockProviderServer} from '../mock-provider-server';

type ExporterConfig = NonNullable<ConstructorParameters<typeof JsonTraceExporter>[0]>;
// The exporters type `compression` as an enum of the exporter base package, which is no dependency of ours.
const GZIP = 'gzip' as NonNullable<ExporterConfig['compression']>;

const EXPORTERS: {label: string; encoding: 'json' | 'protobuf'; create: (url: string) => SpanExporter}[] = [
  {label: 'exporter-trace-otlp-http (JSON)', encoding: 'json', create: url => new JsonTraceExporter({url})},
  {
    label: 'exporter-trace-otlp-proto (protobuf)',
    encoding: 'protobuf',
    create: url => new ProtobufTraceExporter({url}),
  },
  {
    label: 'exporter-trace-otlp-http, gzip',
    encoding: 'json',
    create: url => new JsonTraceExporter({url, compression: GZIP}),
  },
  {
    label: 'exporter-trace-otlp-proto, gzip',
    encoding: 'protobuf',
    create: url => new ProtobufTraceExporter({url, compression: GZIP}),
  },
];

/** Every attribute value type the SDK accepts. */
const ATTRIBUTES = {
  'llm.provider': 'openai',
  'llm.tokens': 42,
  'llm.big': 2 ** 40,
  'llm.negative': -7,
  'llm.ratio': 0.25,
  'llm.streamed': true,
  'llm.stop': ['\n', 'END'],
  'llm.counts': [1, 2.5, 3],
  'llm.flags': [true, false],
};

function nanosOf(span: Span, field: 'startTime' | 'endTime'): string {
  const [seconds, nanos] = (span as unknown as ReadableSpan)[field];
  return (BigInt(seconds) * 1_000_000_000n + BigInt(nanos)).toString();
}

describe('the OTLP receiver with the official trace exporters', () => {
  let server: MockProviderServer;
  let serviceNumber = 0;
  const uniqueService = () => `otlp-trace-spec-${process.pid}-${Date.now()}-${serviceNumber++}`;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  for (const {label, encoding, create} of EXPORTERS) {
    it(`decodes ids, parentage, attributes, kinds, status, events and links from ${label}`, async () => {
      const service = uniqueService();
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({'service.name': service, 'deployment.environment': 'spec'}),
        spanProcessors: [new SimpleSpanProcessor(create(`${server.url}/v1/traces`))],
      });
      const tracer = provider.getTracer('llm-rx-spec', '1.2.3');
      const root = tracer.startSpan('llm.stream', {kind: SpanKind.INTERNAL, attributes: ATTRIBUTES});
      const inRoot = trace.setSpan(context.active(), root);
      const failed = tracer.startSpan('llm.attempt 1 openai', {kind: SpanKind.CLIENT}, inRoot);
      failed.addEvent('llm.retry', {'llm.attempt': 2, 'llm.reason': 'rate-limit'});
      failed.setStatus({code: SpanStatusCode.ERROR, message: 'HTTP 429'});
      failed.end();
      const succeeded = tracer.startSpan(
        'llm.attempt 2 anthropic',
        {kind: SpanKind.CLIENT, links: [{context: failed.spanContext(), attributes: {'llm.link': 'fallback'}}]},
        inRoot,
      );
      succeeded.setStatus({code: SpanStatusCode.OK});
      succeeded.end();
      root.end();
      await provider.forceFlush();

      const spans = await receivedSpans(service, {minCount: 3, baseUrl: server.url});
      const byName = (name: string) => spans.find(span => span.name === name) as ReceivedSpan;
      expect(spans.length).toBe(3);
      // Numbered, because siblings started in the same clock tick are ordered by name.
      expect(formatSpanTree(buildSpanTree(spans))).toEqual([
        'llm.stream',
        '  llm.attempt 1 openai',
        '  llm.attempt 2 anthropic',
      ]);

      const receivedRoot = byName('llm.stream');
      expect(receivedRoot).toEqual({
        traceId: root.spanContext().traceId,
        spanId: root.spanContext().spanId,
        parentSpanId: '',
        name: 'llm.stream',
        kind: 'internal',
        startTimeUnixNano: nanosOf(root, 'startTime'),
        endTimeUnixNano: nanosOf(root, 'endTime'),
        attributes: ATTRIBUTES,
        status: {code: 'unset'},
        events: [],
        links: [],
        resource: jasmine.objectContaining({'service.name': service, 'deployment.environment': 'spec'}),
        scope: {name: 'llm-rx-spec', version: '1.2.3'},
        encoding,
      });
      expect(receivedRoot.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(receivedRoot.spanId).toMatch(/^[0-9a-f]{16}$/);

      const receivedFailed = byName('llm.attempt 1 openai');
      expect(receivedFailed.traceId).toBe(root.spanContext().traceId);
      expect(receivedFailed.spanId).toBe(failed.spanContext().spanId);
      expect(receivedFailed.parentSpanId).toBe(root.spanContext().spanId);
      expect(receivedFailed.kind).toBe('client');
      expect(receivedFailed.status).toEqual({code: 'error', message: 'HTTP 429'});
      expect(receivedFailed.events).toEqual([
        {
          name: 'llm.retry',
          timeUnixNano: jasmine.stringMatching(/^\d{19}$/),
          attributes: {'llm.attempt': 2, 'llm.reason': 'rate-limit'},
        },
      ]);

      const receivedSucceeded = byName('llm.attempt 2 anthropic');
      expect(receivedSucceeded.parentSpanId).toBe(root.spanContext().spanId);
      expect(receivedSucceeded.status).toEqual({code: 'ok'});
      expect(receivedSucceeded.links).toEqual([
        {
          traceId: failed.spanContext().traceId,
          spanId: failed.spanContext().spanId,
          attributes: {'llm.link': 'fallback'},
        },
      ]);
      await provider.shutdown();
    });
  }

  it('takes every batch a BatchSpanProcessor flushes, more than one export of 512 spans', async () => {
    const service = uniqueService();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({'service.name': service}),
      spanProcessors: [
        new BatchSpanProcessor(new ProtobufTraceExporter({url: `${server.url}/v1/traces`}), {maxQueueSize: 2048}),
      ],
    });
    const tracer = provider.getTracer('llm-rx-spec');
    for (let index = 0; index < 1200; index++) tracer.startSpan(`row ${index}`, {attributes: {index}}).end();
    await provider.forceFlush();

    const spans = await receivedSpans(service, {minCount: 1200, baseUrl: server.url});
    expect(spans.length).toBe(1200);
    expect(new Set(spans.map(span => span.attributes['index'])).size).toBe(1200);
    await provider.shutdown();
  });
});
