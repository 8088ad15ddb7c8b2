import {OTLPMetricExporter as JsonMetricExporter} from '@opentelemetry/exporter-metrics-otlp-http';
import {OTLPMetricExporter as ProtoMetricExporter} from '@opentelemetry/exporter-metrics-otlp-proto';
import {OTLPTraceExporter as JsonTraceExporter} from '@opentelemetry/exporter-trace-otlp-http';
import {OTLPTraceExporter as ProtoTraceExporter} from '@opentelemetry/exporter-trace-otlp-proto';
import {resourceFromAttributes} from '@opentelemetry/resources';
import {MeterProvider, PeriodicExportingMetricReader} from '@opentelemetry/sdk-metrics';
import {BasicTracerProvider, BatchSpanProcessor} from '@opentelemetry/sdk-trace-base';
import {
  buildSpanTree,
  clearReceived,
  formatSpanTree,
  MOCK_PROVIDERS_URL,
  receivedMetrics,
  receivedSpans,
  type OtlpEncoding,
  type ReceivedMetric,
  type ReceivedSpan,
} from '@llm-rx/mock-providers';
import {createLlmTelemetry, type LlmTelemetry, type LlmTelemetryOptions} from 'llm-rx/telemetry';
import {uniqueTag} from './scenario-request';

/** Telemetry that exports with the official OTLP/HTTP exporters to the mock server's receiver. */
export interface OtlpTelemetry {
  readonly telemetry: LlmTelemetry;
  /** This telemetry's `service.name`: what the receiver's queries filter by. */
  readonly service: string;
  /** Exports what the span processor holds (for a replay's `flush`). */
  flushSpans(): Promise<void>;
  /** Exports what the processors hold (spans, then metrics). */
  flush(): Promise<void>;
  /** The spans the receiver got, waiting for at least `count`. */
  spans(count: number): Promise<ReceivedSpan[]>;
  /** The metrics the receiver got (after `flush()`). */
  metrics(): Promise<ReceivedMetric[]>;
  /** The span trees, one line per span, indented by depth. */
  tree(count: number, label?: (span: ReceivedSpan) => string): Promise<string[]>;
  /** Shuts the providers down and forgets what the receiver got. */
  close(): Promise<void>;
}

/**
 * Telemetry over the real OpenTelemetry SDK exporting over OTLP/HTTP, as an app sets it up: a `BatchSpanProcessor`
 * with the JSON or protobuf trace exporter, a metric reader with the matching metric exporter.
 * @param encoding `json` (`exporter-*-otlp-http`) or `protobuf` (`exporter-*-otlp-proto`).
 * @param options More telemetry options.
 * @returns The telemetry and the receiver's readers.
 */
export function otlpTelemetry(
  encoding: OtlpEncoding,
  options: Omit<LlmTelemetryOptions, 'tracer' | 'meter'> = {},
): OtlpTelemetry {
  const service = uniqueTag('otlp', encoding);
  const resource = resourceFromAttributes({'service.name': service});
  const traces = {url: `${MOCK_PROVIDERS_URL}/v1/traces`};
  const metricsUrl = {url: `${MOCK_PROVIDERS_URL}/v1/metrics`};
  const traceExporter = encoding === 'json' ? new JsonTraceExporter(traces) : new ProtoTraceExporter(traces);
  const metricExporter = encoding === 'json' ? new JsonMetricExporter(metricsUrl) : new ProtoMetricExporter(metricsUrl);
  const tracerProvider = new BasicTracerProvider({resource, spanProcessors: [new BatchSpanProcessor(traceExporter)]});
  const reader = new PeriodicExportingMetricReader({exporter: metricExporter, exportIntervalMillis: 3_600_000});
  const meterProvider = new MeterProvider({resource, readers: [reader]});
  const telemetry = createLlmTelemetry({
    ...options,
    tracer: tracerProvider.getTracer('llm-rx'),
    meter: meterProvider.getMeter('llm-rx'),
  });
  const spans = (count: number) => receivedSpans(service, {minCount: count, timeoutMs: 20_000});
  return {
    telemetry,
    service,
    flushSpans: () => tracerProvider.forceFlush(),
    flush: async () => {
      await tracerProvider.forceFlush();
      await reader.forceFlush();
    },
    spans,
    metrics: () => receivedMetrics(service, {minCount: 1, timeoutMs: 10_000}),
    tree: async (count, label) => formatSpanTree(buildSpanTree(await spans(count)), label),
    close: async () => {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      await clearReceived(service);
    },
  };
}
