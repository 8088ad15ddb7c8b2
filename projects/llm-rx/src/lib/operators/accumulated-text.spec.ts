import {TestScheduler} from 'rxjs/testing';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import {NO_TOKENS, type LlmUsage} from '../usage/llm-usage';
import {accumulatedText} from './accumulated-text';

const usage: LlmUsage = {
  provider: 'anthropic',
  model: 'claude-test',
  ...NO_TOKENS,
  inputCost: null,
  outputCost: null,
  totalCost: null,
  timeToFirstChunkMs: 5,
  responseTimeMs: 10,
  finishReason: {unified: 'stop', raw: 'end_turn'},
  attempts: [],
};

const chunks: Record<string, LlmChunk> = {
  r: {type: 'reasoning-delta', text: 'thinking'},
  a: {type: 'text-delta', text: 'The sky '},
  b: {type: 'text-delta', text: 'is '},
  c: {type: 'text-delta', text: 'blue.'},
  u: {type: 'usage', usage},
};

describe('accumulatedText', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('emits the whole text so far after each text-delta, nothing before the first text', () => {
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-r-r-a-b-r-c-u|', chunks).pipe(accumulatedText())).toBe('-----x-y---z--|', {
        x: 'The sky ',
        y: 'The sky is ',
        z: 'The sky is blue.',
      });
    });
  });

  it('emits nothing for a stream without text', () => {
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-r-u|', chunks).pipe(accumulatedText())).toBe('----|');
    });
  });

  it('starts from empty text for each subscription', () => {
    testScheduler.run(({cold, expectObservable}) => {
      const texts = cold('-a-b|', chunks).pipe(accumulatedText());
      expectObservable(texts).toBe('-x-y|', {x: 'The sky ', y: 'The sky is '});
      expectObservable(texts).toBe('-x-y|', {x: 'The sky ', y: 'The sky is '});
    });
  });

  it('passes errors through after the text so far', () => {
    const error = new LlmTimeoutError({kind: 'idle', timeoutMs: 1000, chunksSeen: 1});
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-a--#', chunks, error).pipe(accumulatedText())).toBe('-x--#', {x: 'The sky '}, error);
    });
  });
});
