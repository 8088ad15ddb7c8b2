import {defer, identity, type MonoTypeOperatorFunction, type Observable} from 'rxjs';
import {TestScheduler} from 'rxjs/testing';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmCascadeError} from '../errors/llm-cascade-error';
import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import {LlmObjectError} from '../errors/llm-object-error';
import {LlmRefusalError} from '../errors/llm-refusal-error';
import {LlmTruncationError} from '../errors/llm-truncation-error';
import {chunkTimeouts} from '../timeouts/chunk-timeouts';
import {NO_TOKENS, type LlmAttempt, type LlmUsage} from '../usage/llm-usage';
import {isRetryableLlmError, retryBeforeFirstChunk} from './retry-before-first-chunk';

const okAttempt: LlmAttempt = {provider: 'openai', model: 'gpt-b', outcome: 'ok', durationMs: 4};
const usage: LlmUsage = {
  provider: 'openai',
  model: 'gpt-b',
  ...NO_TOKENS,
  inputTokens: 10,
  outputTokens: 2,
  inputCost: 0.1,
  outputCost: 0.2,
  totalCost: 0.3,
  timeToFirstChunkMs: 2,
  responseTimeMs: 4,
  finishReason: {unified: 'stop', raw: 'stop'},
  attempts: [okAttempt],
};

const chunks: Record<string, LlmChunk> = {
  r: {type: 'reasoning-delta', text: 'hmm'},
  a: {type: 'text-delta', text: 'Hello'},
  u: {type: 'usage', usage},
};

function providerError(statusCode: number | undefined, extra: {retryAfterMs?: number} = {}): LlmProviderError {
  return new LlmProviderError(`openai: status ${statusCode}`, {
    provider: 'openai',
    model: 'gpt-a',
    statusCode,
    ...extra,
  });
}

/** One source whose n-th subscription is the n-th given attempt, so that each attempt can behave differently. */
function attemptsOf(...attempts: Observable<LlmChunk>[]): Observable<LlmChunk> {
  let index = 0;
  return defer(() => {
    const next = attempts[index++];
    if (!next) throw new Error(`unexpected attempt ${index}`);
    return next;
  });
}

/**
 * The usage part after `failed` attempts that were retried: its timings count from the retry's subscription, the
 * answering attempt having started `offsetMs` after it.
 */
function usageAfter(offsetMs: number, ...failed: LlmAttempt[]): LlmChunk {
  return {
    type: 'usage',
    usage: {
      ...usage,
      timeToFirstChunkMs: 2 + offsetMs,
      responseTimeMs: 4 + offsetMs,
      attempts: [...failed, okAttempt],
    },
  };
}

