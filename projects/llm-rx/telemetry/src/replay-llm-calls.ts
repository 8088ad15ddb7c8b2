import {context as otelContext, SpanKind, SpanStatusCode, trace} from '@opentelemetry/api';
import type {Attributes, Tracer} from '@opentelemetry/api';
import {LlmConfigurationError} from 'llm-rx';
import type {LlmCallRecord, LlmCallReplaySource, LlmReplayCall, LlmReplayCursor, LlmReplayQuery} from 'llm-rx';
import {Observable} from 'rxjs';
import {errorAttributes, usageAttributes} from './call-attributes';
import type {LlmTelemetry} from './create-llm-telemetry';
import {GEN_AI, GEN_AI_OPERATION, LLM_RX, genAiProviderName} from './gen-ai-conventions';

/** The cursor name a replay uses unless told otherwise. */
export const DEFAULT_LLM_REPLAY_NAME = 'otel';

/** How `replayLlmCalls()` sends the log's history. */
export interface LlmReplayOptions {
  /**
   * The name under which the log remembers how far the replay got (default `otel`): a replay under the same name
   * starts after the last call it sent, so a replay stopped by a closed tab resumes, and calls are sent once. Use
   * another name for a separate replay (another backend, a date range sent again).
   */
  readonly name?: string;
  /** Only calls whose first attempt started at or after this time. */
  readonly from?: Date | number;
  /** Only calls whose first attempt started before this time. */
  readonly to?: Date | number;
  /** Calls per page read from the log, an integer ≥ 1; default 500. */
  readonly batchSize?: number;
  /**
   * Sends what the exporter holds, e.g. `() => tracerProvider.forceFlush()`. Called after each page, before the
   * log remembers the page as sent: with it, a closed tab loses nothing (a page may be sent twice); without it, the
   * exporter's last batch may be lost.
   */
  readonly flush?: () => Promise<void>;
}

/** How far a replay got, emitted after each page and once at the start. */
export interface LlmReplayProgress {
  /** Calls sent by this run. */
  readonly replayed: number;
  /** Calls this run had to send when it started. */
  readonly total: number;
  /** The last call sent (remembered in the log under the replay's name). */
  readonly cursor: LlmReplayCursor | null;
  /**
   * Whether the replay reached the end of the log. `false` on the last emission when it stopped before a call still
   * running: a later replay sends it and what follows.
   */
  readonly done: boolean;
}

/**
 * Sends the calls of a local call log (`llm-rx/logging`'s `LlmCallLog`) as spans with their original timestamps:
 * one `chat {model}` span per call, one attempt span per row, as the live spans are (without content: the log's
 * bodies are not sent), marked `llm_rx.replayed`. Metrics are not replayed (OpenTelemetry records a measurement
 * now, never at a past time).
 *
 * Cold: it starts at subscription and stops at unsubscription (after the page being sent). Resumable: each page is
 * remembered in the log once flushed, under `options.name`.
 *
 * ```ts
 * replayLlmCalls(telemetry, log, {flush: () => provider.forceFlush()})
 *   .subscribe(({replayed, total}) => console.log(`${replayed}/${total}`));
 * ```
 * @param telemetry Where the spans go (its tracer).
 * @param source The call log.
 * @param options The range, the cursor's name, the page size and the flush.
 * @returns Progress, then completion.
 * @throws LlmConfigurationError (as the stream's error) for a bad `batchSize`, or telemetry without a tracer.
 */
export function replayLlmCalls(
  telemetry: LlmTelemetry,
  source: LlmCallReplaySource,
  options: LlmReplayOptions = {},
): Observable<LlmReplayProgress> {
  return new Observable<LlmReplayProgress>(subscriber => {
    const batchSize = options.batchSize ?? 500;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new LlmConfigurationError('llm-rx: replay batchSize must be an integer ≥ 1.', {field: 'batchSize'});
    }
    const {tracer} = telemetry._tracing;
    if (tracer === undefined) {
      throw new LlmConfigurationError('llm-rx: replayLlmCalls() needs telemetry with a tracer (not tracer: false).', {
        field: 'tracer',
      });
    }
    const name = options.name ?? DEFAULT_LLM_REPLAY_NAME;
    let isStopped = false;
    const run = async () => {
      const range: LlmReplayQuery = {
        ...(options.from !== undefined && {from: +options.from}),
        ...(options.to !== undefined && {to: +options.to}),
      };
      let cursor = await source.readReplayCursor(name);
      const total = await source.countReplayCalls({...range, after: cursor});
      let replayed = 0;
      subscriber.next({replayed, total, cursor, done: total === 0});
      while (!isStopped) {
        const page = await source.readReplayPage({...range, after: cursor}, batchSize);
        for (const call of page.calls) replayCall(tracer, call);
        if (page.calls.length > 0) {
          await options.flush?.();
          cursor = page.cursor;
          await source.saveReplayCursor(name, cursor);
          replayed += page.calls.length;
        }
        // An empty page with more to come: the next call is still running; a later replay sends it.
        const done = !page.hasMore;
        subscriber.next({replayed, total, cursor, done});
        if (done || page.calls.length === 0) break;
      }
      subscriber.complete();
    };
    run().catch((error: unknown) => subscriber.error(error));
    return () => {
      isStopped = true;
    };
  });
}

