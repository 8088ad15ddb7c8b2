import {
  DEFAULT_OUTPUT_NAME,
  LlmAnswerError,
  type LlmAttempt,
  type LlmAttemptStart,
  type LlmCallRecord,
  type LlmCallStatus,
  LlmCascadeError,
  type LlmCost,
  LlmProviderError,
  type LlmRequest,
  type LlmTokenCounts,
  type LlmUsage,
} from 'llm-rx';

/** A call row before the log stamps its session, day and key hash. */
export type LlmCallDraft = Omit<LlmCallRecord, 'sessionId' | 'apiKeyHash' | 'day'>;

/** What every row of one logged call shares. */
export interface LoggedCallContext {
  readonly traceId: string;
  /** The wrapped `Llm`'s provider (`cascade` for a cascade) and model, for a call that reports no attempts. */
  readonly provider: string;
  readonly model: string;
  readonly label: string | null;
  readonly apiKeyAlias: string | null;
  /** The schema name of a request with `output` (see `outputNameOf()`), `null` for prose. */
  readonly outputName: string | null;
  /** The tool loop and step of a loop's step (see `toolLoopOf()`), `null` outside a loop. */
  readonly loopId: string | null;
  readonly step: number | null;
  /** The tool calls the answer made so far, `null` for a request that offers no tools. */
  readonly toolCallCount: number | null;
}

/**
 * The schema name a call's rows record: `output.name`, or `response` when the output gives none, as the adapters
 * send it; `null` for a request without `output`. A name the core refuses (the call then fails as an invalid
 * request) is still recorded as given, so that the failing call site can be found.
 * @param request The request, when known.
 * @returns The name, or `null`.
 */
export function outputNameOf(request: LlmRequest | undefined): string | null {
  if (request?.output === undefined) return null;
  const name: unknown = (request.output as {name?: unknown} | null)?.name;
  return typeof name === 'string' ? name : DEFAULT_OUTPUT_NAME;
}

/**
 * The tool loop a call's rows record: `request.toolLoop`'s id and step, as `runTools()` sets them on each step's
 * request. A loop marker that is not a string id and a non-negative integer step (a caller's own) is not recorded,
 * so that the index only ever holds what a loop wrote.
 * @param request The request, when known.
 * @returns The loop's id and step, both `null` outside a loop.
 */
export function toolLoopOf(request: LlmRequest | undefined): {loopId: string | null; step: number | null} {
  const loop = request?.toolLoop as {id?: unknown; step?: unknown} | null | undefined;
  const {id, step} = loop ?? {};
  return typeof id === 'string' && typeof step === 'number' && Number.isInteger(step) && step >= 0
    ? {loopId: id, step}
    : {loopId: null, step: null};
}

/**
 * Whether a request offers the model tools, so that its rows count the tool calls the answer made.
 * @param request The request, when known.
 * @returns Whether `tools` is a non-empty list.
 */
export function offersTools(request: LlmRequest | undefined): boolean {
  return Array.isArray(request?.tools) && request.tools.length > 0;
}

/** One attempt of a logged call: its row id, how it started, and, once it ended, how. */
export interface LoggedAttempt {
  readonly id: string;
  readonly start: LlmAttemptStart;
  readonly ended?: LlmAttempt;
}

/** Where an attempt's row sits among the call's rows. */
export interface AttemptPosition {
  readonly index: number;
  readonly count: number;
}

/**
 * The row of one attempt (one request sent), as the stream reported it: `in-progress` from its start, then its
 * outcome with its own timings, billed tokens and cost, finish reason and error.
 * @param context What the call's rows share.
 * @param attempt The attempt.
 * @param position Its place among the call's attempts.
 * @param scrub Applied to the error message before it is stored, e.g. to remove the API key.
 * @returns The row.
 */
