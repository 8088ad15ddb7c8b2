import type {LlmReplayProgress} from 'llm-rx/telemetry';
import {describeReplay, replayCancelled, replayCompleted, type ReplayState} from './replay-state';

const progress = (replayed: number, total: number): LlmReplayProgress => ({
  replayed,
  total,
  cursor: null,
  done: replayed === total,
});

describe('the history replay state', () => {
  it('counts while running, then says how many calls were sent', () => {
    expect(describeReplay({kind: 'running', progress: null})).toBe('Counting the calls…');
    expect(describeReplay({kind: 'running', progress: progress(3, 10)})).toBe('3 of 10 calls sent…');
    const done = replayCompleted({kind: 'running', progress: progress(10, 10)});
    expect(done).toEqual({kind: 'done', progress: progress(10, 10)});
    expect(describeReplay(done)).toBe('10 of 10 calls sent.');
  });

  it('says when there was nothing new to send', () => {
    expect(describeReplay(replayCompleted({kind: 'running', progress: progress(0, 0)}))).toBe(
      'Nothing new to send: every call was sent.',
    );
  });

  it('keeps the progress when cancelled, and says the next replay resumes', () => {
    const cancelled = replayCancelled({kind: 'running', progress: progress(4, 10)});
    expect(cancelled).toEqual({kind: 'cancelled', progress: progress(4, 10)});
    expect(describeReplay(cancelled)).toBe(
      '4 of 10 calls sent; cancelled. The next replay resumes after the last call sent.',
    );
  });

  it('says nothing when idle or failed, and completes to idle when no progress came', () => {
    const failed: ReplayState = {kind: 'failed', message: 'no log'};
    expect(describeReplay({kind: 'idle'})).toBe('');
    expect(describeReplay(failed)).toBe('');
    expect(replayCompleted({kind: 'running', progress: null})).toEqual({kind: 'idle'});
  });
});