/** One call of the log as a call span with its attempts' spans, all with the log's timestamps. */
function replayCall(tracer: Tracer, call: LlmReplayCall): void {
  const rows = call.attempts;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const endOf = (row: LlmCallRecord) => row.endedAt ?? row.startedAt + (row.responseTimeMs ?? 0);
  const attributes: Attributes = {
    [GEN_AI.operationName]: GEN_AI_OPERATION.chat,
    [GEN_AI.requestModel]: first.model,
    [GEN_AI.requestStream]: true,
    [GEN_AI.outputType]: first.outputName === null ? 'text' : 'json',
    [LLM_RX.attemptCount]: rows.length,
    [LLM_RX.replayed]: true,
    ...(first.label !== null && {[LLM_RX.label]: first.label}),
    ...(first.apiKeyAlias !== null && {[LLM_RX.apiKeyAlias]: first.apiKeyAlias}),
    ...(first.loopId !== null && {[GEN_AI.conversationId]: first.loopId}),
    ...(first.step !== null && {[LLM_RX.toolLoopStep]: first.step}),
    ...(last.status === 'ok' ? usageAttributes(telemetryUsageOfRow(last)) : failureAttributes(last)),
  };
  const span = tracer.startSpan(
    `chat ${first.model}`,
    {kind: SpanKind.CLIENT, startTime: new Date(first.startedAt), attributes},
    otelContext.active(),
  );
  if (last.status !== 'ok') span.setStatus({code: SpanStatusCode.ERROR, message: last.errorMessage ?? last.status});
  const callContext = trace.setSpan(otelContext.active(), span);
  for (const row of rows) {
    const attempt = tracer.startSpan(
      `attempt ${row.model}`,
      {kind: SpanKind.INTERNAL, startTime: new Date(row.startedAt), attributes: attemptRowAttributes(row)},
      callContext,
    );
    if (row.status !== 'ok') attempt.setStatus({code: SpanStatusCode.ERROR, message: row.errorMessage ?? row.status});
    attempt.end(new Date(endOf(row)));
  }
  span.end(new Date(Math.max(...rows.map(endOf))));
}

function telemetryUsageOfRow(row: LlmCallRecord) {
  return {
    provider: row.provider,
    model: row.model,
    totalCost: row.totalCost,
    timeToFirstChunkMs: row.timeToFirstChunkMs,
    finishReason: row.finishReason,
    ...(row.inputTokens !== null && {inputTokens: row.inputTokens}),
    ...(row.outputTokens !== null && {outputTokens: row.outputTokens}),
    ...(row.cachedInputTokens !== null && {cachedInputTokens: row.cachedInputTokens}),
    ...(row.cacheWriteTokens !== null && {cacheWriteTokens: row.cacheWriteTokens}),
    ...(row.reasoningTokens !== null && {reasoningTokens: row.reasoningTokens}),
  };
}

/** A failed, cancelled or interrupted row's attributes, as the live spans say them. */
function failureAttributes(row: LlmCallRecord): Attributes {
  const type = row.status === 'error' ? (row.errorType ?? '_OTHER') : row.status;
  return {
    [GEN_AI.providerName]: genAiProviderName(row.provider),
    ...errorAttributes({type, message: row.errorMessage ?? row.status}),
  };
}

function attemptRowAttributes(row: LlmCallRecord): Attributes {
  const attributes: Attributes = {
    [GEN_AI.providerName]: genAiProviderName(row.provider),
    [GEN_AI.requestModel]: row.model,
    [LLM_RX.attemptIndex]: row.attemptIndex,
    [LLM_RX.attemptOutcome]: row.status === 'interrupted' ? 'error' : row.status,
    [LLM_RX.attemptAnswered]: row.status === 'ok',
    [LLM_RX.replayed]: true,
  };
  if (row.timeToFirstChunkMs !== null) attributes[GEN_AI.responseTimeToFirstChunk] = row.timeToFirstChunkMs / 1000;
  if (row.inputTokens !== null) attributes[LLM_RX.attemptInputTokens] = row.inputTokens;
  if (row.outputTokens !== null) attributes[LLM_RX.attemptOutputTokens] = row.outputTokens;
  if (row.totalCost !== null) attributes[LLM_RX.attemptCostAmount] = row.totalCost;
  if (row.status !== 'ok') Object.assign(attributes, failureAttributes(row));
  return attributes;
}
