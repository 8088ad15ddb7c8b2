import {
  collectResponse,
  type Llm,
  type LlmChunk,
  LlmConfigurationError,
  LlmInvalidRequestError,
  LlmProviderError,
  type LlmRequest,
} from 'llm-rx';
import {createLlmTestScheduler, llmFromObservable, MockLlm, usagePart} from 'llm-rx/testing';
import {defer, finalize, firstValueFrom, type Observable} from 'rxjs';
import {cascade} from './cascade';
import {child, providerError, request, text} from './cascade-fixtures';

describe('cascade', () => {
  it('reports provider "cascade" and the first child\'s model', () => {
    const llm = cascade([
      child(
        'a',
        defer(() => []),
      ),
      child(
        'b',
        defer(() => []),
      ),
    ]);
    expect(llm.provider).toBe('cascade');
    expect(llm.model).toBe('a-model');
  });

  it('throws LlmConfigurationError at once without children', () => {
    expect(() => cascade([])).toThrowMatching(error => LlmConfigurationError.isInstance(error));
  });

  it('fails over on a pre-content error; the failed child is unsubscribed where the next one starts', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const error = providerError('a', 503);
      const childUsage = usagePart({provider: 'b', model: 'b-model', timeToFirstChunkMs: 1, responseTimeMs: 5});
      const primary = cold<LlmChunk>('--#', {}, error);
      const fallback = cold<LlmChunk>('-a-b-(u|)', {a: text('Hel'), b: text('lo'), u: childUsage});
      const llm = cascade([child('a', primary), child('b', fallback)]);

      expectObservable(llm.stream(request)).toBe('---a-b-(u|)', {
        a: text('Hel'),
        b: text('lo'),
        u: usagePart({
          provider: 'b',
          model: 'b-model',
          // Re-based to the cascade's subscription: what the user waited.
          timeToFirstChunkMs: 3,
          responseTimeMs: 7,
          attempts: [
            {provider: 'a', model: 'a-model', outcome: 'error', error, durationMs: 2},
            ...childUsage.usage.attempts,
          ],
        }),
      });
      expectSubscriptions(primary.subscriptions).toBe('^-!');
      expectSubscriptions(fallback.subscriptions).toBe('--^----!');
    });
  });

  it('tears the failed attempt down before it subscribes to the next, in the same frame', () => {
    const scheduler = createLlmTestScheduler();
    const log: string[] = [];
    scheduler.run(({cold}) => {
      const primary = cold<LlmChunk>('--#', {}, providerError('a')).pipe(
        finalize(() => log.push(`${scheduler.now()}: a torn down`)),
      );
      const fallback = defer(() => {
        log.push(`${scheduler.now()}: b subscribed`);
        return cold<LlmChunk>('(u|)', {u: usagePart()});
      });
      cascade([child('a', primary), child('b', fallback)])
        .stream(request)
        .subscribe();
    });
    expect(log).toEqual(['2: a torn down', '2: b subscribed']);
  });

  it('never fails over after content: the error reaches the subscriber and the next child is never subscribed', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const error = providerError('a', 503);
      const primary = cold<LlmChunk>('-a-#', {a: text('Hel')}, error);
      const fallback = cold<LlmChunk>('-b-(u|)', {b: text('Hello'), u: usagePart()});
      // Even a policy that fails over on everything cannot glue a second answer onto the first.
      const llm = cascade([child('a', primary), child('b', fallback)], {shouldFailOver: () => true});

      expectObservable(llm.stream(request)).toBe('-a-#', {a: text('Hel')}, error);
      expectSubscriptions(primary.subscriptions).toBe('^--!');
      expectSubscriptions(fallback.subscriptions).toBe([]);
    });
  });

  it('does not fail over after a reasoning chunk either', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const error = providerError('a');
      const thinking: LlmChunk = {type: 'reasoning-delta', text: 'Hmm'};
      const primary = cold<LlmChunk>('r#', {r: thinking}, error);
      const fallback = cold<LlmChunk>('(u|)', {u: usagePart()});

      expectObservable(cascade([child('a', primary), child('b', fallback)]).stream(request)).toBe(
        'r#',
        {r: thinking},
        error,
      );
      expectSubscriptions(fallback.subscriptions).toBe([]);
    });
  });

  it('does not fail over after a partial object either', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const error = providerError('a');
      const partial: LlmChunk = {type: 'partial-object', object: {name: 'A'}};
      const primary = cold<LlmChunk>('p#', {p: partial}, error);
      const fallback = cold<LlmChunk>('(u|)', {u: usagePart()});

      expectObservable(cascade([child('a', primary), child('b', fallback)]).stream(request)).toBe(
        'p#',
        {p: partial},
        error,
      );
      expectSubscriptions(fallback.subscriptions).toBe([]);
    });
  });

  it('never emits a text twice across failovers', () => {
    const texts: string[] = [];
    createLlmTestScheduler().run(({cold}) => {
      const first = cold<LlmChunk>('-#', {}, providerError('a', 529));
      const second = cold<LlmChunk>('--#', {}, providerError('b', 429));
      const third = cold<LlmChunk>('-a-b(u|)', {a: text('Hel'), b: text('lo'), u: usagePart()});
      cascade([child('a', first), child('b', second), child('c', third)])
        .stream(request)
        .subscribe(chunk => chunk.type === 'text-delta' && texts.push(chunk.text));
    });
    expect(texts).toEqual(['Hel', 'lo']);
  });

  it('rejects an invalid request at once, without subscribing any child', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const primary = cold<LlmChunk>('(u|)', {u: usagePart()});
      const llm = cascade([child('a', primary)]);
      let caught: unknown;
      llm.stream({userPrompt: ''}).subscribe({error: error => (caught = error)});

      expectObservable(llm.stream({userPrompt: ''})).toBe('#', {}, jasmine.any(LlmInvalidRequestError));
      expectSubscriptions(primary.subscriptions).toBe([]);
      expect(LlmInvalidRequestError.isInstance(caught)).toBeTrue();
    });
  });

  it('propagates configuration and unknown errors at once', () => {
    for (const error of [new LlmConfigurationError('llm-rx: no API key'), new TypeError('bug in an adapter')]) {
      createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
        const primary = cold<LlmChunk>('--#', {}, error);
        const fallback = cold<LlmChunk>('(u|)', {u: usagePart()});
        expectObservable(cascade([child('a', primary), child('b', fallback)]).stream(request)).toBe('--#', {}, error);
        expectSubscriptions(fallback.subscriptions).toBe([]);
      });
    }
  });

  it('calls onFailOver with both children, the error and the failed attempt number', () => {
    const events: unknown[] = [];
    const first = providerError('a', 500);
    const second = providerError('b', 503);
    let children: Llm[] = [];
    createLlmTestScheduler().run(({cold}) => {
      children = [
        child('a', cold('-#', {}, first)),
        child('b', cold('-#', {}, second)),
        child('c', cold('(u|)', {u: usagePart()})),
      ];
      cascade(children, {onFailOver: ({from, to, error, attempt}) => events.push({from, to, error, attempt})})
        .stream(request)
        .subscribe();
      expect(events).withContext('nothing before the frames run').toEqual([]);
    });
    expect(events).toEqual([
      {from: children[0], to: children[1], error: first, attempt: 1},
      {from: children[1], to: children[2], error: second, attempt: 2},
    ]);
    expect((events[0] as {from: Llm}).from).toBe(children[0]);
  });

  it('passes the very request to the children, onAttempt hook included', () => {
    const received: LlmRequest[] = [];
    const withHook: LlmRequest = {...request, onAttempt: () => undefined};
    createLlmTestScheduler().run(({cold, expectObservable}) => {
      const spy = (provider: string, source: Observable<LlmChunk>): Llm =>
        llmFromObservable(provider, `${provider}-model`, childRequest => (received.push(childRequest), source));
      const inner = cascade([spy('a', cold('-#', {}, providerError('a'))), spy('b', cold('-(u|)', {u: usagePart()}))]);
      expectObservable(cascade([inner]).stream(withHook)).toBe('--(u|)', {u: jasmine.anything()});
    });
    expect(received.length).toBe(2);
    received.forEach(childRequest => expect(childRequest).toBe(withHook));
  });

  it('follows a custom shouldFailOver', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const error = providerError('a', 401);
      const fallback = cold<LlmChunk>('(u|)', {u: usagePart()});
      const llm = cascade([child('a', cold('-#', {}, error)), child('b', fallback)], {shouldFailOver: () => false});
      expectObservable(llm.stream(request)).toBe('-#', {}, error);
      expectSubscriptions(fallback.subscriptions).toBe([]);
    });
  });

  it('unsubscribes the current child when the cascade is unsubscribed', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const primary = cold<LlmChunk>('--#', {}, providerError('a'));
      const fallback = cold<LlmChunk>('-a------b', {a: text('Hel'), b: text('lo')});
      const llm = cascade([child('a', primary), child('b', fallback)]);

      expectObservable(llm.stream(request), '^----!').toBe('---a-', {a: text('Hel')});
      expectSubscriptions(primary.subscriptions).toBe('^-!');
      expectSubscriptions(fallback.subscriptions).toBe('--^--!');
    });
  });

  it('is cold: every subscription starts again from the first child', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const primary = cold<LlmChunk>('-#', {}, providerError('a'));
      const fallback = cold<LlmChunk>('-a|', {a: text('Hi')});
      const stream = cascade([child('a', primary), child('b', fallback)]).stream(request);

      expectObservable(stream).toBe('--a|', {a: text('Hi')});
      expectObservable(stream).toBe('--a|', {a: text('Hi')});
      expectSubscriptions(primary.subscriptions).toBe(['^!', '^!']);
    });
  });

  it('fails over between MockLlm children in real time', async () => {
    const overloaded = new LlmProviderError('overloaded', {provider: 'anthropic', statusCode: 529});
    const primary = new MockLlm({provider: 'anthropic', script: {error: overloaded}});
    const fallback = new MockLlm({script: {chunks: ['Hel', 'lo'], delayMs: 10}});
    const answer = await firstValueFrom(
      cascade([primary, fallback]).stream({userPrompt: 'Hi'}).pipe(collectResponse()),
    );

    expect(answer.content).toBe('Hello');
    expect(answer.usage.provider).toBe('mock-provider');
    expect(answer.usage.attempts.map(attempt => [attempt.provider, attempt.outcome])).toEqual([
      ['anthropic', 'error'],
      ['mock-provider', 'ok'],
    ]);
    expect(answer.usage.responseTimeMs).toBeGreaterThanOrEqual(answer.usage.attempts[1].durationMs!);
    expect(primary.calls).toEqual([{userPrompt: 'Hi'}]);
    expect(fallback.calls).toEqual([{userPrompt: 'Hi'}]);
    expect(primary.unsubscriptions).withContext('an errored attempt was not cut off').toBe(0);
  });
});
