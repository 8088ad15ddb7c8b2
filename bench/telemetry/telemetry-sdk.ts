import type {ExportResult} from '@opentelemetry/core';
import {ExportResultCode} from '@opentelemetry/core';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import type {DataPoint, Histogram} from '@opentelemetry/sdk-metrics';
import {BasicTracerProvider, BatchSpanProcessor} from '@opentelemetry/sdk-trace-base';
import type {ReadableSpan, SpanExporter} from '@opentelemetry/sdk-trace-base';
import {createLlmTelemetry, type LlmTelemetry, type LlmTelemetryOptions} from 'llm-rx/telemetry';

/**
 * A span exporter that drops what it is given after counting it, keeping only the last batch (for the bench's
 * checks): the SDK's whole pipeline runs, nothing is serialised or sent.
 */
export class CountingSpanExporter implements SpanExporter {
  /** Spans exported so far. */
  count = 0;
  /** The last batch exported. */
  lastBatch: readonly ReadableSpan[] = [];

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.count += spans.length;
    this.lastBatch = spans;
    resultCallback({code: ExportResultCode.SUCCESS});
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** llm-rx telemetry over the real OpenTelemetry SDK, as an app sets it up, with the bench's exporter. */
export interface BenchTelemetrySdk {
  readonly telemetry: LlmTelemetry;
  /** Exports every span ended so far (the `BatchSpanProcessor`'s queue), as `forceFlush()` of the provider. */
  flush(): Promise<void>;
  /** How many data points of a histogram the meter recorded so far, summed over their counts. */
  histogramCount(metric: string): Promise<number>;
  /** Shuts the providers down. */
  shutdown(): Promise<void>;
}

/**
 * Builds a `BasicTracerProvider` with a `BatchSpanProcessor` (its defaults) over the given exporter, a
 * `MeterProvider` whose reader only exports when asked (to memory), and `createLlmTelemetry()` over both.
 * @param exporter Where the spans go.
 * @param options More telemetry options (content capture).
 * @returns The telemetry and its controls.
 */
export function createBenchTelemetrySdk(
  exporter: SpanExporter,
  options: Omit<LlmTelemetryOptions, 'tracer' | 'meter'> = {},
): BenchTelemetrySdk {
  const tracerProvider = new BasicTracerProvider({spanProcessors: [new BatchSpanProcessor(exporter)]});
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({exporter: metricExporter, exportIntervalMillis: 3_600_000});
  const meterProvider = new MeterProvider({readers: [reader]});
  const telemetry = createLlmTelemetry({
    ...options,
    tracer: tracerProvider.getTracer('llm-rx-bench'),
    meter: meterProvider.getMeter('llm-rx-bench'),
  });
  return {
    telemetry,
    flush: () => tracerProvider.forceFlush(),
    histogramCount: async metric => {
      await reader.forceFlush();
      const latest = metricExporter.getMetrics().at(-1);
      const data = latest?.scopeMetrics.flatMap(scope => scope.metrics).find(each => each.descriptor.name === metric);
      const points = (data?.dataPoints ?? []) as DataPoint<Histogram>[];
      return points.reduce((sum, point) => sum + point.value.count, 0);
    },
    shutdown: async () => {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}