describe('retryBeforeFirstChunk', () => {
  let testScheduler: TestScheduler;

  beforeEach(() => {
    testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('resubscribes after the backoff and records the failed attempt in the final usage', () => {
    const error = providerError(503);
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const first = cold<LlmChunk>('-#', undefined, error);
      const second = cold<LlmChunk>('--a-u|', chunks);
      const retried = attemptsOf(first, second).pipe(
        retryBeforeFirstChunk({initialDelayMs: 3, jitter: false, scheduler: testScheduler}),
      );
      expectObservable(retried).toBe('------a-u|', {
        a: chunks['a'],
        u: usageAfter(4, {provider: 'openai', model: 'gpt-a', outcome: 'error', error, durationMs: 1}),
      });
      expectSubscriptions(first.subscriptions).toBe('^!');
      expectSubscriptions(second.subscriptions).toBe('----^----!');
    });
  });

  it('doubles the wait for each retry up to maxDelayMs, then emits the last error, listing every attempt', () => {
    const errors = [1, 2, 3, 4].map(attempt => new LlmProviderError(`attempt ${attempt}`, {provider: 'openai'}));
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const attempts = errors.map(error => cold<LlmChunk>('-#', undefined, error));
      const retried = attemptsOf(...attempts).pipe(
        retryBeforeFirstChunk({count: 3, initialDelayMs: 2, maxDelayMs: 5, jitter: false, scheduler: testScheduler}),
      );
      // Waits of 2, 4 and 5 (8 capped) frames after each failure at the attempt's frame 1.
      expectObservable(retried).toBe('---------------#', undefined, errors[3]);
      testScheduler.flush();
      // The sources report no attempts of their own: each failure stands for one, named after its error.
      expect(errors[3].attempts.map(attempt => [attempt.error, attempt.durationMs])).toEqual(
        errors.map(error => [error, 1]),
      );
      expectSubscriptions(attempts[0].subscriptions).toBe('^!');
      expectSubscriptions(attempts[1].subscriptions).toBe('---^!');
      expectSubscriptions(attempts[2].subscriptions).toBe('--------^!');
      expectSubscriptions(attempts[3].subscriptions).toBe('--------------^!');
    });
  });

  it('makes 3 attempts with waits of 200 then 400 ms, jittered, by default', () => {
    const error = providerError(500);
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const attempts = [0, 1, 2].map(() => cold<LlmChunk>('-#', undefined, error));
      // With random() = 0.5 the equal jitter takes 3/4 of each wait: 150 and 300 ms.
      const retried = attemptsOf(...attempts).pipe(retryBeforeFirstChunk({random: () => 0.5}));
      expectObservable(retried).toBe('453ms #', undefined, error);
      expectSubscriptions(attempts[1].subscriptions).toBe('151ms ^!');
      expectSubscriptions(attempts[2].subscriptions).toBe('452ms ^!');
    });
  });

  it('caps the doubled wait at 1000 ms by default', () => {
    const error = providerError(502);
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const attempts = [0, 1, 2, 3, 4].map(() => cold<LlmChunk>('-#', undefined, error));
      const retried = attemptsOf(...attempts).pipe(retryBeforeFirstChunk({count: 4, jitter: false}));
      // Waits of 200, 400, 800 and 1000 (1600 capped) ms.
      expectObservable(retried).toBe('2405ms #', undefined, error);
      expectSubscriptions(attempts[3].subscriptions).toBe('1403ms ^!');
      expectSubscriptions(attempts[4].subscriptions).toBe('2404ms ^!');
    });
  });

  it('keeps the jittered wait between half the wait and the whole wait', () => {
    for (const randomValue of [0, 0.25, 0.999999]) {
      testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
      testScheduler.run(({cold}) => {
        const first = cold<LlmChunk>('-#', undefined, providerError(503));
        const second = cold<LlmChunk>('-u|', chunks);
        attemptsOf(first, second)
          .pipe(retryBeforeFirstChunk({initialDelayMs: 8, random: () => randomValue, scheduler: testScheduler}))
          .subscribe();
        testScheduler.flush();
        const waitedMs = second.subscriptions[0].subscribedFrame - 1;
        expect(waitedMs).withContext(`random() = ${randomValue}`).toBeGreaterThanOrEqual(4);
        expect(waitedMs).withContext(`random() = ${randomValue}`).toBeLessThanOrEqual(8);
        expect(waitedMs)
          .withContext(`random() = ${randomValue}`)
          .toBeCloseTo(4 + randomValue * 4, 6);
      });
    }
  });

  it('jitters with Math.random when no random is given', () => {
    spyOn(Math, 'random').and.returnValue(0);
    testScheduler.run(({cold, expectSubscriptions}) => {
      const first = cold<LlmChunk>('-#', undefined, providerError(503));
      const second = cold<LlmChunk>('-u|', chunks);
      attemptsOf(first, second)
        .pipe(retryBeforeFirstChunk({initialDelayMs: 8, scheduler: testScheduler}))
        .subscribe();
      expectSubscriptions(second.subscriptions).toBe('-----^-!');
    });
    expect(Math.random).toHaveBeenCalledTimes(1);
  });

  it('waits at least the retry-after the provider asked for, capped at maxRetryAfterMs', () => {
    testScheduler.run(({cold, expectSubscriptions}) => {
      const backoff = {initialDelayMs: 2, jitter: false, scheduler: testScheduler} as const;
      const longer = cold<LlmChunk>('-u|', chunks);
      attemptsOf(cold<LlmChunk>('-#', undefined, providerError(503, {retryAfterMs: 7})), longer)
        .pipe(retryBeforeFirstChunk(backoff))
        .subscribe();
      expectSubscriptions(longer.subscriptions).toBe('--------^-!');

      const shorter = cold<LlmChunk>('-u|', chunks);
      attemptsOf(cold<LlmChunk>('-#', undefined, providerError(503, {retryAfterMs: 1})), shorter)
        .pipe(retryBeforeFirstChunk(backoff))
        .subscribe();
      expectSubscriptions(shorter.subscriptions).toBe('---^-!');

      const capped = cold<LlmChunk>('-u|', chunks);
      attemptsOf(cold<LlmChunk>('-#', undefined, providerError(503, {retryAfterMs: 60_000})), capped)
        .pipe(retryBeforeFirstChunk({...backoff, maxRetryAfterMs: 5}))
        .subscribe();
      expectSubscriptions(capped.subscriptions).toBe('------^-!');

      const cappedByDefault = cold<LlmChunk>('-u|', chunks);
      attemptsOf(cold<LlmChunk>('-#', undefined, providerError(503, {retryAfterMs: 60_000})), cappedByDefault)
        .pipe(retryBeforeFirstChunk(backoff))
        .subscribe();
      expectSubscriptions(cappedByDefault.subscriptions).toBe('10001ms ^-!');
    });
  });

  it('does not retry once a content chunk was emitted, and passes the error through', () => {
    const error = providerError(503);
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      for (const marbles of ['-a-#', '-r-#']) {
        const source = cold<LlmChunk>(marbles, chunks, error);
        expectObservable(source.pipe(retryBeforeFirstChunk({scheduler: testScheduler}))).toBe(marbles, chunks, error);
        expectSubscriptions(source.subscriptions).toBe('^--!');
      }
    });
  });

  it('does not retry errors the default policy rejects', () => {
    const usageOfTruncation = {...usage, finishReason: {unified: 'length' as const, raw: 'length'}};
    const rejected: unknown[] = [
      providerError(429),
      providerError(529),
      providerError(400),
      providerError(401),
      providerError(403),
      providerError(404),
      providerError(422),
      new LlmInvalidRequestError('temperature', 'llm-rx: temperature must be between 0 and 2.'),
      new LlmConfigurationError('llm-rx: no API key for openai.'),
      new LlmTruncationError('Hel', usageOfTruncation, 3),
      new LlmCascadeError([{provider: 'openai', model: 'gpt-a', outcome: 'error', error: providerError(503)}]),
      new Error('unknown'),
    ];
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      for (const error of rejected) {
        const source = cold<LlmChunk>('-#', undefined, error);
        expectObservable(source.pipe(retryBeforeFirstChunk({scheduler: testScheduler}))).toBe('-#', undefined, error);
        expectSubscriptions(source.subscriptions).toBe('^!');
      }
    });
  });

  it('follows a custom shouldRetry, naming unknown failures after the answering provider', () => {
    const unknown = new Error('socket hang up');
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const retried = attemptsOf(cold<LlmChunk>('--#', undefined, unknown), cold<LlmChunk>('-u|', chunks)).pipe(
        retryBeforeFirstChunk({shouldRetry: () => true, initialDelayMs: 1, jitter: false, scheduler: testScheduler}),
      );
      expectObservable(retried).toBe('----u|', {
        u: usageAfter(3, {provider: 'openai', model: 'gpt-b', outcome: 'error', error: unknown, durationMs: 2}),
      });

      const refused = cold<LlmChunk>('-#', undefined, providerError(503));
      expectObservable(refused.pipe(retryBeforeFirstChunk({shouldRetry: () => false, scheduler: testScheduler}))).toBe(
        '-#',
        undefined,
        providerError(503),
      );
      expectSubscriptions(refused.subscriptions).toBe('^!');
    });
  });

  it('lists every failed attempt, with its provider, model and billed usage, before the answering one', () => {
    const billed = {...NO_TOKENS, inputTokens: 10, inputCost: 0.1, outputCost: 0, totalCost: 0.1};
    const overloaded = new LlmProviderError('anthropic: 500', {
      provider: 'anthropic',
      model: 'claude-a',
      statusCode: 500,
      usage: billed,
    });
    const stalled = new LlmTimeoutError({
      kind: 'first-chunk',
      timeoutMs: 3,
      provider: 'gemini',
      model: 'g-a',
      chunksSeen: 0,
    });
    const dropped = new LlmProviderError('openai: connection reset', {provider: 'openai'});
    testScheduler.run(({cold, expectObservable}) => {
      const retried = attemptsOf(
        cold<LlmChunk>('--#', undefined, overloaded),
        cold<LlmChunk>('---#', undefined, stalled),
        cold<LlmChunk>('-#', undefined, dropped),
        cold<LlmChunk>('-a-u|', chunks),
      ).pipe(retryBeforeFirstChunk({count: 3, initialDelayMs: 1, jitter: false, scheduler: testScheduler}));
      // Attempts start at frames 0, 3, 8 and 13: each failure is followed by a wait of 1, 2, then 4 frames.
      expectObservable(retried).toBe('--------------a-u|', {
        a: chunks['a'],
        u: usageAfter(
          13,
          {provider: 'anthropic', model: 'claude-a', outcome: 'error', error: overloaded, usage: billed, durationMs: 2},
          {provider: 'gemini', model: 'g-a', outcome: 'error', error: stalled, durationMs: 3},
          {provider: 'openai', model: 'gpt-b', outcome: 'error', error: dropped, durationMs: 1},
        ),
      });
    });
  });

  it('leaves the usage untouched when the first attempt succeeds', () => {
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold<LlmChunk>('-a-u|', chunks).pipe(retryBeforeFirstChunk({scheduler: testScheduler}))).toBe(
        '-a-u|',
        chunks,
      );
    });
  });

  it('keeps state per subscription', () => {
    const error = providerError(503);
    testScheduler.run(({cold, expectObservable}) => {
      // The first subscriber gets the failing attempt and then the third one; the second gets the second.
      const retried = attemptsOf(
        cold<LlmChunk>('-#', undefined, error),
        cold<LlmChunk>('-u|', chunks),
        cold<LlmChunk>('-u|', chunks),
      ).pipe(retryBeforeFirstChunk({initialDelayMs: 2, jitter: false, scheduler: testScheduler}));
      expectObservable(retried).toBe('----u|', {
        u: usageAfter(3, {provider: 'openai', model: 'gpt-a', outcome: 'error', error, durationMs: 1}),
      });
      expectObservable(retried).toBe('-u|', chunks);
    });
  });

  it('cancels the pending retry when the subscriber unsubscribes during the wait', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const first = cold<LlmChunk>('-#', undefined, providerError(503));
      const second = cold<LlmChunk>('-u|', chunks);
      const retried = attemptsOf(first, second).pipe(
        retryBeforeFirstChunk({initialDelayMs: 5, jitter: false, scheduler: testScheduler}),
      );
      expectObservable(retried, '^--!').toBe('---');
      expectSubscriptions(first.subscriptions).toBe('^!');
      expectSubscriptions(second.subscriptions).toBe([]);
    });
  });

  it('retries a first-chunk timeout, unsubscribing each stalled attempt at its timeout', () => {
    testScheduler.run(({cold, expectObservable, expectSubscriptions}) => {
      const stalled = cold<LlmChunk>('-----a|', chunks);
      const retried = stalled.pipe(
        chunkTimeouts({firstChunkMs: 2, scheduler: testScheduler}),
        retryBeforeFirstChunk({count: 1, initialDelayMs: 3, jitter: false, scheduler: testScheduler}),
      );
      expectObservable(retried).toBe(
        '-------#',
        undefined,
        new LlmTimeoutError({kind: 'first-chunk', timeoutMs: 2, chunksSeen: 0}),
      );
      expectSubscriptions(stalled.subscriptions).toBe(['^-!', '-----^-!']);
    });
  });

  it('is identity when count is 0 or less', () => {
    expect(retryBeforeFirstChunk({count: 0}) as MonoTypeOperatorFunction<unknown>).toBe(identity);
    expect(retryBeforeFirstChunk({count: -1}) as MonoTypeOperatorFunction<unknown>).toBe(identity);
  });
});

