// Loaded with import() when telemetry is switched on, so that the OpenTelemetry SDK and llm-rx/telemetry stay out
// of the demo's first bundle.
import {OTLPMetricExporter} from '@opentelemetry/exporter-metrics-otlp-http';
import {OTLPTraceExporter} from '@opentelemetry/exporter-trace-otlp-http';
import {resourceFromAttributes} from '@opentelemetry/resources';
import {MeterProvider, PeriodicExportingMetricReader} from '@opentelemetry/sdk-metrics';
import {BatchSpanProcessor, WebTracerProvider} from '@opentelemetry/sdk-trace-web';
import type {LlmCallReplaySource} from 'llm-rx';
import {
  createLlmTelemetry,
  LLM_RX_INSTRUMENTATION_SCOPE,
  type LlmReplayProgress,
  type LlmTelemetry,
  replayLlmCalls,
} from 'llm-rx/telemetry';
import type {Observable} from 'rxjs';
import type {RecordedMetricExport} from './recording-metric-exporter';
import {RecordingMetricExporter} from './recording-metric-exporter';
import {type RecordedSpanBatch, RecordingSpanExporter} from './recording-span-exporter';
import type {OtlpUrls} from './telemetry-settings';

/** What an OpenTelemetry session sends, and who hears about it. */
export interface OtelSessionOptions {
  /** Where spans and metrics go (OTLP/HTTP, JSON). */
  readonly urls: OtlpUrls;
  /** `service.name` of the resource. */
  readonly serviceName: string;
  /** Whether prompts and answers go on the spans. */
  readonly captureContent: boolean;
  /** Each exported batch of spans, with its outcome. */
  readonly onSpans: (batch: RecordedSpanBatch) => void;
  /** Each metrics export, with its outcome. */
  readonly onMetrics: (recorded: RecordedMetricExport) => void;
  /** Milliseconds between two metric exports; default 10 s. */
  readonly metricIntervalMs?: number;
}

/** A tracer and a meter provider exporting over OTLP/HTTP, and llm-rx's telemetry on them. */
export interface OtelSession {
  /** llm-rx's telemetry, on this session's tracer and meter. */
  readonly telemetry: LlmTelemetry;
  /** Sends what the span processor and the metric reader hold now. */
  flush(): Promise<void>;
  /** Sends what is held, then stops both providers. */
  shutdown(): Promise<void>;
  /**
   * Sends a call log's history as spans, resuming where the last replay stopped.
   * @param source The call log.
   * @returns Progress, as `replayLlmCalls()` reports it.
   */
  replay(source: LlmCallReplaySource): Observable<LlmReplayProgress>;
}

/**
 * Starts a session: a `WebTracerProvider` with a `BatchSpanProcessor` over `OTLPTraceExporter`, a `MeterProvider`
 * with a `PeriodicExportingMetricReader` over `OTLPMetricExporter`, each exporter behind a recording tee. Nothing
 * is registered globally: the telemetry is given the tracer and meter, so that a new session (another endpoint)
 * replaces this one without touching the API's globals.
 * @param options Where to send, and who hears about each export.
 * @returns The session.
 */
export function startOtelSession(options: OtelSessionOptions): OtelSession {
  const resource = resourceFromAttributes({'service.name': options.serviceName});
  const spanExporter = new RecordingSpanExporter(new OTLPTraceExporter({url: options.urls.traces}), options.onSpans);
  const tracerProvider = new WebTracerProvider({resource, spanProcessors: [new BatchSpanProcessor(spanExporter)]});
  const metricExporter = new RecordingMetricExporter(
    new OTLPMetricExporter({url: options.urls.metrics}),
    options.onMetrics,
  );
  const reader = new PeriodicExportingMetricReader({
    exporter: metricExporter,
    exportIntervalMillis: options.metricIntervalMs ?? 10_000,
  });
  const meterProvider = new MeterProvider({resource, readers: [reader]});
  const telemetry = createLlmTelemetry({
    tracer: tracerProvider.getTracer(LLM_RX_INSTRUMENTATION_SCOPE),
    meter: meterProvider.getMeter(LLM_RX_INSTRUMENTATION_SCOPE),
    captureContent: options.captureContent,
  });
  const flush = async () => {
    await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush()]);
  };
  return {
    telemetry,
    flush,
    shutdown: async () => {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
    // The flush makes a page count as sent only once the exporter sent it, so a closed tab resends, never loses.
    replay: source => replayLlmCalls(telemetry, source, {flush: () => tracerProvider.forceFlush()}),
  };
}
