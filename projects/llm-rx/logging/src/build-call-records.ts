import {
  type LlmAttempt,
  type LlmAttemptStart,
  type LlmCallRecord,
  type LlmCallStatus,
  LlmCascadeError,
  type LlmCost,
  LlmProviderError,
  type LlmTokenCounts,
  LlmTruncationError,
  type LlmUsage,
} from 'llm-rx';
import {newLogId} from './log-ids';

/** A call row before the log stamps its session, day and key hash. */
export type LlmCallDraft = Omit<LlmCallRecord, 'sessionId' | 'apiKeyHash' | 'day'>;

/** What the logging operator knows about a call, at its start or its end. */
export interface LoggedCallState {
  /** The row id of the answering (or only) attempt; failed attempts get new ids. */
  readonly id: string;
  readonly traceId: string;
  /** The wrapped `Llm`'s provider, `cascade` for a cascade. */
  readonly provider: string;
  readonly model: string;
  readonly label: string | null;
  readonly apiKeyAlias: string | null;
  readonly status: LlmCallStatus;
  readonly startedAt: number;
  readonly firstChunkAt: number | null;
  readonly endedAt: number | null;
  /** The usage part, when one came. */
  readonly usage?: LlmUsage;
  /** The error that ended the call, when it failed. */
  readonly error?: unknown;
  /** The attempt that ran last, as a cascade reported it at its start, with the attempts failed before it. */
  readonly attempt?: LlmAttemptStart;
}

/**
 * Turns a call into its rows: one per attempt, all under the call's trace id.
 *
 * The attempts come from the usage part, a truncation error's usage, a cascade error or, when the call ended
 * without any of these (cancelled, or an error after content), the last attempt a cascade reported. Failed attempts get
 * their own rows with their outcome, error and billed usage; their start is estimated from the durations of the
 * attempts before them. The answering (last) attempt keeps the call's id, timings and finish reason, so that
 * the body stays attached to it. Without attempt details (a running or cancelled call) there is one row.
 * @param state The call as the operator saw it.
 * @param scrub Applied to every error message before it is stored, e.g. to remove the API key.
 * @returns The rows, in attempt order.
 */
export function buildCallRecords(state: LoggedCallState, scrub: (text: string) => string): LlmCallDraft[] {
  const usage = state.usage ?? (LlmTruncationError.isInstance(state.error) ? state.error.usage : undefined);
  const attempts: readonly LlmAttempt[] =
    usage?.attempts ?? (LlmCascadeError.isInstance(state.error) ? state.error.attempts : reportedAttempts(state));
  const count = Math.max(1, attempts.length);
  const rows: LlmCallDraft[] = [];
  let attemptStartedAt = state.startedAt;
  attempts.slice(0, -1).forEach((attempt, index) => {
    rows.push(failedAttemptRow(state, attempt, index, count, attemptStartedAt, scrub));
    attemptStartedAt += attempt.durationMs ?? 0;
  });
  rows.push(answerRow(state, usage, attempts.at(-1), count, scrub));
  return rows;
}

/**
 * The attempts a cascade reported before the call ended: the failed ones, then the one that ran last.
 * @param state The call as the operator saw it.
 * @returns The attempts, or none when nothing was reported (not a cascade).
 */
function reportedAttempts(state: LoggedCallState): readonly LlmAttempt[] {
  const {attempt, status} = state;
  if (attempt === undefined) return [];
  // Only the provider and model of the last attempt are read; its outcome is the call's status.
  const outcome = status === 'ok' || status === 'cancelled' ? status : 'error';
  return [...attempt.failedAttempts, {provider: attempt.provider, model: attempt.model, outcome}];
}

function answerRow(
  state: LoggedCallState,
  usage: LlmUsage | undefined,
  attempt: LlmAttempt | undefined,
  count: number,
  scrub: (text: string) => string,
): LlmCallDraft {
  const {error} = state;
  // A cascade error sums up every attempt; the last row shows that attempt's own error.
  const rowError = LlmCascadeError.isInstance(error) ? attempt?.error : error;
  const failedProvider = LlmProviderError.isInstance(rowError) ? rowError : undefined;
  const billed = usage ?? attempt?.usage ?? failedProvider?.usage;
  const cascadeChild =
    state.provider === 'cascade' && failedProvider
      ? {provider: failedProvider.provider, model: failedProvider.model}
      : {};
  return {
    id: state.id,
    traceId: state.traceId,
    provider: usage?.provider ?? attempt?.provider ?? cascadeChild.provider ?? state.provider,
    model: usage?.model ?? attempt?.model ?? cascadeChild.model ?? state.model,
    label: state.label,
    apiKeyAlias: state.apiKeyAlias,
    status: state.status,
    startedAt: state.startedAt,
    firstChunkAt: state.firstChunkAt,
    endedAt: state.endedAt,
    timeToFirstChunkMs:
      usage?.timeToFirstChunkMs ?? (state.firstChunkAt === null ? null : state.firstChunkAt - state.startedAt),
    responseTimeMs: usage?.responseTimeMs ?? (state.endedAt === null ? null : state.endedAt - state.startedAt),
    ...tokensAndCost(billed),
    finishReason: usage?.finishReason.unified ?? null,
    finishReasonRaw: usage?.finishReason.raw ?? null,
    ...errorFields(rowError, scrub),
    attemptIndex: count - 1,
    attemptCount: count,
  };
}

function failedAttemptRow(
  state: LoggedCallState,
  attempt: LlmAttempt,
  index: number,
  count: number,
  startedAt: number,
  scrub: (text: string) => string,
): LlmCallDraft {
  return {
    id: newLogId(),
    traceId: state.traceId,
    provider: attempt.provider,
    model: attempt.model,
    label: state.label,
    apiKeyAlias: state.apiKeyAlias,
    status: attempt.outcome,
    startedAt,
    firstChunkAt: null,
    endedAt: attempt.durationMs === undefined ? null : startedAt + attempt.durationMs,
    timeToFirstChunkMs: null,
    responseTimeMs: attempt.durationMs ?? null,
    ...tokensAndCost(attempt.usage),
    finishReason: null,
    finishReasonRaw: null,
    ...errorFields(attempt.error, scrub),
    attemptIndex: index,
    attemptCount: count,
  };
}

function tokensAndCost(
  usage: (LlmTokenCounts & LlmCost) | undefined,
): Pick<LlmCallDraft, keyof (LlmTokenCounts & LlmCost)> {
  return {
    inputTokens: usage?.inputTokens ?? null,
    outputTokens: usage?.outputTokens ?? null,
    cachedInputTokens: usage?.cachedInputTokens ?? null,
    cacheWriteTokens: usage?.cacheWriteTokens ?? null,
    reasoningTokens: usage?.reasoningTokens ?? null,
    inputCost: usage?.inputCost ?? null,
    outputCost: usage?.outputCost ?? null,
    totalCost: usage?.totalCost ?? null,
  };
}

function errorFields(
  error: unknown,
  scrub: (text: string) => string,
): Pick<LlmCallDraft, 'errorType' | 'errorMessage'> {
  if (error === undefined) return {errorType: null, errorMessage: null};
  if (error instanceof Error) return {errorType: error.name, errorMessage: scrub(error.message)};
  return {errorType: typeof error, errorMessage: scrub(String(error))};
}
