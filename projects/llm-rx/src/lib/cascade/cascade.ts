import {asyncScheduler, catchError, defer, map, type Observable, type SchedulerLike, tap, throwError} from 'rxjs';
import {isContentChunk, type LlmChunk} from '../chunk/llm-chunk';
import {LlmCascadeError} from '../errors/llm-cascade-error';
import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import {LlmTruncationError} from '../errors/llm-truncation-error';
import type {Llm} from '../llm';
import type {LlmRequest} from '../request/llm-request';
import {validateLlmRequest} from '../request/validate-llm-request';
import type {LlmAttempt, LlmUsage} from '../usage/llm-usage';

/** What `onFailOver` is told when a cascade moves from one child to the next. */
export interface CascadeFailOverEvent {
  /** The child that failed. */
  readonly from: Llm;
  /** The child tried next. */
  readonly to: Llm;
  /** The error that ended `from`'s attempt. */
  readonly error: unknown;
  /** The 1-based number of the failed attempt; `to` runs as attempt `attempt + 1`. */
  readonly attempt: number;
}

/** Options of `cascade()`. */
export interface CascadeOptions {
  /**
   * Whether an error that ended an attempt before any content should move on to the next child.
   * Defaults to `shouldFailOver`.
   */
  readonly shouldFailOver?: (error: unknown) => boolean;
  /** Called at each failover, before the next child is subscribed, e.g. to log a warning. */
  readonly onFailOver?: (event: CascadeFailOverEvent) => void;
  /** The clock for attempt durations and re-based timings; defaults to `asyncScheduler`. */
  readonly scheduler?: SchedulerLike;
}

/**
 * The default failover policy of `cascade()`: whether another provider may succeed where this one failed.
 *
 * True for every `LlmProviderError`, whatever its status: a 400, 401, 404, 429 or 529 is a capability, credential
 * or capacity gap of that one provider, which is what a cascade is for. True for `LlmTimeoutError`. False for
 * configuration and invalid-request errors (the same request would fail everywhere), truncation (an answer was
 * given), a nested cascade's `LlmCascadeError`, and unknown errors (likely a bug, better surfaced at once).
 * @param error The error that ended an attempt.
 * @returns Whether the cascade should try its next child.
 */
export function shouldFailOver(error: unknown): boolean {
  if (LlmCascadeError.isInstance(error) || LlmConfigurationError.isInstance(error)) return false;
  return LlmProviderError.isInstance(error) || LlmTimeoutError.isInstance(error);
}

/**
 * Builds an `Llm` that tries its children in order and fails over only before the answer starts.
 *
 * The request is validated once, up front, so an invalid request never fails over. Each child is subscribed
 * only after the previous one failed and was unsubscribed. A child fails over while none of its chunks has
 * reached the subscriber and `shouldFailOver(error)` says so; once content flowed, every error reaches the
 * subscriber, so a second answer is never glued onto the first. When every child fails, the stream errors with
 * an `LlmCascadeError` that lists each attempt's cause.
 *
 * The final usage part is the answering child's, with `attempts` = every failed attempt (provider, model, error,
 * billed usage when the provider reported it, duration) followed by the child's own attempts, and with
 * `timeToFirstChunkMs` and `responseTimeMs` measured from the cascade's subscription: what the user waited.
 *
 * When the request has an `onAttempt` hook, it is called as each child is subscribed, with that child and the
 * attempts that failed before it; the children get the request without the hook.
 *
 * ```ts
 * const llm = cascade([createLlm('anthropic', 'claude-haiku-4-5-20251001'), createLlm('openai', 'gpt-5-mini')], {
 *   onFailOver: ({from, to, error}) => console.warn(`${from.provider} failed (${error}); trying ${to.provider}`),
 * });
 * llm.stream({userPrompt: 'Hello'}).pipe(textDeltas()).subscribe(text => console.log(text));
 * ```
 * @param llms The children, most preferred first; at least one.
 * @param options The failover policy, a failover callback and the clock.
 * @returns An `Llm` with `provider` `'cascade'` and the first child's `model`.
 * @throws LlmConfigurationError when `llms` is empty.
 */
