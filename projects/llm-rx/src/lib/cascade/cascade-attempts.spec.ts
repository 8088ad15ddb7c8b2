import {type LlmChunk, LlmCascadeError, LlmProviderError, LlmTimeoutError, LlmTruncationError} from 'llm-rx';
import {createLlmTestScheduler, usagePart} from 'llm-rx/testing';
import {cascade} from './cascade';
import {child, providerError, request, text} from './cascade-fixtures';

// What a cascade reports of its attempts (usage.attempts, LlmCascadeError.attempts) and its re-based timings.
describe('cascade', () => {
  it('propagates truncation at once, its usage carrying the failed attempts and re-based timings', () => {
    const failure = providerError('a', 500);
    const childUsage = usagePart({
      provider: 'b',
      model: 'b-model',
      timeToFirstChunkMs: 1,
      responseTimeMs: 2,
      finishReason: {unified: 'length', raw: 'max_tokens'},
    }).usage;
    const truncation = new LlmTruncationError('Hel', childUsage, 1);
    let caught: unknown;
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const primary = cold<LlmChunk>('-#', {}, failure);
      const fallback = cold<LlmChunk>('-a#', {a: text('Hel')}, truncation);
      const third = cold<LlmChunk>('(u|)', {u: usagePart()});
      const stream = cascade([child('a', primary), child('b', fallback), child('c', third)]).stream(request);
      stream.subscribe({error: error => (caught = error)});

      expectObservable(stream).toBe('--a#', {a: text('Hel')}, truncation);
      expectSubscriptions(third.subscriptions).toBe([]);
    });
    expect(LlmTruncationError.isInstance(caught)).toBeTrue();
    const error = caught as LlmTruncationError;
    expect(error.partialContent).toBe('Hel');
    expect(error.maxTokens).toBe(1);
    expect(error.usage.timeToFirstChunkMs).toBe(2);
    expect(error.usage.responseTimeMs).toBe(3);
    // The children report no attempts of their own: each failure stands for one, the truncation with its billing.
    expect(error.usage.attempts).toEqual([
      {provider: 'a', model: 'a-model', outcome: 'error', error: failure, durationMs: 1},
      {
        provider: 'b',
        model: 'b-model',
        outcome: 'error',
        error: truncation,
        usage: childUsage.attempts[0].usage!,
        finishReason: {unified: 'length', raw: 'max_tokens'},
        durationMs: 2,
      },
    ]);
    expect(error.attempts).toEqual(error.usage.attempts);
  });

  it('fails with LlmCascadeError holding every attempt and its cause when all children fail', () => {
    const billed = {...usagePart({inputTokens: 12}).usage.attempts[0].usage!};
    const overloaded = new LlmProviderError('a overloaded', {provider: 'a', statusCode: 529, usage: billed});
    const timeout = new LlmTimeoutError({kind: 'first-chunk', timeoutMs: 3, provider: 'b', chunksSeen: 0});
    const rateLimited = providerError('c', 429);
    let caught: unknown;
    createLlmTestScheduler().run(({cold, expectObservable}) => {
      const stream = cascade([
        child('a', cold('-#', {}, overloaded)),
        child('b', cold('---#', {}, timeout)),
        child('c', cold('--#', {}, rateLimited)),
      ]).stream(request);
      stream.subscribe({error: error => (caught = error)});
      expectObservable(stream).toBe('------#', {}, jasmine.any(LlmCascadeError));
    });

    expect(LlmCascadeError.isInstance(caught)).toBeTrue();
    const error = caught as LlmCascadeError;
    expect(error.attempts).toEqual([
      {provider: 'a', model: 'a-model', outcome: 'error', error: overloaded, usage: billed, durationMs: 1},
      {provider: 'b', model: 'b-model', outcome: 'error', error: timeout, durationMs: 3},
      {provider: 'c', model: 'c-model', outcome: 'error', error: rateLimited, durationMs: 2},
    ]);
    expect(error.attempts.map(attempt => attempt.error)).toEqual([overloaded, timeout, rateLimited]);
    expect(error.attempts[0].error).toBe(overloaded);
    expect(error.cause).toBe(rateLimited);
  });

  it('records the attempt of a single child that fails', () => {
    const failure = providerError('a', 401);
    let caught: unknown;
    createLlmTestScheduler().run(({cold}) => {
      cascade([child('a', cold('--#', {}, failure))])
        .stream(request)
        .subscribe({error: error => (caught = error)});
    });
    expect((caught as LlmCascadeError).attempts).toEqual([
      {provider: 'a', model: 'a-model', outcome: 'error', error: failure, durationMs: 2},
    ]);
  });

  it("keeps a single answering child's own attempts and timings", () => {
    createLlmTestScheduler().run(({cold, expectObservable}) => {
      const usage = usagePart({provider: 'a', model: 'a-model', timeToFirstChunkMs: 1, responseTimeMs: 2});
      const llm = cascade([child('a', cold('-a(u|)', {a: text('Hi'), u: usage}))]);
      expectObservable(llm.stream(request)).toBe('-a(u|)', {a: text('Hi'), u: usage});
    });
  });

  it("appends the answering child's own attempts (e.g. its retries) after the failed ones", () => {
    createLlmTestScheduler().run(({cold, expectObservable}) => {
      const failure = providerError('a', 404);
      const retried = {provider: 'b', model: 'b-model', outcome: 'error' as const, error: 'reset', durationMs: 1};
      const answered = {provider: 'b', model: 'b-model', outcome: 'ok' as const, durationMs: 2};
      const childUsage = usagePart({provider: 'b', model: 'b-model', responseTimeMs: 3, attempts: [retried, answered]});
      const llm = cascade([child('a', cold('-#', {}, failure)), child('b', cold('---(u|)', {u: childUsage}))]);

      expectObservable(llm.stream(request)).toBe('----(u|)', {
        u: usagePart({
          provider: 'b',
          model: 'b-model',
          responseTimeMs: 4,
          attempts: [
            {provider: 'a', model: 'a-model', outcome: 'error', error: failure, durationMs: 1},
            retried,
            answered,
          ],
        }),
      });
    });
  });

  it('uses the given scheduler as its clock', () => {
    const scheduler = createLlmTestScheduler();
    scheduler.run(({cold, expectObservable}) => {
      const failure = providerError('a');
      const childUsage = usagePart({provider: 'b', model: 'b-model', responseTimeMs: 1});
      const llm = cascade([child('a', cold('--#', {}, failure)), child('b', cold('-(u|)', {u: childUsage}))], {
        scheduler,
      });
      expectObservable(llm.stream(request)).toBe('---(u|)', {
        u: usagePart({
          provider: 'b',
          model: 'b-model',
          responseTimeMs: 3,
          attempts: [
            {provider: 'a', model: 'a-model', outcome: 'error', error: failure, durationMs: 2},
            ...childUsage.usage.attempts,
          ],
        }),
      });
    });
  });
});
