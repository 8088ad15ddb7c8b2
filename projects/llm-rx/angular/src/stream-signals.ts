import {DestroyRef, inject, type Signal, signal} from '@angular/core';
import {LlmAbortError} from 'llm-rx';
import {type Observable, scan, type Subscription, tap} from 'rxjs';
import {_latestPerFrame} from './latest-per-frame';
import {LLM_SCHEDULER} from './llm-tokens';

/** Where a call of `injectLlmStream()` or `injectLlmObject()` is: not started, running, or ended how. */
export type LlmStreamStatus = 'idle' | 'streaming' | 'done' | 'error' | 'cancelled';

/** A stream's state as signals, with the functions that start and cancel it. */
export interface _StreamSignals<TSnapshot, TChunk> {
  /** What the chunks so far add up to; set at most once per tick of `LLM_SCHEDULER`, and before `status` ends. */
  readonly snapshot: Signal<TSnapshot>;
  readonly status: Signal<LlmStreamStatus>;
  readonly error: Signal<unknown>;
  /** Cancels the running call, clears the snapshot and subscribes to the stream `open()` makes. */
  start(open: () => Observable<TChunk>): void;
  /** Cancels the running call, keeping the snapshot so far; a no-op otherwise. */
  cancel(): void;
}

/**
 * The one mechanism behind `injectLlmStream()` and `injectLlmObject()`: folds a stream's chunks into a snapshot
 * and shows it in a signal at most once per tick of `LLM_SCHEDULER` (once per animation frame in the browser), the
 * final snapshot always before `status` becomes `done`, and the snapshot so far on error and cancel. A running call
 * is cancelled when the injection context is destroyed, and when `start()` is called again.
 * @internal Call in an injection context.
 * @param initial The snapshot before any chunk.
 * @param reduce Adds one chunk to a snapshot, returning a new snapshot (or the same one when nothing changed).
 * @returns The signals and `start()`/`cancel()`.
 */
export function _streamSignals<TSnapshot, TChunk>(
  initial: TSnapshot,
  reduce: (snapshot: TSnapshot, chunk: TChunk) => TSnapshot,
): _StreamSignals<TSnapshot, TChunk> {
  const scheduler = inject(LLM_SCHEDULER);
  const snapshot = signal(initial);
  const status = signal<LlmStreamStatus>('idle');
  const error = signal<unknown>(undefined);
  let subscription: Subscription | undefined;
  // The state the chunks have reached, which may be ahead of the signal until the next frame.
  let latest = initial;
  const cancel = () => {
    if (!subscription) return;
    subscription.unsubscribe();
    subscription = undefined;
    snapshot.set(latest);
    status.set('cancelled');
  };
  const start = (open: () => Observable<TChunk>) => {
    cancel();
    latest = initial;
    snapshot.set(latest);
    error.set(undefined);
    status.set('streaming');
    const current = open()
      .pipe(
        scan(reduce, initial),
        tap(next => (latest = next)),
        _latestPerFrame(scheduler),
      )
      .subscribe({
        next: next => snapshot.set(next),
        error: (caught: unknown) => {
          subscription = undefined;
          snapshot.set(latest);
          error.set(caught);
          // A call cancelled through its request's signal is cancelled, as with cancel(); `error` says how.
          status.set(LlmAbortError.isInstance(caught) ? 'cancelled' : 'error');
        },
        complete: () => {
          subscription = undefined;
          snapshot.set(latest);
          status.set('done');
        },
      });
    // A call that ended during subscribe (e.g. on a configuration error) has nothing left to cancel.
    if (!current.closed) subscription = current;
  };
  inject(DestroyRef).onDestroy(cancel);
  return {snapshot: snapshot.asReadonly(), status: status.asReadonly(), error: error.asReadonly(), start, cancel};
}
