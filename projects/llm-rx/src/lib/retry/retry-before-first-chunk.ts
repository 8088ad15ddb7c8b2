import {
  asyncScheduler,
  catchError,
  defer,
  identity,
  map,
  type MonoTypeOperatorFunction,
  retry,
  type SchedulerLike,
  tap,
  throwError,
  timer,
} from 'rxjs';
import {CallAttempts} from '../attempts/call-attempts';
import {isContentChunk, type LlmChunk} from '../chunk/llm-chunk';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';

/** How often and how patiently `retryBeforeFirstChunk()` tries a call again. */
export interface RetryBeforeFirstChunkConfig {
  /** Retries after the first attempt; default 2 (3 attempts in all). `0` or less disables retrying. */
  readonly count?: number;
  /** The wait before the first retry, in milliseconds; it doubles for each further retry. Default 200. */
  readonly initialDelayMs?: number;
  /** The cap on the doubled wait, in milliseconds. Default 1000. */
  readonly maxDelayMs?: number;
  /**
   * Whether to randomise each wait to between half of it and all of it ("equal jitter"), so that many clients
   * failing together do not retry in step. Default true.
   */
  readonly jitter?: boolean;
  /**
   * The cap, in milliseconds, on a provider's `retry-after` (`LlmProviderError.retryAfterMs`). Default 10000: a
   * caller streaming an answer should rather fail over than wait a minute.
   */
  readonly maxRetryAfterMs?: number;
  /** Whether an error is worth another attempt; default `isRetryableLlmError`. */
  readonly shouldRetry?: (error: unknown) => boolean;
  /** The scheduler that times the waits; defaults to `asyncScheduler`. */
  readonly scheduler?: SchedulerLike;
  /** A source of numbers in [0, 1) for the jitter; defaults to `Math.random`. For tests. */
  readonly random?: () => number;
}

/**
 * The default retry policy: whether trying the same call again may succeed.
 *
 * - `LlmProviderError`: its `isRetryable` (true for 408, 409, 5xx and connection errors; false for 429 and 529,
 *   so that rate limits and overload fail fast and a cascade can move on).
 * - `LlmTimeoutError`: true.
 * - Anything else (configuration, invalid request, truncation, cascade or unknown errors): false.
 * @param error The error an attempt failed with.
 * @returns Whether to retry it.
 */
export function isRetryableLlmError(error: unknown): boolean {
  if (LlmProviderError.isInstance(error)) return error.isRetryable;
  return LlmTimeoutError.isInstance(error);
}

/**
 * Retries a failed LLM stream with exponential backoff, but only while no content chunk has reached the
 * subscriber, so that a second answer is never glued onto the first. Once a content chunk (text, reasoning or an
 * object part) was emitted, any error passes through untouched.
 *
 * Retry `n` waits `initialDelayMs × 2^(n−1)`, capped at `maxDelayMs`, then jittered (see `jitter`); if the error
 * is an `LlmProviderError` with `retryAfterMs`, it waits at least that, capped at `maxRetryAfterMs`. Every request
 * is one attempt of the call (`reportLlmAttempt()`, which also tells `request.onAttempt` of each): when a retry
 * succeeds, the usage part's `attempts` lists every one, the answering one last, and its `timeToFirstChunkMs` and
 * `responseTimeMs` count from this operator's subscription (what the subscriber waited, backoffs included). When
 * the retries run out, the last attempt's error is emitted, its `attempts` listing every attempt.
 * @param config Retry count, backoff, policy and scheduler; all optional.
 * @returns An operator that resubscribes to the source on retryable errors before the first content chunk.
 *
 * ```ts
 * llm.stream(request).pipe(retryBeforeFirstChunk({count: 2}));
 * ```
 */
export function retryBeforeFirstChunk(config: RetryBeforeFirstChunkConfig = {}): MonoTypeOperatorFunction<LlmChunk> {
  const count = config.count ?? 2;
  if (count <= 0) return identity;
  const shouldRetry = config.shouldRetry ?? isRetryableLlmError;
  const scheduler = config.scheduler ?? asyncScheduler;

  return source =>
    // Per subscription: its own content flag and attempts, so that two subscribers never share a budget.
    defer(() => {
      let hasContent = false;
      let attemptStartedAt = 0;
      const call = new CallAttempts(scheduler);
      const attempt = defer(() => {
        attemptStartedAt = scheduler.now();
        return source;
      });
      return attempt.pipe(
        tap(chunk => {
          hasContent ||= isContentChunk(chunk);
        }),
        retry({
          count,
          delay: (error: unknown, retryCount: number) => {
            if (hasContent || !shouldRetry(error)) return throwError(() => error);
            call.failed(error, undefined, attemptStartedAt);
            return timer(backoffMs(config, retryCount, error), scheduler);
          },
        }),
        map(chunk =>
          chunk.type === 'usage' ? {type: 'usage' as const, usage: call.usage(chunk.usage, attemptStartedAt)} : chunk,
        ),
        // The operator does not know who its source calls: an attempt made up for a source that reports none is
        // named after its error, or after the provider that answers.
        catchError((error: unknown) => throwError(() => call.ending(error, undefined, attemptStartedAt))),
      );
    });
}

/** The wait before retry number `retryCount` (1-based). */
function backoffMs(config: RetryBeforeFirstChunkConfig, retryCount: number, error: unknown): number {
  const exponentialMs = Math.min((config.initialDelayMs ?? 200) * 2 ** (retryCount - 1), config.maxDelayMs ?? 1000);
  const random = config.random ?? Math.random;
  const delayMs = config.jitter === false ? exponentialMs : exponentialMs / 2 + (random() * exponentialMs) / 2;
  const retryAfterMs = LlmProviderError.isInstance(error) ? error.retryAfterMs : undefined;
  if (retryAfterMs === undefined) return delayMs;
  return Math.max(delayMs, Math.min(retryAfterMs, config.maxRetryAfterMs ?? 10_000));
}
