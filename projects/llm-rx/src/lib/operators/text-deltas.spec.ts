import {TestScheduler} from 'rxjs/testing';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmProviderError} from '../errors/llm-provider-error';
import {NO_TOKENS, type LlmUsage} from '../usage/llm-usage';
import {textDeltas} from './text-deltas';

const usage: LlmUsage = {
  provider: 'deepseek',
  model: 'deepseek-reasoner',
  ...NO_TOKENS,
  inputCost: null,
  outputCost: null,
  totalCost: null,
  timeToFirstChunkMs: 5,
  responseTimeMs: 10,
  finishReason: {unified: 'stop', raw: 'stop'},
  attempts: [],
};

const chunks: Record<string, LlmChunk> = {
  r: {type: 'reasoning-delta', text: 'hmm'},
  a: {type: 'text-delta', text: 'Hel'},
  b: {type: 'text-delta', text: 'lo'},
  u: {type: 'usage', usage},
};

describe('textDeltas', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('emits the text of each text-delta and drops reasoning and usage', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold('-r-a-r-b-u|', chunks);
      expectObservable(source.pipe(textDeltas())).toBe('---a---b--|', {a: 'Hel', b: 'lo'});
      expectSubscriptions(source.subscriptions).toBe('^---------!');
    });
  });

  it('passes errors through', () => {
    const error = new LlmProviderError('llm-rx: cut', {provider: 'deepseek'});
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-a-#', chunks, error).pipe(textDeltas())).toBe('-a-#', {a: 'Hel'}, error);
    });
  });

  it('unsubscribes from the source when the subscriber does', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold('-a-b-u|', chunks);
      expectObservable(source.pipe(textDeltas()), '^--!').toBe('-a--', {a: 'Hel'});
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });
});
