import {context as otelContext, SpanKind, SpanStatusCode, trace} from '@opentelemetry/api';
import type {Attributes, Context, Span, Tracer} from '@opentelemetry/api';
import {isCascade, wrapLlm} from 'llm-rx';
import {Observable} from 'rxjs';
import type {
  Llm,
  LlmAttempt,
  LlmAttemptStart,
  LlmChunk,
  LlmUsage,
  LlmRedactor,
  LlmRequest,
  LlmToolCallEnd,
} from 'llm-rx';
import {
  attemptAttributes,
  errorAttributes,
  requestAttributes,
  telemetryErrorOf,
  telemetryUsageOf,
  usageAttributes,
} from './call-attributes';
import {inputContentAttributes, outputContentAttributes} from './content-attributes';
import {GEN_AI, LLM_RX, genAiProviderName} from './gen-ai-conventions';
import {type LlmTelemetryMetrics, metricAttributesOf} from './llm-telemetry-metrics';

/** What one traced call needs: where spans and metrics go, and what to capture. */
export interface LlmCallTracing {
  /** Absent: no spans. */
  readonly tracer?: Tracer;
  /** Absent: no metrics. */
  readonly metrics?: LlmTelemetryMetrics;
  readonly captureContent: boolean;
  readonly redact?: LlmRedactor;
  readonly label?: string;
}

/** The model a traced call goes to. */
export interface LlmCallTarget {
  /** llm-rx's provider name; `undefined` for a cascade (the answering child's comes with its attempts). */
  readonly provider: string | undefined;
  readonly model: string;
  readonly apiKeyAlias?: string;
}

/**
 * Wraps a model so that each of its calls is traced by `traceLlmCall()`.
 * @param llm The model (a provider's, a cascade, a logged model).
 * @param tracing Where spans and metrics go.
 * @param parent The parent context of every call's span; default the active one at each call's subscription.
 * @returns A model with the same provider, model, key fingerprint and cascade marker (`wrapLlm()`).
 */
export function traceLlm(llm: Llm, tracing: LlmCallTracing, parent?: Context): Llm {
  const target: LlmCallTarget = {
    provider: isCascade(llm) ? undefined : llm.provider,
    model: llm.model,
    ...(llm.keyFingerprint !== undefined && {apiKeyAlias: llm.keyFingerprint.alias}),
  };
  return wrapLlm(llm, (request, stream) => traceLlmCall(request, stream, target, tracing, parent));
}

/**
 * Streams one call with a span around it (`chat {model}`, kind CLIENT, the GenAI conventions' attributes), one
 * child span per attempt (each retry and cascade child, `llm_rx.attempt.answered` on the one that answered), and
 * one measurement of the call's metrics at its end. The call's span is the active context while the call
 * subscribes, so spans the SDK or the app's fetch instrumentation make are its children.
 * @param request The call's request.
 * @param stream Sends it (the wrapped model's `stream`).
 * @param target The provider and model.
 * @param tracing Where spans and metrics go.
 * @param parent The parent context; default the active one at subscription.
 * @returns The same chunks, unchanged.
 */