describe('isRetryableLlmError', () => {
  it('retries provider errors with 408, 409, 5xx (but 529) or no status', () => {
    for (const statusCode of [408, 409, 500, 502, 503, 504, undefined]) {
      expect(isRetryableLlmError(providerError(statusCode)))
        .withContext(`status ${statusCode}`)
        .toBeTrue();
    }
  });

  it('does not retry provider errors with 4xx, 429 or 529', () => {
    for (const statusCode of [400, 401, 403, 404, 422, 429, 529]) {
      expect(isRetryableLlmError(providerError(statusCode)))
        .withContext(`status ${statusCode}`)
        .toBeFalse();
    }
  });

  it("follows a provider error's own isRetryable", () => {
    expect(
      isRetryableLlmError(new LlmProviderError('x', {provider: 'p', statusCode: 503, isRetryable: false})),
    ).toBeFalse();
    expect(
      isRetryableLlmError(new LlmProviderError('x', {provider: 'p', statusCode: 429, isRetryable: true})),
    ).toBeTrue();
  });

  it('retries timeouts of either kind', () => {
    expect(isRetryableLlmError(new LlmTimeoutError({kind: 'first-chunk', timeoutMs: 1, chunksSeen: 0}))).toBeTrue();
    expect(isRetryableLlmError(new LlmTimeoutError({kind: 'idle', timeoutMs: 1, chunksSeen: 2}))).toBeTrue();
  });

  it('does not retry configuration, invalid-request, answer (truncation, object, refusal), cascade or unknown errors', () => {
    const rejected: unknown[] = [
      new LlmConfigurationError('llm-rx: no API key.'),
      new LlmInvalidRequestError('userPrompt', 'llm-rx: userPrompt is empty.'),
      new LlmTruncationError('', usage, 1),
      new LlmObjectError({kind: 'invalid-json', schemaName: 'x', rawText: '', issues: []}, usage),
      new LlmRefusalError('No.', usage),
      new LlmCascadeError([]),
      new Error('boom'),
      'a string',
      undefined,
    ];
    for (const error of rejected) {
      expect(isRetryableLlmError(error)).withContext(String(error)).toBeFalse();
    }
  });
});
