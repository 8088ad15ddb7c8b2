import {type LlmChunk, LlmProviderError} from 'llm-rx';
import {lastValueFrom, toArray} from 'rxjs';
import {createLlmTestScheduler} from './create-llm-test-scheduler';
import {MockLlm} from './mock-llm';
import {usagePart} from './usage-part';

const request = {userPrompt: 'Hello'};
const text = (value: string): LlmChunk => ({type: 'text-delta', text: value});

describe('MockLlm', () => {
  it('defaults to mock-provider and mock-model', () => {
    const llm = new MockLlm({script: {}});
    expect(llm.provider).toBe('mock-provider');
    expect(llm.model).toBe('mock-model');
  });

  it('plays strings as text deltas, then a usage part with default tokens, synchronously without delays', async () => {
    const llm = new MockLlm({provider: 'openai', model: 'gpt-5-mini', script: {chunks: ['Hel', 'lo']}});
    const chunks = await lastValueFrom(llm.stream(request).pipe(toArray()));
    expect(chunks.slice(0, 2)).toEqual([text('Hel'), text('lo')]);
    expect(chunks.length).toBe(3);
    const usage = chunks[2].type === 'usage' ? chunks[2].usage : undefined;
    expect(usage).toEqual(
      jasmine.objectContaining({provider: 'openai', model: 'gpt-5-mini', inputTokens: 10, outputTokens: 20}),
    );
    expect(usage?.finishReason).toEqual({unified: 'stop', raw: 'stop'});
    expect(usage?.attempts).toEqual([
      jasmine.objectContaining({provider: 'openai', model: 'gpt-5-mini', outcome: 'ok'}),
    ]);
  });

  it('passes LlmChunk objects through and uses the given tokens, cost and finish reason', () => {
    createLlmTestScheduler().run(({expectObservable}) => {
      const thinking: LlmChunk = {type: 'reasoning-delta', text: 'Hmm'};
      const llm = new MockLlm({
        script: {
          chunks: [thinking, 'Hi'],
          tokens: {inputTokens: 3, outputTokens: 4, reasoningTokens: 2},
          cost: {inputCost: 0.1, outputCost: 0.2, totalCost: 0.3},
          finishReason: {unified: 'stop', raw: 'end_turn'},
        },
      });
      expectObservable(llm.stream(request)).toBe('(rau|)', {
        r: thinking,
        a: text('Hi'),
        u: usagePart({
          inputTokens: 3,
          outputTokens: 4,
          reasoningTokens: 2,
          inputCost: 0.1,
          outputCost: 0.2,
          totalCost: 0.3,
          timeToFirstChunkMs: 0,
          responseTimeMs: 0,
          finishReason: {unified: 'stop', raw: 'end_turn'},
        }),
      });
    });
  });

  it('waits the delay before every step and measures timings on the scheduler', () => {
    createLlmTestScheduler().run(({expectObservable}) => {
      const llm = new MockLlm({script: {chunks: ['a', 'b'], delayMs: 2}});
      expectObservable(llm.stream(request)).toBe('--a-b-(u|)', {
        a: text('a'),
        b: text('b'),
        u: usagePart({inputTokens: 10, outputTokens: 20, timeToFirstChunkMs: 2, responseTimeMs: 6}),
      });
    });
  });

  it('measures timings from its own subscription', () => {
    createLlmTestScheduler().run(({expectObservable}) => {
      const llm = new MockLlm({script: {chunks: ['a'], delayMs: 1}});
      expectObservable(llm.stream(request), '--^').toBe('---a(u|)', {
        a: text('a'),
        u: usagePart({inputTokens: 10, outputTokens: 20, timeToFirstChunkMs: 1, responseTimeMs: 2}),
      });
    });
  });

  it('takes one delay per step from a list, missing entries being 0', () => {
    createLlmTestScheduler().run(({expectObservable}) => {
      const llm = new MockLlm({script: {chunks: ['a', 'b', 'c'], delayMs: [3, 0, 5]}});
      expectObservable(llm.stream(request)).toBe('---(ab)-(cu|)', {
        a: text('a'),
        b: text('b'),
        c: text('c'),
        u: usagePart({inputTokens: 10, outputTokens: 20, timeToFirstChunkMs: 3, responseTimeMs: 8}),
      });
    });
  });

  it('raises an error before any chunk', () => {
    createLlmTestScheduler().run(({expectObservable}) => {
      const error = new LlmProviderError('down', {provider: 'mock-provider', statusCode: 503});
      const llm = new MockLlm({script: {chunks: ['a'], error, errorAfterChunks: 0, delayMs: 5}});
      expectObservable(llm.stream(request)).toBe('-----#', {}, error);
    });
  });

  it('raises an error after N chunks, or after all of them by default', () => {
    createLlmTestScheduler().run(({expectObservable}) => {
      const error = new Error('cut');
      const afterOne = new MockLlm({script: {chunks: ['a', 'b'], error, errorAfterChunks: 1, delayMs: 1}});
      const afterAll = new MockLlm({script: {chunks: ['a', 'b'], error, delayMs: 1}});
      expectObservable(afterOne.stream(request)).toBe('-a#', {a: text('a')}, error);
      expectObservable(afterAll.stream(request)).toBe('-ab#', {a: text('a'), b: text('b')}, error);
    });
  });

  it('hangs after its chunks when asked to', () => {
    createLlmTestScheduler().run(({expectObservable}) => {
      const llm = new MockLlm({script: {chunks: ['a'], delayMs: 1, hang: true}});
      expectObservable(llm.stream(request)).toBe('-a', {a: text('a')});
    });
  });

  it('plays one script per subscription, in order, and records calls, subscriptions and unsubscriptions', () => {
    const first = {userPrompt: 'first'};
    const second = {userPrompt: 'second'};
    const llm = new MockLlm({script: [{chunks: ['one']}, {chunks: ['two'], hang: true}]});
    const seen: LlmChunk[] = [];
    const stream = llm.stream(first);
    expect(llm.calls).toEqual([first]);
    expect(llm.subscriptions).withContext('stream() alone sends nothing').toBe(0);

    stream.subscribe(chunk => seen.push(chunk));
    const hanging = llm.stream(second).subscribe(chunk => seen.push(chunk));
    expect(seen.map(chunk => chunk.type)).toEqual(['text-delta', 'usage', 'text-delta']);
    expect(seen[0]).toEqual(text('one'));
    expect(seen[2]).toEqual(text('two'));
    expect(llm.unsubscriptions).withContext('a completed call is not an unsubscription').toBe(0);

    hanging.unsubscribe();
    expect(llm.calls).toEqual([first, second]);
    expect(llm.subscriptions).toBe(2);
    expect(llm.unsubscriptions).toBe(1);
  });

  it('does not count an errored call as an unsubscription', () => {
    const llm = new MockLlm({script: {error: new Error('down')}});
    llm.stream(request).subscribe({error: () => undefined});
    expect(llm.subscriptions).toBe(1);
    expect(llm.unsubscriptions).toBe(0);
  });

  it('reuses a single script for every call', async () => {
    const llm = new MockLlm({script: {chunks: ['same']}});
    for (let call = 0; call < 3; call++) {
      const chunks = await lastValueFrom(llm.stream(request).pipe(toArray()));
      expect(chunks[0]).toEqual(text('same'));
    }
    expect(llm.subscriptions).toBe(3);
  });

  it('errors clearly on a call beyond its scripts', () => {
    const llm = new MockLlm({script: [{chunks: ['only']}]});
    llm.stream(request).subscribe();
    let caught: unknown;
    llm.stream(request).subscribe({error: error => (caught = error)});
    expect(caught).toEqual(jasmine.any(Error));
    expect((caught as Error).message).toContain('llm-rx/testing: MockLlm has no script for call 2');
  });

  it('stops the script when unsubscribed mid-stream, and counts the unsubscription', () => {
    const scheduler = createLlmTestScheduler();
    const llm = new MockLlm({script: {chunks: ['a', 'b', 'c'], delayMs: 2}, scheduler});
    scheduler.run(({expectObservable}) => {
      expectObservable(llm.stream(request), '^--!').toBe('--a', {a: text('a')});
    });
    expect(llm.unsubscriptions).toBe(1);
  });
});