export function attemptRecord(
  context: LoggedCallContext,
  attempt: LoggedAttempt,
  position: AttemptPosition,
  scrub: (text: string) => string,
): LlmCallDraft {
  const {start, ended} = attempt;
  const firstChunkMs = ended?.timeToFirstChunkMs ?? null;
  return {
    ...shared(context, attempt.id, position),
    provider: start.provider,
    model: start.model,
    status: ended?.outcome ?? 'in-progress',
    startedAt: start.startedAt,
    firstChunkAt: firstChunkMs === null ? null : start.startedAt + firstChunkMs,
    endedAt: ended?.durationMs === undefined ? null : start.startedAt + ended.durationMs,
    timeToFirstChunkMs: firstChunkMs,
    responseTimeMs: ended?.durationMs ?? null,
    ...tokensAndCost(ended?.usage),
    finishReason: ended?.finishReason?.unified ?? null,
    finishReasonRaw: ended?.finishReason?.raw ?? null,
    ...errorFields(ended?.error, scrub),
  };
}

/** How a call ended, as the logging operator saw it. */
export interface LoggedCallEnding {
  readonly id: string;
  readonly status: LlmCallStatus;
  readonly startedAt: number;
  readonly firstChunkAt: number | null;
  readonly endedAt: number | null;
  /** The usage part, when one came. */
  readonly usage?: LlmUsage;
  /** The error that ended the call, when it failed. */
  readonly error?: unknown;
}

/**
 * The one row of a call whose `Llm` reported no attempt (one not built on `fromProviderStream()` or
 * `reportLlmAttempt()`), from what the call itself showed: its usage part or error, and the times the operator saw.
 * @param context What the call's rows share.
 * @param ending The call's status, times, usage and error.
 * @param scrub Applied to the error message before it is stored.
 * @returns The row.
 */
export function callRecord(
  context: LoggedCallContext,
  ending: LoggedCallEnding,
  scrub: (text: string) => string,
): LlmCallDraft {
  const {usage, error} = ending;
  const billed = usage ?? (LlmAnswerError.isInstance(error) ? error.usage : undefined);
  const failed = LlmProviderError.isInstance(error) ? error : undefined;
  return {
    ...shared(context, ending.id, {index: 0, count: 1}),
    provider: billed?.provider ?? failed?.provider ?? context.provider,
    model: billed?.model ?? failed?.model ?? context.model,
    status: ending.status,
    startedAt: ending.startedAt,
    firstChunkAt: ending.firstChunkAt,
    endedAt: ending.endedAt,
    timeToFirstChunkMs:
      billed?.timeToFirstChunkMs ?? (ending.firstChunkAt === null ? null : ending.firstChunkAt - ending.startedAt),
    responseTimeMs: billed?.responseTimeMs ?? (ending.endedAt === null ? null : ending.endedAt - ending.startedAt),
    ...tokensAndCost(billed ?? failed?.usage),
    finishReason: billed?.finishReason.unified ?? null,
    finishReasonRaw: billed?.finishReason.raw ?? null,
    ...errorFields(LlmCascadeError.isInstance(error) ? error.attempts.at(-1)?.error : error, scrub),
  };
}

function shared(
  context: LoggedCallContext,
  id: string,
  position: AttemptPosition,
): Pick<
  LlmCallDraft,
  | 'id'
  | 'traceId'
  | 'label'
  | 'outputName'
  | 'loopId'
  | 'step'
  | 'toolCallCount'
  | 'apiKeyAlias'
  | 'attemptIndex'
  | 'attemptCount'
> {
  return {
    id,
    traceId: context.traceId,
    label: context.label,
    outputName: context.outputName,
    loopId: context.loopId,
    step: context.step,
    toolCallCount: context.toolCallCount,
    apiKeyAlias: context.apiKeyAlias,
    attemptIndex: position.index,
    attemptCount: position.count,
  };
}

// A row keeps the cache writes of every lifetime in one count (the cost already priced each at its own rate), and
// image tokens inside the input.
type StoredTokenField = Exclude<keyof (LlmTokenCounts & LlmCost), 'cacheWriteOneHourTokens' | 'imageInputTokens'>;

function tokensAndCost(usage: (LlmTokenCounts & LlmCost) | undefined): Pick<LlmCallDraft, StoredTokenField> {
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
