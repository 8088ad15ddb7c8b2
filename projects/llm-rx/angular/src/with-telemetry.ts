import {InjectionToken} from '@angular/core';
import type {Llm, LlmChunk, LlmRequest, LlmToolLoopOptions} from 'llm-rx';
import type {Observable} from 'rxjs';
import type {LlmFeature} from './provide-llm';

/**
 * What `withTelemetry()` takes: `llm-rx/telemetry`'s `LlmTelemetry` (from `createLlmTelemetry()`), named by its
 * shape so that llm-rx/angular never loads OpenTelemetry for apps that do not use it.
 */
export interface LlmTelemetryHooks {
  /** Wraps a model so that its calls are traced. */
  traceLlm(llm: Llm): Llm;
  /** Runs a tool loop with its steps and tools traced. */
  runTools(llm: Llm, request: LlmRequest, options?: LlmToolLoopOptions): Observable<LlmChunk>;
}

/** The telemetry of `withTelemetry()`, made at first use. */
export const _LLM_TELEMETRY = new InjectionToken<LlmTelemetryHooks>('llm-rx Telemetry');

/**
 * Traces every call of `LlmStream` (and `injectLlmStream()`, `injectLlmObject()`) with OpenTelemetry: a span per
 * call and per attempt, the GenAI client metrics, and for `LlmStream.runTools()` a span per loop, step and tool.
 * The calls are traced outside the logging of `withLogging()`, so that both see every attempt. A factory is run at
 * the first call, in the injection context.
 * @param telemetry `createLlmTelemetry()`'s result from `llm-rx/telemetry`, or a factory of it.
 * @returns The feature.
 *
 * ```ts
 * import {createLlmTelemetry} from 'llm-rx/telemetry';
 *
 * provideLlm(withProvider(openAiProvider, {baseURL: '/api/openai'}), withTelemetry(() => createLlmTelemetry()));
 * ```
 */
export function withTelemetry(telemetry: LlmTelemetryHooks | (() => LlmTelemetryHooks)): LlmFeature<'telemetry'> {
  const made = typeof telemetry === 'function' ? telemetry : () => telemetry;
  return {ɵkind: 'telemetry', ɵproviders: [{provide: _LLM_TELEMETRY, useFactory: made}]};
}
