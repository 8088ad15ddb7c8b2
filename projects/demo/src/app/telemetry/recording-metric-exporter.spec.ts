import {type ExportResult, ExportResultCode} from '@opentelemetry/core';
import {
  AggregationTemporality,
  AggregationType,
  InstrumentType,
  MeterProvider,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import {type RecordedMetricExport, RecordingMetricExporter} from './recording-metric-exporter';

/** An exporter that ends each export with the result it is told, and asks for delta temporality. */
class ScriptedMetricExporter implements PushMetricExporter {
  readonly received: ResourceMetrics[] = [];
  result: ExportResult = {code: ExportResultCode.SUCCESS};

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    this.received.push(metrics);
    resultCallback(this.result);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  selectAggregationTemporality(): AggregationTemporality {
    return AggregationTemporality.DELTA;
  }
}

describe('RecordingMetricExporter', () => {
  let inner: ScriptedMetricExporter;
  let exports: RecordedMetricExport[];
  let provider: MeterProvider;

  beforeEach(() => {
    inner = new ScriptedMetricExporter();
    exports = [];
    const exporter = new RecordingMetricExporter(inner, recorded => exports.push(recorded));
    // A long interval: the spec exports with forceFlush() only.
    const reader = new PeriodicExportingMetricReader({exporter, exportIntervalMillis: 3_600_000});
    provider = new MeterProvider({readers: [reader]});
  });

  afterEach(() => provider.shutdown());

  it('counts the data points of each export by metric name, and sends them through', async () => {
    const meter = provider.getMeter('spec');
    const duration = meter.createHistogram('gen_ai.client.operation.duration');
    duration.record(0.5, {'gen_ai.request.model': 'a'});
    duration.record(0.7, {'gen_ai.request.model': 'b'});
    meter.createCounter('llm_rx.unused');
    await provider.forceFlush();
    expect(inner.received.length).toBe(1);
    expect(exports).toEqual([{points: {'gen_ai.client.operation.duration': 2}, isExported: true}]);
  });

  it('says when the export failed', async () => {
    inner.result = {code: ExportResultCode.FAILED, error: new Error('refused')};
    provider.getMeter('spec').createCounter('c').add(1);
    await provider.forceFlush();
    expect(exports).toEqual([{points: {c: 1}, isExported: false}]);
  });

  it("keeps the wrapped exporter's aggregation choices, and the defaults where it has none", () => {
    const exporter = new RecordingMetricExporter(inner, () => undefined);
    expect(exporter.selectAggregationTemporality(InstrumentType.COUNTER)).toBe(AggregationTemporality.DELTA);
    expect(exporter.selectAggregation(InstrumentType.COUNTER)).toEqual({type: AggregationType.DEFAULT});
  });
});
