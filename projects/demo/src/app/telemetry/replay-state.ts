import type {LlmReplayProgress} from 'llm-rx/telemetry';

/** The history replay as the Telemetry page shows it. */
export type ReplayState =
  | {readonly kind: 'idle'}
  | {readonly kind: 'running'; readonly progress: LlmReplayProgress | null}
  | {readonly kind: 'done'; readonly progress: LlmReplayProgress}
  | {readonly kind: 'cancelled'; readonly progress: LlmReplayProgress | null}
  | {readonly kind: 'failed'; readonly message: string};

/**
 * The state after the replay completed: done with its last progress (none came: back to idle).
 * @param state The state before.
 * @returns The state after.
 */
export function replayCompleted(state: ReplayState): ReplayState {
  const progress = state.kind === 'running' ? state.progress : null;
  return progress === null ? {kind: 'idle'} : {kind: 'done', progress};
}

/**
 * The state after the user cancelled: the progress so far is kept, for the note that the next replay resumes.
 * @param state The state before.
 * @returns The state after.
 */
export function replayCancelled(state: ReplayState): ReplayState {
  return {kind: 'cancelled', progress: state.kind === 'running' ? state.progress : null};
}

/**
 * The sentence under the progress bar.
 * @param state The replay's state.
 * @returns e.g. `3 of 10 calls sent…`; empty when idle or failed (the failure has its own message).
 */
export function describeReplay(state: ReplayState): string {
  if (state.kind === 'idle' || state.kind === 'failed') return '';
  if (state.kind === 'done' && state.progress.total === 0) return 'Nothing new to send: every call was sent.';
  const {progress} = state;
  const sent = progress === null ? 'Counting the calls…' : `${progress.replayed} of ${progress.total} calls sent`;
  if (state.kind === 'done') return `${sent}.`;
  if (state.kind === 'cancelled') return `${sent}; cancelled. The next replay resumes after the last call sent.`;
  return progress === null ? sent : `${sent}…`;
}
