import {
  asyncScheduler,
  concat,
  connect,
  identity,
  type MonoTypeOperatorFunction,
  type Observable,
  type SchedulerLike,
  take,
  throwError,
  timeout,
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
  const fail = (kind: LlmTimeoutKind, timeoutMs: number, chunksSeen: number): Observable<never> =>
    throwError(
      () =>
        new LlmTimeoutError({
          kind,
          timeoutMs,
          ...(config.provider !== undefined && {provider: config.provider}),
          ...(config.model !== undefined && {model: config.model}),
          chunksSeen,
        }),
    );

  if (firstChunkMs !== undefined) {
    return timeout({
      first: firstChunkMs,
      each: idleMs,
      // `timeout` unsubscribes the source before it calls `with`, so the request is aborted before the error.
      // After the first chunk only the idle wait can run out, so `idleMs` is set when `seen > 0`.
      with: ({seen}) => (seen === 0 ? fail('first-chunk', firstChunkMs, 0) : fail('idle', idleMs as number, seen)),
      scheduler,
    });
  }
  const idleOnlyMs = idleMs as number;
  // Without `first`, rxjs `timeout` times the first value with `each` too. So the idle wait starts only once the
  // first chunk has passed: `connect` shares the one source subscription between the untimed first chunk and the
  // timed rest, and unsubscribes it when the rest times out.
  return source =>
    source.pipe(
      connect(chunks =>
        concat(
          chunks.pipe(take(1)),
          chunks.pipe(timeout({each: idleOnlyMs, with: ({seen}) => fail('idle', idleOnlyMs, seen + 1), scheduler})),
        ),
      ),
    );
}

/** The wait in milliseconds, or `undefined` when it is disabled. */
function enabledMs(milliseconds: number | null | undefined): number | undefined {
  // A real timer given Infinity would overflow and fire at once, so Infinity means "never" here.
  return milliseconds === null || milliseconds === undefined || milliseconds === Infinity ? undefined : milliseconds;
}
