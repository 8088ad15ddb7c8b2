import {TestScheduler} from 'rxjs/testing';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import type {LlmUsage} from '../usage/llm-usage';
import {collectResponse, type LlmResponse} from './collect-response';

const usage: LlmUsage = {
  provider: 'openai',
  model: 'gpt-test',
  inputTokens: 12,
  outputTokens: 7,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 3,
  inputCost: 0.001,
  outputCost: 0.002,
  totalCost: 0.003,
  timeToFirstChunkMs: 40,
  responseTimeMs: 90,
  finishReason: {unified: 'stop', raw: 'stop'},
  attempts: [{provider: 'openai', model: 'gpt-test', outcome: 'ok'}],
};

const chunks: Record<string, LlmChunk> = {
  r: {type: 'reasoning-delta', text: 'Think. '},
  s: {type: 'reasoning-delta', text: 'Done.'},
  a: {type: 'text-delta', text: 'Red, '},
  b: {type: 'text-delta', text: 'yellow and blue.'},
  u: {type: 'usage', usage},
};

describe('collectResponse', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('joins text and reasoning and emits one response when the source completes', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold('-r-a-s-b-u|', chunks);
      const expected: LlmResponse = {
        content: 'Red, yellow and blue.',
        reasoning: 'Think. Done.',
        object: undefined,
        toolCalls: [],
        toolResults: [],
        usage,
        finishReason: {unified: 'stop', raw: 'stop'},
      };
      expectObservable(source.pipe(collectResponse())).toBe('----------(x|)', {x: expected});
      expectSubscriptions(source.subscriptions).toBe('^---------!');
    });
  });

  it('emits empty content and reasoning for a stream with only a usage part', () => {
    testScheduler.run(({cold, expectObservable}) => {
      const expected: LlmResponse = {
        content: '',
        reasoning: '',
        object: undefined,
        toolCalls: [],
        toolResults: [],
        usage,
        finishReason: usage.finishReason,
      };
      expectObservable(cold('--u|', chunks).pipe(collectResponse())).toBe('---(x|)', {x: expected});
    });
  });

  it('emits nothing before completion, even after the usage part', () => {
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-a-u-----', chunks).pipe(collectResponse())).toBe('---------');
    });
  });

  it('passes a source error through unchanged, without a response', () => {
    const providerError = new LlmProviderError('llm-rx: openai failed', {provider: 'openai', statusCode: 500});
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('-a-#', chunks, providerError).pipe(collectResponse())).toBe(
        '---#',
        undefined,
        providerError,
      );
    });
  });

  it('errors with a contract-breach LlmError when the source completes without a usage part', () => {
    let caught: unknown;
    testScheduler.run(({cold, expectObservable}) => {
      const collected = cold('-a-b|', chunks).pipe(collectResponse());
      expectObservable(collected).toBe('----#', undefined, jasmine.any(LlmError));
      collected.subscribe({error: error => (caught = error)});
    });
    expect(LlmError.isInstance(caught)).toBeTrue();
    expect(LlmProviderError.isInstance(caught)).toBeFalse();
    expect((caught as Error).message).toContain('without a usage part');
    expect((caught as Error).message).toContain('contract');
  });

  it('errors the same way for an empty source', () => {
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold<LlmChunk>('--|').pipe(collectResponse())).toBe('--#', undefined, jasmine.any(LlmError));
    });
  });

  it('collects each subscription on its own, and unsubscribes from the source with its subscriber', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold('-a-b-u|', chunks);
      const collected = source.pipe(collectResponse());
      const expected: LlmResponse = {
        content: 'Red, yellow and blue.',
        reasoning: '',
        object: undefined,
        toolCalls: [],
        toolResults: [],
        usage,
        finishReason: usage.finishReason,
      };
      expectObservable(collected).toBe('------(x|)', {x: expected});
      expectObservable(collected, '^--!').toBe('');
      expectObservable(collected).toBe('------(x|)', {x: expected});
      expectSubscriptions(source.subscriptions).toBe(['^-----!', '^--!', '^-----!']);
    });
  });

  it("gives the object part's value as the response's object", () => {
    const object: LlmChunk = {type: 'object', object: {name: 'Ada'}};
    testScheduler.run(({cold, expectObservable}) => {
      const source = cold('-a-o-u|', {...chunks, o: object});
      expectObservable(source.pipe(collectResponse())).toBe('------(x|)', {
        x: {
          content: 'Red, ',
          reasoning: '',
          object: {name: 'Ada'},
          toolCalls: [],
          toolResults: [],
          usage,
          finishReason: usage.finishReason,
        },
      });
    });
  });

  it("collects every step's tool calls and results, in order", () => {
    testScheduler.run(({cold, expectObservable}) => {
      const call = {
        type: 'tool-call-end',
        toolCallId: 'c1',
        toolName: 'weather',
        input: {},
        argumentsText: '{}',
      } as const;
      const result = {type: 'tool-result', toolCallId: 'c1', toolName: 'weather', output: 'sunny', step: 0} as const;
      const source = cold<LlmChunk>('-c-r-a-u|', {c: call, r: result, a: chunks['a'], u: chunks['u']});
      expectObservable(source.pipe(collectResponse())).toBe('--------(x|)', {
        x: jasmine.objectContaining({toolCalls: [call], toolResults: [result], content: 'Red, '}) as never,
      });
    });
  });
});
