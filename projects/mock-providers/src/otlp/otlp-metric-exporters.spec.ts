import {ValueType} from '@opentelemetry/api';
import {OTLPMetricExporter as JsonMetricExporter} from '@opentelemetry/exporter-metrics-otlp-http';
import {OTLPMetricExporter as ProtobufMetricExporter} from '@opentelemetry/exporter-metrics-otlp-proto';
import {resourceFromAttributes} from '@opentelemetry/resources';
import {MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter} from '@opentelemetry/sdk-metrics';
import {receivedMetrics, type ReceivedMetric} from '../client/otlp-client';
import {startMockProviderServer, type MockProviderServer} from '../mock-provider-server';

const EXPORTERS: {label: string; encoding: 'json' | 'protobuf'; create: (url: string) => PushMetricExporter}[] = [
  {label: 'exporter-metrics-otlp-http (JSON)', encoding: 'json', create: url => new JsonMetricExporter({url})},
  {
    label: 'exporter-metrics-otlp-proto (protobuf)',
    encoding: 'protobuf',
    create: url => new ProtobufMetricExporter({url}),
  },
];

describe('the OTLP receiver with the official metric exporters', () => {
  let server: MockProviderServer;
  let serviceNumber = 0;
  const uniqueService = () => `otlp-metric-spec-${process.pid}-${Date.now()}-${serviceNumber++}`;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  for (const {label, encoding, create} of EXPORTERS) {
    it(`decodes histograms, sums and gauges with their points from ${label}`, async () => {
      const service = uniqueService();
      const provider = new MeterProvider({
        resource: resourceFromAttributes({'service.name': service}),
        // Only forceFlush() exports: the interval is far beyond the spec.
        readers: [
          new PeriodicExportingMetricReader({
            exporter: create(`${server.url}/v1/metrics`),
            exportIntervalMillis: 3_600_000,
          }),
        ],
      });
      const meter = provider.getMeter('llm-rx-spec', '0.1.0');
      const duration = meter.createHistogram('llm.duration', {
        unit: 'ms',
        description: 'Call duration',
        advice: {explicitBucketBoundaries: [10, 100, 1000]},
      });
      for (const value of [5, 50, 500, 5000]) duration.record(value, {'llm.provider': 'openai'});
      duration.record(20, {'llm.provider': 'gemini'});
      const tokens = meter.createCounter('llm.tokens', {unit: '{token}', valueType: ValueType.INT});
      tokens.add(40, {'llm.token.type': 'input'});
      tokens.add(2, {'llm.token.type': 'input'});
      tokens.add(7, {'llm.token.type': 'output'});
      meter.createCounter('llm.cost', {unit: 'USD', valueType: ValueType.DOUBLE}).add(0.125);
      meter.createGauge('llm.queue', {valueType: ValueType.INT}).record(-3);
      await provider.forceFlush();

      const metrics = await receivedMetrics(service, {minCount: 4, baseUrl: server.url});
      const byName = (name: string) => metrics.find(metric => metric.name === name) as ReceivedMetric;
      expect(metrics.map(metric => metric.name).sort()).toEqual([
        'llm.cost',
        'llm.duration',
        'llm.queue',
        'llm.tokens',
      ]);
      const point = {startTimeUnixNano: jasmine.stringMatching(/^\d+$/), timeUnixNano: jasmine.stringMatching(/^\d+$/)};

      expect(byName('llm.duration')).toEqual({
        name: 'llm.duration',
        description: 'Call duration',
        unit: 'ms',
        kind: 'histogram',
        temporality: 'cumulative',
        points: jasmine.arrayWithExactContents([
          {
            ...point,
            attributes: {'llm.provider': 'openai'},
            count: 4,
            sum: 5555,
            min: 5,
            max: 5000,
            bucketCounts: [1, 1, 1, 1],
            explicitBounds: [10, 100, 1000],
          },
          {
            ...point,
            attributes: {'llm.provider': 'gemini'},
            count: 1,
            sum: 20,
            min: 20,
            max: 20,
            bucketCounts: [0, 1, 0, 0],
            explicitBounds: [10, 100, 1000],
          },
        ]),
        resource: jasmine.objectContaining({'service.name': service}),
        scope: {name: 'llm-rx-spec', version: '0.1.0'},
        encoding,
      });
      expect(byName('llm.tokens')).toEqual(
        jasmine.objectContaining({
          kind: 'sum',
          unit: '{token}',
          temporality: 'cumulative',
          isMonotonic: true,
          points: jasmine.arrayWithExactContents([
            {...point, attributes: {'llm.token.type': 'input'}, value: 42},
            {...point, attributes: {'llm.token.type': 'output'}, value: 7},
          ]),
        }),
      );
      expect(byName('llm.cost').points).toEqual([{...point, attributes: {}, value: 0.125}]);
      expect(byName('llm.queue')).toEqual(
        jasmine.objectContaining({kind: 'gauge', points: [{...point, attributes: {}, value: -3}]}),
      );
      await provider.shutdown();
    });
  }
});
