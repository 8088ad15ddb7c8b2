import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import type {DataPoint, Histogram, ResourceMetrics} from '@opentelemetry/sdk-metrics';
import {BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor} from '@opentelemetry/sdk-trace-base';
import type {ReadableSpan} from '@opentelemetry/sdk-trace-base';
import {createOpenAiLlm} from 'llm-rx/openai';
import {MOCK_PROVIDERS_URL, MOCK_SCENARIO_HEADER, mockScenario, type MockScenario} from '@llm-rx/mock-providers';
import {createLlmTelemetry, type LlmTelemetry} from './create-llm-telemetry';
import type {LlmTelemetryOptions} from './llm-telemetry-options';

/** Telemetry whose spans and metrics stay in memory, read by the specs. */
export interface InMemoryTelemetry {
  readonly telemetry: LlmTelemetry;
  /** The finished spans, in the order they ended. */
  spans(): ReadableSpan[];
  /** The histogram points of one metric, collected now. */
  points(metric: string): Promise<DataPoint<Histogram>[]>;
}

/**
 * Telemetry over the real OpenTelemetry SDK with in-memory exporters.
 * @param options More telemetry options (content capture, redaction).
 * @returns The telemetry and its readers.
 */
export function inMemoryTelemetry(options: Omit<LlmTelemetryOptions, 'tracer' | 'meter'> = {}): InMemoryTelemetry {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({spanProcessors: [new SimpleSpanProcessor(spanExporter)]});
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({exporter: metricExporter, exportIntervalMillis: 3_600_000});
  const meterProvider = new MeterProvider({readers: [reader]});
  const telemetry = createLlmTelemetry({
    ...options,
    tracer: tracerProvider.getTracer('llm-rx'),
    meter: meterProvider.getMeter('llm-rx'),
  });
  return {
    telemetry,
    spans: () => spanExporter.getFinishedSpans(),
    points: async metric => {
      await reader.forceFlush();
      const exported: ResourceMetrics[] = metricExporter.getMetrics();
      const latest = exported[exported.length - 1];
      const data = latest?.scopeMetrics.flatMap(scope => scope.metrics).find(each => each.descriptor.name === metric);
      return (data?.dataPoints ?? []) as DataPoint<Histogram>[];
    },
  };
}

/** The key the specs' models use: no span, attribute or event may contain it. */
export const TELEMETRY_SPEC_KEY = 'sk-test-telemetry-key-0123456789';

/**
 * The OpenAI adapter (the real SDK) on the mock server.
 * @param scenario What the mock server plays for every call of this model.
 * @param model The model id.
 * @returns The model.
 */
export function mockOpenAi(scenario: MockScenario, model = 'gpt-5-mini') {
  return createOpenAiLlm(model, {
    apiKey: TELEMETRY_SPEC_KEY,
    baseURL: `${MOCK_PROVIDERS_URL}/v1`,
    headers: {[MOCK_SCENARIO_HEADER]: mockScenario(scenario)},
  });
}

/**
 * One span by name; fails the spec when there is not exactly one.
 * @param spans The spans.
 * @param name The span's name.
 * @returns The span.
 */
export function onlySpan(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter(span => span.name === name);
  if (found.length !== 1)
    throw new Error(`expected one span "${name}", got ${found.length}: ${spans.map(s => s.name)}`);
  return found[0];
}

/**
 * The children of a span.
 * @param spans All spans.
 * @param parent The parent.
 * @returns Its children, in start order.
 */
export function childrenOf(spans: readonly ReadableSpan[], parent: ReadableSpan): ReadableSpan[] {
  return (
    spans
      .filter(span => span.parentSpanContext?.spanId === parent.spanContext().spanId)
      // By start, then by end: a browser's coarse clock can start a tool and the next step in the same tick.
      .sort(
        (a, b) =>
          a.startTime[0] - b.startTime[0] ||
          a.startTime[1] - b.startTime[1] ||
          a.endTime[0] - b.endTime[0] ||
          a.endTime[1] - b.endTime[1],
      )
  );
}
