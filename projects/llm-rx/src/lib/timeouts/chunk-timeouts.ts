import {
  asyncScheduler,
  identity,
  type MonoTypeOperatorFunction,
  Observable,
  type SchedulerAction,
  type SchedulerLike,
  Subscription,
} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmTimeoutError, type LlmTimeoutKind} from '../errors/llm-timeout-error';

/** How long `chunkTimeouts()` waits for chunks, and what its errors name. */
export interface ChunkTimeoutsConfig {
  /**
   * Milliseconds from subscription to the first chunk (of any type). `null`, `undefined` or `Infinity` disables
   * this wait, e.g. for reasoning models that think for minutes before they answer.
   */
  readonly firstChunkMs?: number | null;
  /** Milliseconds allowed between two chunks. `null`, `undefined` or `Infinity` disables this wait. */
  readonly idleMs?: number | null;
  /** The provider named in the `LlmTimeoutError`'s info. */
  readonly provider?: string;
  /** The model named in the `LlmTimeoutError`'s info. */
  readonly model?: string;
  /** The scheduler that times the waits; defaults to `asyncScheduler`. */
  readonly scheduler?: SchedulerLike;
}

/**
 * Fails a stream with an `LlmTimeoutError` when its first chunk or the next chunk is late.
 *
 * The first-chunk wait runs from subscription to the first chunk (`kind: 'first-chunk'`, `chunksSeen: 0`); the
 * idle wait restarts at every chunk (`kind: 'idle'`, `chunksSeen` the chunks so far). On a timeout the source is
 * unsubscribed in the same frame, which aborts the provider's HTTP request. With both waits disabled the operator
 * is `identity`.
 * @param config The waits in milliseconds, the provider and model for the error, and the scheduler.
 * @returns An operator that mirrors the stream, or fails it with an `LlmTimeoutError`.
 *
 * ```ts
 * llm.stream(request).pipe(chunkTimeouts({firstChunkMs: 30_000, idleMs: 10_000, provider: 'openai'}));
 * ```
 */
export function chunkTimeouts(config: ChunkTimeoutsConfig): MonoTypeOperatorFunction<LlmChunk> {
  const firstChunkMs = enabledMs(config.firstChunkMs);
  const idleMs = enabledMs(config.idleMs);
  if (firstChunkMs === undefined && idleMs === undefined) return identity;
  const scheduler = config.scheduler ?? asyncScheduler;
  const timeoutError = (kind: LlmTimeoutKind, timeoutMs: number, chunksSeen: number) =>
    new LlmTimeoutError({
      kind,
      timeoutMs,
      ...(config.provider !== undefined && {provider: config.provider}),
      ...(config.model !== undefined && {model: config.model}),
      chunksSeen,
    });

  return source =>
    new Observable<LlmChunk>(subscriber => {
      let chunksSeen = 0;
      // Streams bring thousands of chunks a second: re-arming a timer per chunk (as rxjs `timeout` does) costs
      // more than the rest of llm-rx's per-chunk work. So each chunk only stamps its time, and the one timer,
      // when it fires early, waits again for the rest of the wait counted from the last chunk.
      let lastChunkAt = scheduler.now();
      let timer: Subscription | undefined;
      // Created first, so that the timer can end the source's subscription whenever it fires.
      const sourceSubscription = new Subscription();
      const arm = (delay: number) => {
        timer = scheduler.schedule(function (this: SchedulerAction<undefined>) {
          const waitMs = chunksSeen === 0 ? (firstChunkMs as number) : (idleMs as number);
          const remainingMs = lastChunkAt + waitMs - scheduler.now();
          if (remainingMs > 0) {
            this.schedule(undefined, remainingMs);
            return;
          }
          // Unsubscribing the source first aborts the request before the error reaches the subscriber.
          sourceSubscription.unsubscribe();
          subscriber.error(timeoutError(chunksSeen === 0 ? 'first-chunk' : 'idle', waitMs, chunksSeen));
        }, delay);
      };
      if (firstChunkMs !== undefined) arm(firstChunkMs);
      sourceSubscription.add(
        source.subscribe({
          next: chunk => {
            lastChunkAt = scheduler.now();
            if (++chunksSeen === 1) {
              // The first chunk ends the first-chunk wait, which may be longer than the idle one: start afresh.
              timer?.unsubscribe();
              if (idleMs !== undefined) arm(idleMs);
            }
            subscriber.next(chunk);
          },
          error: error => {
            timer?.unsubscribe();
            subscriber.error(error);
          },
          complete: () => {
            timer?.unsubscribe();
            subscriber.complete();
          },
        }),
      );
      return () => {
        timer?.unsubscribe();
        sourceSubscription.unsubscribe();
      };
    });
}

/** The wait in milliseconds, or `undefined` when it is disabled. */
function enabledMs(milliseconds: number | null | undefined): number | undefined {
  // A real timer given Infinity would overflow and fire at once, so Infinity means "never" here.
  return milliseconds === null || milliseconds === undefined || milliseconds === Infinity ? undefined : milliseconds;
}