export function cascade(llms: readonly Llm[], options: CascadeOptions = {}): Llm {
  if (!Array.isArray(llms) || llms.length === 0) {
    throw new LlmConfigurationError('llm-rx: cascade() needs at least one Llm, e.g. cascade([primary, fallback]).');
  }
  // A copy, so that changing the caller's array later cannot change a running cascade.
  const children = [...llms];
  const isFailOver = options.shouldFailOver ?? shouldFailOver;
  const scheduler = options.scheduler ?? asyncScheduler;
  return {
    provider: 'cascade',
    model: children[0].model,
    stream: (request: LlmRequest) =>
      defer(() => {
        validateLlmRequest(request);
        const {onAttempt, ...childRequest} = request;
        return streamAttempt(
          {
            children,
            // The same object when there is no hook; without it otherwise, so a nested cascade reports only its own.
            request: onAttempt === undefined ? request : childRequest,
            onAttempt,
            isFailOver,
            options,
            scheduler,
            startedAt: scheduler.now(),
            failedAttempts: [],
          },
          0,
        );
      }),
  };
}

/** One subscription of a cascade: what every attempt shares. */
interface CascadeRun {
  readonly children: readonly Llm[];
  readonly request: LlmRequest;
  /** The request's per-call hook, told of each attempt as it starts. */
  readonly onAttempt: LlmRequest['onAttempt'];
  readonly isFailOver: (error: unknown) => boolean;
  readonly options: CascadeOptions;
  readonly scheduler: SchedulerLike;
  /** When the cascade was subscribed, on the scheduler's clock. */
  readonly startedAt: number;
  /** The attempts that failed so far, in order. */
  readonly failedAttempts: LlmAttempt[];
}

/**
 * Streams one child of a cascade, failing over to the next one on an error before any chunk.
 * @param run The cascade's subscription.
 * @param index The child to try.
 * @returns The child's chunks with a re-based usage part, or the next attempt's, or the error.
 */
function streamAttempt(run: CascadeRun, index: number): Observable<LlmChunk> {
  return defer(() => {
    const {children, scheduler, failedAttempts} = run;
    const child = children[index];
    const attemptStartedAt = scheduler.now();
    run.onAttempt?.({index, provider: child.provider, model: child.model, failedAttempts: [...failedAttempts]});
    const rebase = (usage: LlmUsage) => rebaseUsage(usage, failedAttempts, attemptStartedAt - run.startedAt);
    let hasEmitted = false;
    return child.stream(run.request).pipe(
      // Any chunk that reached the subscriber, content or (from a faulty child) usage, ends the right to fail
      // over: the user already has part of this child's answer.
      tap(() => (hasEmitted = true)),
      map((chunk): LlmChunk => (isContentChunk(chunk) ? chunk : {type: 'usage', usage: rebase(chunk.usage)})),
      catchError((error: unknown) => {
        if (hasEmitted || !run.isFailOver(error)) {
          // A truncated answer is still this cascade's answer: its usage gets the failed attempts too.
          return throwError(() =>
            LlmTruncationError.isInstance(error)
              ? new LlmTruncationError(error.partialContent, rebase(error.usage), error.maxTokens)
              : error,
          );
        }
        failedAttempts.push({
          provider: child.provider,
          model: child.model,
          outcome: 'error',
          error,
          ...(LlmProviderError.isInstance(error) && error.usage ? {usage: error.usage} : {}),
          durationMs: scheduler.now() - attemptStartedAt,
        });
        if (index + 1 === children.length) return throwError(() => new LlmCascadeError([...failedAttempts]));
        run.options.onFailOver?.({from: child, to: children[index + 1], error, attempt: index + 1});
        // catchError unsubscribes the failed child before it subscribes to this, in the same frame.
        return streamAttempt(run, index + 1);
      }),
    );
  });
}

/**
 * The answering child's usage as the cascade reports it: failed attempts first, timings from the cascade's start.
 * @param usage The child's usage.
 * @param failedAttempts The attempts that failed before this child.
 * @param offsetMs Milliseconds from the cascade's subscription to this child's.
 * @returns The re-based usage.
 */
function rebaseUsage(usage: LlmUsage, failedAttempts: readonly LlmAttempt[], offsetMs: number): LlmUsage {
  return {
    ...usage,
    timeToFirstChunkMs: usage.timeToFirstChunkMs === null ? null : usage.timeToFirstChunkMs + offsetMs,
    responseTimeMs: usage.responseTimeMs + offsetMs,
    attempts: [...failedAttempts, ...usage.attempts],
  };
}
