import {
  asyncScheduler,
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
import {isContentChunk, type LlmChunk} from '../chunk/llm-chunk';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import type {LlmAttempt, LlmUsage} from '../usage/llm-usage';

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
 * subscriber, so that a second answer is never glued onto the first. Once a `text-delta` or `reasoning-delta` was
 * emitted, any error passes through untouched.
 *
 * Retry `n` waits `initialDelayMs × 2^(n−1)`, capped at `maxDelayMs`, then jittered (see `jitter`); if the error
 * is an `LlmProviderError` with `retryAfterMs`, it waits at least that, capped at `maxRetryAfterMs`. When a retry
 * succeeds, the final usage part's `attempts` starts with one `outcome: 'error'` entry per failed attempt. When the
 * retries run out, the last attempt's error is emitted as is.
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
    // Per subscription: its own content flag and failed attempts, so that two subscribers never share a budget.
    defer(() => {
      let hasContent = false;
      let attemptStartedAt = 0;
      const failures: FailedAttempt[] = [];
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
            failures.push({error, durationMs: scheduler.now() - attemptStartedAt});
            return timer(backoffMs(config, retryCount, error), scheduler);
          },
        }),
        map(chunk =>
          chunk.type === 'usage' && failures.length > 0
            ? {type: 'usage' as const, usage: withFailedAttempts(chunk.usage, failures)}
            : chunk,
        ),
      );
    });
}

/** An attempt that failed and was retried. */
interface FailedAttempt {
  readonly error: unknown;
  readonly durationMs: number;
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

/** The usage with the failed attempts put before the attempts it already lists. */
function withFailedAttempts(usage: LlmUsage, failures: readonly FailedAttempt[]): LlmUsage {
  return {...usage, attempts: [...failures.map(failure => failedAttempt(failure, usage)), ...usage.attempts]};
}

/** One failed attempt, named after the provider and model its error names, else after the answering ones. */
function failedAttempt({error, durationMs}: FailedAttempt, usage: LlmUsage): LlmAttempt {
  const named = LlmProviderError.isInstance(error) ? error : LlmTimeoutError.isInstance(error) ? error.info : undefined;
  const billed = LlmProviderError.isInstance(error) ? error.usage : undefined;
  return {
    provider: named?.provider ?? usage.provider,
    model: named?.model ?? usage.model,
    outcome: 'error',
    error,
    ...(billed !== undefined && {usage: billed}),
    durationMs,
  };
}