export function traceLlmCall(
  request: LlmRequest,
  stream: (request: LlmRequest) => Observable<LlmChunk>,
  target: LlmCallTarget,
  tracing: LlmCallTracing,
  parent?: Context,
): Observable<LlmChunk> {
  return new Observable<LlmChunk>(subscriber => {
    const {tracer, metrics} = tracing;
    const startedAt = performance.now();
    let firstChunkAt: number | null = null;
    const attributes: Attributes = requestAttributes(request, target.provider, target.model);
    if (tracing.label !== undefined) attributes[LLM_RX.label] = tracing.label;
    if (target.apiKeyAlias !== undefined) attributes[LLM_RX.apiKeyAlias] = target.apiKeyAlias;
    if (tracing.captureContent) Object.assign(attributes, inputContentAttributes(request, tracing.redact));
    const parentContext = parent ?? otelContext.active();
    const span = tracer?.startSpan(`chat ${target.model}`, {kind: SpanKind.CLIENT, attributes}, parentContext);
    const callContext = span === undefined ? parentContext : trace.setSpan(parentContext, span);
    const answer = tracing.captureContent ? {text: '', reasoning: '', toolCalls: [] as LlmToolCallEnd[]} : undefined;
    let attemptCount = 0;
    let hasEnded = false;

    /** Ends the call: its outcome's attributes on the span (and the answer, when captured), one measurement. */
    const end = (outcome: Attributes, usage?: LlmUsage) => {
      hasEnded = true;
      const finished: Attributes = {...outcome, [LLM_RX.attemptCount]: attemptCount};
      Object.assign(attributes, finished);
      if (answer !== undefined) {
        const reasons = attributes[GEN_AI.responseFinishReasons];
        const finishReason = Array.isArray(reasons) ? String(reasons[0]) : undefined;
        Object.assign(finished, outputContentAttributes({...answer, finishReason}, tracing.redact));
      }
      span?.setAttributes(finished);
      metrics?.record({
        attributes: metricAttributesOf(attributes),
        durationMs: performance.now() - startedAt,
        timeToFirstChunkMs: firstChunkAt === null ? null : firstChunkAt - startedAt,
        ...(usage !== undefined && {inputTokens: usage.inputTokens, outputTokens: usage.outputTokens}),
        totalCost: usage?.totalCost ?? null,
      });
    };
    const fail = (error: unknown) => {
      const recorded = telemetryErrorOf(error);
      end(errorAttributes(recorded));
      span?.addEvent('exception', {'exception.type': recorded.type, 'exception.message': recorded.message});
      span?.setStatus({code: SpanStatusCode.ERROR, message: recorded.message});
      span?.end();
    };

    const onAttempt = (start: LlmAttemptStart) => {
      const theirs = request.onAttempt?.(start);
      const index = attemptCount++;
      // A cascade's span learns its provider from its first child.
      if (attributes[GEN_AI.providerName] === undefined) {
        const providerName = genAiProviderName(start.provider);
        attributes[GEN_AI.providerName] = providerName;
        span?.setAttribute(GEN_AI.providerName, providerName);
      }
      const attemptSpan: Span | undefined = tracer?.startSpan(
        `attempt ${start.model}`,
        {
          kind: SpanKind.INTERNAL,
          startTime: new Date(start.startedAt),
          attributes: {
            [GEN_AI.providerName]: genAiProviderName(start.provider),
            [GEN_AI.requestModel]: start.model,
            [LLM_RX.attemptIndex]: index,
          },
        },
        callContext,
      );
      return (ended: LlmAttempt) => {
        if (attemptSpan !== undefined) endAttemptSpan(attemptSpan, ended);
        if (typeof theirs === 'function') theirs(ended);
      };
    };

    const subscription = otelContext.with(callContext, () =>
      stream({...request, onAttempt}).subscribe({
        next: chunk => {
          if (chunk.type === 'usage') {
            end(usageAttributes(telemetryUsageOf(chunk.usage)), chunk.usage);
            span?.end();
          } else {
            firstChunkAt ??= performance.now();
            if (answer !== undefined) collect(answer, chunk);
          }
          subscriber.next(chunk);
        },
        error: (error: unknown) => {
          fail(error);
          subscriber.error(error);
        },
        complete: () => subscriber.complete(),
      }),
    );
    return () => {
      subscription.unsubscribe();
      if (!hasEnded) {
        end({[GEN_AI.errorType]: 'cancelled', [GEN_AI.responseFinishReasons]: ['error']});
        span?.setStatus({code: SpanStatusCode.ERROR, message: 'cancelled by the subscriber'});
        span?.end();
      }
    };
  });
}

function endAttemptSpan(span: Span, ended: LlmAttempt): void {
  span.setAttributes(attemptAttributes(ended));
  if (ended.outcome === 'ok') {
    span.end();
    return;
  }
  if (ended.outcome === 'cancelled' && ended.error === undefined) {
    span.setAttributes({[GEN_AI.errorType]: 'cancelled', [GEN_AI.responseFinishReasons]: ['error']});
    span.setStatus({code: SpanStatusCode.ERROR, message: 'cancelled'});
  } else {
    const recorded = telemetryErrorOf(ended.error);
    span.setAttributes(errorAttributes(recorded));
    span.setStatus({code: SpanStatusCode.ERROR, message: recorded.message});
  }
  span.end();
}

function collect(answer: {text: string; reasoning: string; toolCalls: LlmToolCallEnd[]}, chunk: LlmChunk): void {
  if (chunk.type === 'text-delta') answer.text += chunk.text;
  else if (chunk.type === 'reasoning-delta') answer.reasoning += chunk.text;
  else if (chunk.type === 'tool-call-end') answer.toolCalls.push(chunk);
}
