import {asyncScheduler, catchError, from, identity, type MonoTypeOperatorFunction, of, type Observable} from 'rxjs';
import {TestScheduler} from 'rxjs/testing';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError, type LlmTimeoutInfo} from '../errors/llm-timeout-error';
import {NO_TOKENS, type LlmUsage} from '../usage/llm-usage';
import {chunkTimeouts} from './chunk-timeouts';

const usage: LlmUsage = {
  provider: 'openai',
  model: 'gpt-test',
  ...NO_TOKENS,
  inputCost: null,
  outputCost: null,
  totalCost: null,
  timeToFirstChunkMs: 1,
  responseTimeMs: 2,
  finishReason: {unified: 'stop', raw: 'stop'},
  attempts: [],
};

const chunks: Record<string, LlmChunk> = {
  r: {type: 'reasoning-delta', text: 'hmm'},
  a: {type: 'text-delta', text: 'Hello'},
  b: {type: 'text-delta', text: ', world'},
  u: {type: 'usage', usage},
};

/** Turns a timeout error into a value holding its info, so that marbles compare the info and not just the message. */
function timeoutInfoAsValue(): (source: Observable<LlmChunk>) => Observable<LlmChunk | {timeout: LlmTimeoutInfo}> {
  return source =>
    source.pipe(
      catchError((error: unknown) => {
        if (!LlmTimeoutError.isInstance(error)) throw error;
        return of({timeout: error.info});
      }),
    );
}

