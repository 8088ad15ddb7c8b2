import {metrics, trace} from '@opentelemetry/api';
import type {Llm, LlmChunk, LlmRequest, LlmToolLoopOptions} from 'llm-rx';
import type {Observable} from 'rxjs';
import {LlmTelemetryMetrics} from './llm-telemetry-metrics';
import type {LlmTelemetryOptions} from './llm-telemetry-options';
import {type LlmCallTracing, traceLlm} from './trace-llm-call';
import {traceToolLoop} from './trace-tool-loop';

/** The instrumentation scope of llm-rx's spans and metrics. */
export const LLM_RX_INSTRUMENTATION_SCOPE = 'llm-rx';

/**
 * OpenTelemetry for llm-rx calls, made by `createLlmTelemetry()`: wrap models with `traceLlm()`, run tool loops
 * with `runTools()`, and send the local log's history with `replayLlmCalls()`.
 */
export interface LlmTelemetry {
  /**
   * Wraps a model (a provider's, a cascade, a logged model) so that each call is a span of the GenAI conventions
   * with one child span per attempt, and is measured by the GenAI client metrics.
   * @param llm The model.
   * @returns A model with the same provider, model, key fingerprint and cascade marker.
   */
  traceLlm(llm: Llm): Llm;
  /**
   * `runTools()` of `llm-rx` inside one `invoke_agent` span, each step a traced call under it and each tool that
   * ran an `execute_tool` span. Pass the model untraced: the loop traces its steps itself.
   * @param llm The model of the steps.
   * @param request The first step's request.
   * @param options The loop's options.
   * @returns The loop's chunks.
   */
  runTools(llm: Llm, request: LlmRequest, options?: LlmToolLoopOptions): Observable<LlmChunk>;
  /** What the spans and metrics go to, and what is captured (for the replay, which sends spans the same way). */
  readonly _tracing: LlmCallTracing;
}

/**
 * Makes llm-rx's OpenTelemetry instrumentation. Its only dependency is `@opentelemetry/api`: the app sets up the
 * SDK (a tracer and meter provider with an OTLP exporter) as it does for the rest of its telemetry, and llm-rx uses
 * the global providers unless given a tracer and meter.
 *
 * ```ts
 * const telemetry = createLlmTelemetry();            // prompts and answers are never sent unless captureContent
 * const llm = telemetry.traceLlm(loggedLlm(createLlm('openai', 'gpt-5-mini'), {log}));
 * llm.stream({userPrompt: 'Hi'}).subscribe();        // one `chat gpt-5-mini` span, one attempt span under it
 * ```
 * @param options The tracer and meter (default: the global ones), content capture and its redaction, a label.
 * @returns The telemetry.
 */
export function createLlmTelemetry(options: LlmTelemetryOptions = {}): LlmTelemetry {
  const tracer =
    options.tracer === false ? undefined : (options.tracer ?? trace.getTracer(LLM_RX_INSTRUMENTATION_SCOPE));
  const meter = options.meter === false ? undefined : (options.meter ?? metrics.getMeter(LLM_RX_INSTRUMENTATION_SCOPE));
  const tracing: LlmCallTracing = {
    ...(tracer !== undefined && {tracer}),
    ...(meter !== undefined && {metrics: new LlmTelemetryMetrics(meter)}),
    captureContent: options.captureContent === true,
    ...(options.redact !== undefined && {redact: options.redact}),
    ...(options.label !== undefined && {label: options.label}),
  };
  return {
    traceLlm: llm => traceLlm(llm, tracing),
    runTools: (llm, request, loopOptions = {}) => traceToolLoop(llm, request, loopOptions, tracing),
    _tracing: tracing,
  };
}
