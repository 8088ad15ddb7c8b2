import {DestroyRef, inject, type Signal, signal} from '@angular/core';
import {LlmAbortError, type LlmChunk} from 'llm-rx';
import {type Observable, scan, type Subscription, tap} from 'rxjs';
import {_latestPerFrame} from './latest-per-frame';
import {LLM_SCHEDULER} from './llm-tokens';
import {_noToolCalls, _reduceToolCalls, type _ToolCallsState, type LlmToolCallState} from './tool-call-states';

/** Where a call of `injectLlmStream()` or `injectLlmObject()` is: not started, running, or ended how. */
export type LlmStreamStatus = 'idle' | 'streaming' | 'done' | 'error' | 'cancelled';

/** How `_StreamSignals.start()` reads the stream it subscribes to. */
export interface _StreamStartOptions {
  /** Whether the stream is a `runTools()` loop: its complete tool calls are then `running` until their result. */
  readonly toolLoop?: boolean;
}

/** A stream's state as signals, with the functions that start and cancel it. */
export interface _StreamSignals<TSnapshot, TChunk> {
  /** What the chunks so far add up to; set at most once per tick of `LLM_SCHEDULER`, and before `status` ends. */
  readonly snapshot: Signal<TSnapshot>;
  /** The stream's tool calls in the order they started; set with `snapshot`, a new list only when a call changed. */
  readonly toolCalls: Signal<readonly LlmToolCallState[]>;
  readonly status: Signal<LlmStreamStatus>;
  readonly error: Signal<unknown>;
  /** Cancels the running call, clears the snapshot and subscribes to the stream `open()` makes. */
  start(open: () => Observable<TChunk>, options?: _StreamStartOptions): void;
  /** Cancels the running call, keeping the snapshot so far; a no-op otherwise. */
  cancel(): void;
}

/** Everything the chunks so far add up to, shown together. */
interface Progress<TSnapshot> {
  readonly snapshot: TSnapshot;
  readonly tools: _ToolCallsState;
}

/**
 * The one mechanism behind `injectLlmStream()` and `injectLlmObject()`: folds a stream's chunks into a snapshot
 * and the tool calls' states, and shows them in signals at most once per tick of `LLM_SCHEDULER` (once per
 * animation frame in the browser, both in the same tick), the final ones always before `status` becomes `done`,
 * and the ones so far on error and cancel. A running call is cancelled when the injection context is destroyed,
 * and when `start()` is called again.
 * @internal Call in an injection context.
 * @param initial The snapshot before any chunk.
 * @param reduce Adds one chunk to a snapshot, returning a new snapshot (or the same one when nothing changed).
 * @returns The signals and `start()`/`cancel()`.
 */
export function _streamSignals<TSnapshot, TChunk extends LlmChunk>(
  initial: TSnapshot,
  reduce: (snapshot: TSnapshot, chunk: TChunk) => TSnapshot,
): _StreamSignals<TSnapshot, TChunk> {
  const scheduler = inject(LLM_SCHEDULER);
  const snapshot = signal(initial);
  const toolCalls = signal<readonly LlmToolCallState[]>([]);
  const status = signal<LlmStreamStatus>('idle');
  const error = signal<unknown>(undefined);
  let subscription: Subscription | undefined;
  // What the chunks have reached, which may be ahead of the signals until the next frame.
  let latest: Progress<TSnapshot> = {snapshot: initial, tools: _noToolCalls(false)};
  const show = (progress: Progress<TSnapshot>) => {
    snapshot.set(progress.snapshot);
    toolCalls.set(progress.tools.calls);
  };
  const addChunk = (progress: Progress<TSnapshot>, chunk: TChunk): Progress<TSnapshot> => {
    const next = {snapshot: reduce(progress.snapshot, chunk), tools: _reduceToolCalls(progress.tools, chunk)};
    return next.snapshot === progress.snapshot && next.tools === progress.tools ? progress : next;
  };
  const cancel = () => {
    if (!subscription) return;
    subscription.unsubscribe();
    subscription = undefined;
    show(latest);
    status.set('cancelled');
  };
  const start = (open: () => Observable<TChunk>, options: _StreamStartOptions = {}) => {
    cancel();
    const empty: Progress<TSnapshot> = {snapshot: initial, tools: _noToolCalls(options.toolLoop === true)};
    latest = empty;
    show(latest);
    error.set(undefined);
    status.set('streaming');
    const current = open()
      .pipe(
        scan(addChunk, empty),
        tap(next => (latest = next)),
        _latestPerFrame(scheduler),
      )
      .subscribe({
        next: show,
        error: (caught: unknown) => {
          subscription = undefined;
          show(latest);
          error.set(caught);
          // A call cancelled through its request's signal is cancelled, as with cancel(); `error` says how.
          status.set(LlmAbortError.isInstance(caught) ? 'cancelled' : 'error');
        },
        complete: () => {
          subscription = undefined;
          show(latest);
          status.set('done');
        },
      });
    // A call that ended during subscribe (e.g. on a configuration error) has nothing left to cancel.
    if (!current.closed) subscription = current;
  };
  inject(DestroyRef).onDestroy(cancel);
  return {
    snapshot: snapshot.asReadonly(),
    toolCalls: toolCalls.asReadonly(),
    status: status.asReadonly(),
    error: error.asReadonly(),
    start,
    cancel,
  };
}
