import type {SchedulerLike} from 'rxjs';
import {LlmAbortError} from '../errors/llm-abort-error';
import {LlmCascadeError} from '../errors/llm-cascade-error';
import {_setErrorAttempts, LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import {LlmAnswerError} from '../errors/llm-answer-error';
import type {LlmAttempt, LlmCost, LlmTokenCounts, LlmUsage} from '../usage/llm-usage';

/** Who a run of an `Llm` calls, for an attempt made up when the run reported none. */
export interface AttemptTarget {
  readonly provider: string;
  readonly model: string;
}

/**
 * The attempts and timing of one subscription of an `Llm` that runs others one after another (a retry, a
 * cascade). It never makes attempt records of its own for streams that report theirs: it lists, in order, the
 * attempts each run's usage part or error carries (see `reportLlmAttempt()`), and makes one up only for a run of
 * an `Llm` that reports none (a hand-made test double, say).
 * @internal Shared by `retryBeforeFirstChunk()` and `cascade()`.
 */
export class CallAttempts {
  readonly #scheduler: SchedulerLike;
  readonly #startedAt: number;
  /** Each failed run's attempts; one made up for an unknown source may wait to be named after the answer. */
  readonly #earlier: {readonly attempt: LlmAttempt; readonly unnamed?: {provider: boolean; model: boolean}}[] = [];

  /** @param scheduler The clock for the call's timings; read now as the call's start. */
  constructor(scheduler: SchedulerLike) {
    this.#scheduler = scheduler;
    this.#startedAt = scheduler.now();
  }

  /** The attempts of the runs that failed so far, in order. */
  get failedAttempts(): readonly LlmAttempt[] {
    return this.#earlier.map(({attempt}) => attempt);
  }

  /**
   * Keeps the attempts of a run that failed, before the next run starts.
   * @param error What the run failed with.
   * @param target Who the run called; `undefined` when unknown (an operator's source): an attempt made up for it is
   *   then named after the error's provider, else after the provider that answers in the end.
   * @param runStartedAt When the run started, on the scheduler's clock.
   */
  failed(error: unknown, target: AttemptTarget | undefined, runStartedAt: number): void {
    const reported = reportedAttempts(error);
    if (reported !== undefined) {
      this.#earlier.push(...reported.map(attempt => ({attempt})));
      return;
    }
    const named = namedBy(error);
    this.#earlier.push({
      attempt: madeUpAttempt(error, target, this.#scheduler.now() - runStartedAt),
      ...(target === undefined && {
        unnamed: {provider: named?.provider === undefined, model: named?.model === undefined},
      }),
    });
  }

  /**
   * The usage part of the run that answered, as the call reports it: every attempt of the call, and timings
   * counted from the call's start (what the subscriber waited).
   * @param usage The run's usage.
   * @param runStartedAt When the run started, on the scheduler's clock.
   * @returns The call's usage.
   */
  usage(usage: LlmUsage, runStartedAt: number): LlmUsage {
    if (this.#earlier.length === 0) return usage;
    const named = this.#earlier.map(({attempt, unnamed}) =>
      unnamed === undefined
        ? attempt
        : {
            ...attempt,
            provider: unnamed.provider ? usage.provider : attempt.provider,
            model: unnamed.model ? usage.model : attempt.model,
          },
    );
    return rebased(usage, [...named, ...usage.attempts], runStartedAt - this.#startedAt);
  }

  /**
   * The error that ends the call, carrying every attempt of the call (an answer error's usage re-timed too).
   * @param error What the last run failed with.
   * @param target Who the last run called; `undefined` when unknown.
   * @param runStartedAt When the last run started, on the scheduler's clock.
   * @returns The error to emit.
   */
  ending(error: unknown, target: AttemptTarget | undefined, runStartedAt: number): unknown {
    const own = reportedAttempts(error) ?? [madeUpAttempt(error, target, this.#scheduler.now() - runStartedAt)];
    return withAttempts(error, [...this.failedAttempts, ...own], runStartedAt - this.#startedAt);
  }
}

/** What a stub names an attempt after when neither its error nor its caller says who it called. */
const UNKNOWN: AttemptTarget = {provider: 'unknown', model: 'unknown'};

/** The attempts an llm-rx error of a run carries, or `undefined` for a run that reported none. */
function reportedAttempts(error: unknown): readonly LlmAttempt[] | undefined {
  return LlmError.isInstance(error) && error.attempts.length > 0 ? error.attempts : undefined;
}

/**
 * A run's usage, timed from the call's start: its first chunk and end came `offsetMs` later than the run measured
 * them from its own start.
 */
function rebased(usage: LlmUsage, attempts: readonly LlmAttempt[], offsetMs: number): LlmUsage {
  return {
    ...usage,
    timeToFirstChunkMs: usage.timeToFirstChunkMs === null ? null : usage.timeToFirstChunkMs + offsetMs,
    responseTimeMs: usage.responseTimeMs + offsetMs,
    attempts,
  };
}

/** The provider and model an error names, when it is a provider or timeout error. */
function namedBy(error: unknown): {readonly provider?: string; readonly model?: string} | undefined {
  return LlmProviderError.isInstance(error) ? error : LlmTimeoutError.isInstance(error) ? error.info : undefined;
}

/**
 * The error that ends a call, with the call's attempts: an llm-rx error gets them as its `attempts`; an answer
 * error (truncation, object, refusal) is made again with them in its usage too, re-timed from the call's start; a
 * cascade error is made again, its message listing them all. Other errors are returned as they are.
 * @param error The error that ends a call.
 * @param attempts The call's attempts.
 * @param offsetMs How much later than the call the run that failed started (an answer error's usage is re-timed).
 * @returns The error to emit.
 */
export function withAttempts(error: unknown, attempts: readonly LlmAttempt[], offsetMs = 0): unknown {
  if (LlmCascadeError.isInstance(error)) return new LlmCascadeError(attempts);
  if (LlmAnswerError.isInstance(error)) {
    const answer = error._withUsage(rebased(error.usage, attempts, offsetMs));
    _setErrorAttempts(answer, attempts);
    return answer;
  }
  if (LlmError.isInstance(error)) _setErrorAttempts(error, attempts);
  return error;
}

/**
 * The attempt a failed run stands for when it reported none: named after the provider and model its error names,
 * else after the run's target.
 */
function madeUpAttempt(error: unknown, target: AttemptTarget | undefined, durationMs: number): LlmAttempt {
  const named = namedBy(error);
  return failedAttempt(error, {
    provider: named?.provider ?? target?.provider ?? UNKNOWN.provider,
    model: named?.model ?? target?.model ?? UNKNOWN.model,
    durationMs,
  });
}

/**
 * The record of a request that failed: its error, what it was billed (a provider error's or an answer error's
 * usage), an answer error's finish reason, and `cancelled` for an `LlmAbortError`.
 * @param error What the request failed with.
 * @param timing Who was called, and how long it took.
 * @returns The attempt.
 */
export function failedAttempt(error: unknown, timing: Omit<LlmAttempt, 'outcome' | 'error'>): LlmAttempt {
  const billed = LlmProviderError.isInstance(error)
    ? error.usage
    : LlmAnswerError.isInstance(error)
      ? billedOf(error.usage)
      : undefined;
  return {
    ...timing,
    outcome: LlmAbortError.isInstance(error) ? 'cancelled' : 'error',
    error,
    ...(billed !== undefined && {usage: billed}),
    ...(LlmAnswerError.isInstance(error) && {finishReason: error.usage.finishReason, ...responseOf(error.usage)}),
  };
}

/**
 * The response's id and model of a usage summary, each only when the provider sent it.
 * @param usage The usage.
 * @returns `responseId` and `responseModel`, for an attempt.
 */
export function responseOf(usage: LlmUsage): Pick<LlmAttempt, 'responseId' | 'responseModel'> {
  return {
    ...(usage.responseId !== undefined && {responseId: usage.responseId}),
    ...(usage.responseModel !== undefined && {responseModel: usage.responseModel}),
  };
}

/**
 * The tokens and cost of a usage summary, without who (the response's id and model too), when and why.
 * @param usage The usage.
 * @returns What was billed.
 */
export function billedOf(usage: LlmUsage): LlmTokenCounts & LlmCost {
  const {
    provider: _provider,
    model: _model,
    timeToFirstChunkMs: _timeToFirstChunkMs,
    responseTimeMs: _responseTimeMs,
    finishReason: _finishReason,
    responseId: _responseId,
    responseModel: _responseModel,
    attempts: _attempts,
    ...billed
  } = usage;
  return billed;
}
