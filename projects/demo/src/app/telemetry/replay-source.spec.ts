import type {LlmCallReplaySource} from 'llm-rx';
import {replaySourceOf} from './replay-source';

describe('replaySourceOf', () => {
  const source: LlmCallReplaySource = {
    countReplayCalls: () => Promise.resolve(0),
    readReplayPage: () => Promise.resolve({calls: [], cursor: null, hasMore: false}),
    readReplayCursor: () => Promise.resolve(null),
    saveReplayCursor: () => Promise.resolve(),
  };

  it('takes a log with every replay method', () => {
    expect(replaySourceOf(source)).toBe(source);
  });

  it('refuses a log that lacks one', () => {
    const {saveReplayCursor: _missing, ...partial} = source;
    expect(replaySourceOf(partial)).toBeUndefined();
    expect(replaySourceOf({...source, readReplayPage: 'not a function'})).toBeUndefined();
  });
});
