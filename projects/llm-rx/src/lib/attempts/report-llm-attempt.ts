import {type MonoTypeOperatorFunction, Observable} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import type {LlmRequest} from '../request/llm-request';
import type {LlmAttempt} from '../usage/llm-usage';
import {billedOf, failedAttempt, responseOf, withAttempts} from './call-attempts';

/** How `reportLlmAttempt()` reports a request. */
export interface ReportLlmAttemptConfig {
  /** The provider the request goes to. */
  readonly provider: string;
  /** The model it asks. */
  readonly model: string;
  /** The clock for the attempt's durations, in milliseconds; defaults to `performance.now()`. */
  readonly clock?: () => number;
}

/**
 * Makes each subscription of a stream one attempt of its call, the one record of one request sent: it tells
 * `request.onAttempt` as the request starts (at subscription) and as it ends (with its usage part, its error or
 * the unsubscribe), and puts the attempt in what the stream ends with: the usage part's `attempts`, or the error's
 * `attempts` (an llm-rx error's; a truncation's usage too).
 *
 * `fromProviderStream()` applies it to every provider call, so adapters built on it need nothing more; apply it
 * yourself to an `Llm` that sends requests some other way, so that retries, cascades and call logs see them.
 * @param request The request of the call, whose `onAttempt` is told.
 * @param config The provider and model called, and the clock.
 * @returns An operator that passes the chunks through, with the attempt in the usage part.
 *
 * ```ts
 * stream: request => sendMyRequest(request).pipe(reportLlmAttempt(request, {provider: 'acme', model: 'acme-1'})),
 * ```
 */
export function reportLlmAttempt(
  request: LlmRequest,
  config: ReportLlmAttemptConfig,
): MonoTypeOperatorFunction<LlmChunk> {
  const {provider, model} = config;
  const clock = config.clock ?? (() => performance.now());
  return source =>
    new Observable<LlmChunk>(subscriber => {
      const startedAt = clock();
      let firstChunkAt: number | null = null;
      let hasEnded = false;
      const onEnded = tell(() => request.onAttempt?.({provider, model, startedAt: Date.now()}));
      const end = (attempt: LlmAttempt): LlmAttempt => {
        hasEnded = true;
        if (typeof onEnded === 'function') tell(() => onEnded(attempt));
        return attempt;
      };
      const timing = () => ({
        provider,
        model,
        durationMs: clock() - startedAt,
        timeToFirstChunkMs: firstChunkAt === null ? null : firstChunkAt - startedAt,
      });
      const subscription = source.subscribe({
        next: chunk => {
          if (chunk.type !== 'usage') {
            firstChunkAt ??= clock();
            subscriber.next(chunk);
            return;
          }
          const {usage} = chunk;
          // Told before the usage part goes on, so that an observer has every attempt once the call has its usage.
          // Timed as the usage part says: the stream measured it from the same start.
          const attempt = end({
            provider,
            model,
            durationMs: usage.responseTimeMs,
            timeToFirstChunkMs: usage.timeToFirstChunkMs,
            outcome: 'ok',
            usage: billedOf(usage),
            finishReason: usage.finishReason,
            ...responseOf(usage),
          });
          subscriber.next({type: 'usage', usage: {...usage, attempts: [attempt]}});
        },
        error: (error: unknown) => {
          const attempt = end(failedAttempt(error, timing()));
          subscriber.error(withAttempts(error, [attempt]));
        },
        complete: () => subscriber.complete(),
      });
      return () => {
        subscription.unsubscribe();
        if (!hasEnded) end({...timing(), outcome: 'cancelled'});
      };
    });
}

/**
 * Calls an observer's hook; a hook that throws must not break the stream, and must not go unnoticed either: its
 * error is rethrown on a fresh stack, as RxJS reports an error no one handles.
 */
function tell<T>(hook: () => T): T | undefined {
  try {
    return hook();
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
    return undefined;
  }
}