describe('chunkTimeouts', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('fails with a first-chunk timeout when no chunk comes in time, and unsubscribes the source then', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold<LlmChunk>('-----a-u|', chunks);
      const timed = source.pipe(
        chunkTimeouts({firstChunkMs: 3, idleMs: 10, provider: 'openai', model: 'gpt-test', scheduler: testScheduler}),
      );
      expectObservable(timed.pipe(timeoutInfoAsValue())).toBe('---(t|)', {
        t: {timeout: {kind: 'first-chunk', timeoutMs: 3, provider: 'openai', model: 'gpt-test', chunksSeen: 0}},
      });
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('raises an LlmTimeoutError (not an rxjs TimeoutError)', () => {
    testScheduler.run(({cold, expectObservable}) => {
      const timed = cold<LlmChunk>('-----a|', chunks).pipe(chunkTimeouts({firstChunkMs: 2, scheduler: testScheduler}));
      expectObservable(timed).toBe(
        '--#',
        undefined,
        new LlmTimeoutError({kind: 'first-chunk', timeoutMs: 2, chunksSeen: 0}),
      );
    });
    let caught: unknown;
    testScheduler.run(({cold}) => {
      cold<LlmChunk>('-----a|', chunks)
        .pipe(chunkTimeouts({firstChunkMs: 2, scheduler: testScheduler}))
        .subscribe({error: error => (caught = error)});
    });
    expect(LlmTimeoutError.isInstance(caught)).toBeTrue();
    expect((caught as LlmTimeoutError).info).toEqual({kind: 'first-chunk', timeoutMs: 2, chunksSeen: 0});
  });

  it('fails with an idle timeout counting the chunks seen, and unsubscribes the source then', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold<LlmChunk>('-r-a--------b|', chunks);
      const timed = source.pipe(
        chunkTimeouts({firstChunkMs: 5, idleMs: 4, provider: 'openai', model: 'gpt-test', scheduler: testScheduler}),
      );
      expectObservable(timed.pipe(timeoutInfoAsValue())).toBe('-r-a---(t|)', {
        ...chunks,
        t: {timeout: {kind: 'idle', timeoutMs: 4, provider: 'openai', model: 'gpt-test', chunksSeen: 2}},
      });
      expectSubscriptions(source.subscriptions).toBe('^------!');
    });
  });

  it('restarts the idle wait at every chunk', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      // Every gap is 3 frames, under the 4-frame idle wait, though the whole stream takes far longer than 4.
      const source = cold<LlmChunk>('---a--b--a--b--u|', chunks);
      const timed = source.pipe(chunkTimeouts({firstChunkMs: 4, idleMs: 4, scheduler: testScheduler}));
      expectObservable(timed).toBe('---a--b--a--b--u|', chunks);
      expectSubscriptions(source.subscriptions).toBe('^---------------!');
    });
  });

  it('uses idleMs, not firstChunkMs, after the first chunk', () => {
    testScheduler.run(({cold, expectObservable}) => {
      const timed = cold<LlmChunk>('----a------b|', chunks).pipe(
        chunkTimeouts({firstChunkMs: 5, idleMs: 2, scheduler: testScheduler}),
      );
      expectObservable(timed.pipe(timeoutInfoAsValue())).toBe('----a-(t|)', {
        ...chunks,
        t: {timeout: {kind: 'idle', timeoutMs: 2, chunksSeen: 1}},
      });
    });
  });

  it('times only the first chunk when idleMs is disabled', () => {
    testScheduler.run(({cold, expectObservable}) => {
      const timed = cold<LlmChunk>('--a----------b|', chunks).pipe(
        chunkTimeouts({firstChunkMs: 3, idleMs: null, scheduler: testScheduler}),
      );
      expectObservable(timed).toBe('--a----------b|', chunks);
    });
  });

  it('waits any time for the first chunk, then times the gaps, when firstChunkMs is disabled', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold<LlmChunk>('----------a--b------u|', chunks);
      const timed = source.pipe(
        chunkTimeouts({firstChunkMs: null, idleMs: 3, provider: 'openai', scheduler: testScheduler}),
      );
      expectObservable(timed.pipe(timeoutInfoAsValue())).toBe('----------a--b--(t|)', {
        ...chunks,
        t: {timeout: {kind: 'idle', timeoutMs: 3, provider: 'openai', chunksSeen: 2}},
      });
      // One subscription to the source, shared by the first chunk and the timed rest, ended at the timeout.
      expectSubscriptions(source.subscriptions).toBe('^---------------!');
    });
  });

  it('completes normally with only the idle wait when the chunks keep coming', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const source = cold<LlmChunk>('------a-b-u|', chunks);
      const timed = source.pipe(chunkTimeouts({idleMs: 2, scheduler: testScheduler}));
      expectObservable(timed).toBe('------a-b-u|', chunks);
      expectSubscriptions(source.subscriptions).toBe('^----------!');
    });
  });

  it('passes an empty stream and a source error through with only the idle wait', () => {
    const error = new LlmProviderError('openai: 503', {provider: 'openai', statusCode: 503});
    testScheduler.run(({cold, expectObservable}) => {
      const timeouts = chunkTimeouts({idleMs: 2, scheduler: testScheduler});
      expectObservable(cold<LlmChunk>('-----|').pipe(timeouts)).toBe('-----|');
      expectObservable(cold<LlmChunk>('-----#', undefined, error).pipe(timeouts)).toBe('-----#', undefined, error);
      expectObservable(cold<LlmChunk>('-a-#', chunks, error).pipe(timeouts)).toBe('-a-#', chunks, error);
    });
  });

  it('passes a source error through untouched before the wait ends', () => {
    const error = new LlmProviderError('openai: 500', {provider: 'openai', statusCode: 500});
    testScheduler.run(({cold, expectObservable}) => {
      const timed = cold<LlmChunk>('-a-#', chunks, error).pipe(
        chunkTimeouts({firstChunkMs: 5, idleMs: 5, scheduler: testScheduler}),
      );
      expectObservable(timed).toBe('-a-#', chunks, error);
    });
  });

  it('stops timing after completion and after the subscriber unsubscribes', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const completing = cold<LlmChunk>('-a|', chunks);
      expectObservable(completing.pipe(chunkTimeouts({firstChunkMs: 3, idleMs: 3, scheduler: testScheduler}))).toBe(
        '-a|',
        chunks,
      );
      const stalled = cold<LlmChunk>('--------a|', chunks);
      expectObservable(stalled.pipe(chunkTimeouts({firstChunkMs: 5, scheduler: testScheduler})), '^-!').toBe('---');
      expectSubscriptions(stalled.subscriptions).toBe('^-!');
    });
  });

  it('is identity when both waits are disabled', () => {
    expect(chunkTimeouts({}) as MonoTypeOperatorFunction<unknown>).toBe(identity);
    expect(chunkTimeouts({firstChunkMs: null, idleMs: null}) as MonoTypeOperatorFunction<unknown>).toBe(identity);
    expect(chunkTimeouts({firstChunkMs: Infinity, idleMs: undefined}) as MonoTypeOperatorFunction<unknown>).toBe(
      identity,
    );
  });

  it('treats Infinity as disabled when the other wait is set', () => {
    testScheduler.run(({cold, expectObservable}) => {
      const timed = cold<LlmChunk>('--------a-----b|', chunks).pipe(
        chunkTimeouts({firstChunkMs: Infinity, idleMs: 3, scheduler: testScheduler}),
      );
      expectObservable(timed.pipe(timeoutInfoAsValue())).toBe('--------a--(t|)', {
        ...chunks,
        t: {timeout: {kind: 'idle', timeoutMs: 3, chunksSeen: 1}},
      });
    });
  });

  it('uses asyncScheduler by default, which TestScheduler.run drives in virtual time', () => {
    testScheduler.run(({cold, expectObservable}) => {
      const timed = cold<LlmChunk>('-----a|', chunks).pipe(chunkTimeouts({firstChunkMs: 2}));
      expectObservable(timed.pipe(timeoutInfoAsValue())).toBe('--(t|)', {
        t: {timeout: {kind: 'first-chunk', timeoutMs: 2, chunksSeen: 0}},
      });
    });
  });

  it('times each subscription on its own', () => {
    testScheduler.run(({cold, expectObservable}) => {
      const timed = cold<LlmChunk>('--a|', chunks).pipe(chunkTimeouts({firstChunkMs: 3, scheduler: testScheduler}));
      expectObservable(timed).toBe('--a|', chunks);
      expectObservable(timed, '----^').toBe('------a|', chunks);
    });
  });

  it('keeps one timer for a burst of chunks instead of re-arming one per chunk', () => {
    const scheduled = spyOn(asyncScheduler, 'schedule').and.callThrough();
    const burst = Array.from({length: 1000}, (): LlmChunk => chunks['a'] as LlmChunk);
    let received = 0;
    from([...burst, chunks['u'] as LlmChunk])
      .pipe(chunkTimeouts({firstChunkMs: 1000, idleMs: 1000}))
      .subscribe(() => received++);
    expect(received).toBe(1001);
    // The first-chunk timer, then the idle timer armed at the first chunk.
    expect(scheduled).toHaveBeenCalledTimes(2);
  });
});
