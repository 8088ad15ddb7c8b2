import {LlmCascadeError, LlmProviderError, LlmTruncationError, type LlmUsage} from 'llm-rx';
import {usagePart} from 'llm-rx/testing';
import {buildCallRecords, type LoggedCallState} from './build-call-records';

const noScrub = (text: string) => text;

function state(overrides: Partial<LoggedCallState>): LoggedCallState {
  return {
    id: 'call-1',
    traceId: 'trace-1',
    provider: 'openai',
    model: 'gpt-5-mini',
    label: 'summary',
    apiKeyAlias: 'prod',
    status: 'ok',
    startedAt: 1_000,
    firstChunkAt: 1_100,
    endedAt: 1_500,
    ...overrides,
  };
}

function usage(overrides: Partial<LlmUsage>): LlmUsage {
  return usagePart(overrides).usage;
}

describe('buildCallRecords', () => {
  it('writes one in-progress row at the start, with nothing known yet', () => {
    const [row, ...rest] = buildCallRecords(state({status: 'in-progress', firstChunkAt: null, endedAt: null}), noScrub);
    expect(rest).toEqual([]);
    expect(row).toEqual(
      jasmine.objectContaining({
        id: 'call-1',
        status: 'in-progress',
        inputTokens: null,
        totalCost: null,
        timeToFirstChunkMs: null,
        responseTimeMs: null,
        attemptIndex: 0,
        attemptCount: 1,
        label: 'summary',
        apiKeyAlias: 'prod',
      }),
    );
  });

  it('takes tokens, cost, timings and finish reason of a completed call from its usage', () => {
    const callUsage = usage({
      provider: 'openai',
      model: 'gpt-5-mini-2025',
      inputTokens: 12,
      outputTokens: 34,
      cachedInputTokens: 2,
      reasoningTokens: 5,
      inputCost: 0.1,
      outputCost: 0.2,
      totalCost: 0.3,
      timeToFirstChunkMs: 90,
      responseTimeMs: 480,
      finishReason: {unified: 'stop', raw: 'stop'},
    });
    const [row] = buildCallRecords(state({usage: callUsage}), noScrub);
    expect(row).toEqual(
      jasmine.objectContaining({
        model: 'gpt-5-mini-2025',
        inputTokens: 12,
        outputTokens: 34,
        cachedInputTokens: 2,
        cacheWriteTokens: 0,
        reasoningTokens: 5,
        totalCost: 0.3,
        timeToFirstChunkMs: 90,
        responseTimeMs: 480,
        finishReason: 'stop',
        finishReasonRaw: 'stop',
        errorType: null,
      }),
    );
  });

  it('measures timings itself for a cancelled call without usage', () => {
    const [row] = buildCallRecords(state({status: 'cancelled'}), noScrub);
    expect(row.timeToFirstChunkMs).toBe(100);
    expect(row.responseTimeMs).toBe(500);
    expect(row.inputTokens).toBeNull();
  });

  it('keeps the billed usage of a provider error and scrubs its message', () => {
    const error = new LlmProviderError('openai: 500 for key sk-abc', {
      provider: 'openai',
      statusCode: 500,
      usage: {...usage({}).attempts[0].usage!, inputTokens: 7, totalCost: 0.01},
    });
    const [row] = buildCallRecords(state({status: 'error', error}), text => text.replace('sk-abc', '[key]'));
    expect(row).toEqual(
      jasmine.objectContaining({
        status: 'error',
        errorType: 'LlmProviderError',
        errorMessage: 'openai: 500 for key [key]',
        inputTokens: 7,
        totalCost: 0.01,
      }),
    );
  });

  it('writes one row per attempt of a cascade, the answering one last with the id and timings', () => {
    const failure = new LlmProviderError('anthropic overloaded', {provider: 'anthropic', statusCode: 529});
    const answer = usage({
      provider: 'openai',
      model: 'gpt-5-mini',
      inputTokens: 10,
      outputTokens: 20,
      timeToFirstChunkMs: 250,
      responseTimeMs: 400,
      attempts: [
        {
          provider: 'anthropic',
          model: 'claude',
          outcome: 'error',
          error: failure,
          durationMs: 200,
          usage: {...usage({}).attempts[0].usage!, inputTokens: 3},
        },
        {provider: 'openai', model: 'gpt-5-mini', outcome: 'ok', durationMs: 200},
      ],
    });
    const rows = buildCallRecords(state({provider: 'cascade', model: 'claude', usage: answer}), noScrub);
    expect(rows.map(row => [row.provider, row.status, row.attemptIndex, row.attemptCount, row.traceId])).toEqual([
      ['anthropic', 'error', 0, 2, 'trace-1'],
      ['openai', 'ok', 1, 2, 'trace-1'],
    ]);
    expect(rows[0].id).not.toBe('call-1');
    expect(rows[0]).toEqual(
      jasmine.objectContaining({
        startedAt: 1_000,
        endedAt: 1_200,
        responseTimeMs: 200,
        inputTokens: 3,
        errorMessage: 'anthropic overloaded',
      }),
    );
    expect(rows[1]).toEqual(
      jasmine.objectContaining({
        id: 'call-1',
        startedAt: 1_000,
        timeToFirstChunkMs: 250,
        responseTimeMs: 400,
        inputTokens: 10,
      }),
    );
  });

  it('writes one row per failed attempt of a cascade error, each with its own error', () => {
    const first = new LlmProviderError('a down', {provider: 'a', statusCode: 503});
    const second = new LlmProviderError('b down', {provider: 'b', statusCode: 503});
    const error = new LlmCascadeError([
      {provider: 'a', model: 'model-a', outcome: 'error', error: first, durationMs: 5},
      {provider: 'b', model: 'model-b', outcome: 'error', error: second, durationMs: 7},
    ]);
    const rows = buildCallRecords(state({provider: 'cascade', status: 'error', error, firstChunkAt: null}), noScrub);
    expect(rows.map(row => [row.provider, row.model, row.status, row.errorMessage])).toEqual([
      ['a', 'model-a', 'error', 'a down'],
      ['b', 'model-b', 'error', 'b down'],
    ]);
    expect(rows[1].id).toBe('call-1');
  });

  it('names the failing child of a cascade that errors after content', () => {
    const error = new LlmProviderError('connection reset', {provider: 'gemini', model: 'gemini-2.5-flash'});
    const [row] = buildCallRecords(state({provider: 'cascade', model: 'claude', status: 'error', error}), noScrub);
    expect([row.provider, row.model]).toEqual(['gemini', 'gemini-2.5-flash']);
  });

  it('writes a row per reported attempt of a cascade that is cancelled or fails after content', () => {
    const overloaded = new LlmProviderError('a overloaded', {
      provider: 'a',
      statusCode: 529,
      usage: {...usage({}), inputTokens: 3, totalCost: 0.125},
    });
    const attempt = {
      index: 1,
      provider: 'b',
      model: 'model-b',
      failedAttempts: [
        {
          provider: 'a',
          model: 'model-a',
          outcome: 'error' as const,
          error: overloaded,
          usage: overloaded.usage,
          durationMs: 40,
        },
      ],
    };
    const broke = new LlmProviderError('b reset', {provider: 'b', usage: {...usage({}), inputTokens: 9, totalCost: 1}});
    for (const [status, error] of [
      ['cancelled', undefined],
      ['error', broke],
    ] as const) {
      const rows = buildCallRecords(
        state({provider: 'cascade', model: 'model-a', status, attempt, ...(error ? {error} : {})}),
        noScrub,
      );
      expect(rows.map(row => [row.attemptIndex, row.attemptCount, row.provider, row.model, row.status]))
        .withContext(status)
        .toEqual([
          [0, 2, 'a', 'model-a', 'error'],
          [1, 2, 'b', 'model-b', status],
        ]);
      expect(rows.map(row => [row.inputTokens, row.totalCost, row.errorMessage]))
        .withContext(status)
        .toEqual([[3, 0.125, 'a overloaded'], error ? [9, 1, 'b reset'] : [null, null, null]]);
      expect([rows[0].startedAt, rows[0].endedAt, rows[1].id]).toEqual([1_000, 1_040, 'call-1']);
      expect(new Set(rows.map(row => row.traceId))).toEqual(new Set(['trace-1']));
    }
  });

  it('prefers the usage part over the reported attempts, and names a single cancelled child', () => {
    const attempt = {index: 0, provider: 'a', model: 'model-a', failedAttempts: []};
    const [cancelled, ...none] = buildCallRecords(state({provider: 'cascade', status: 'cancelled', attempt}), noScrub);
    expect(none).toEqual([]);
    expect([cancelled.provider, cancelled.model, cancelled.attemptCount]).toEqual(['a', 'model-a', 1]);
    const answered = usage({provider: 'a', model: 'model-a-2025'});
    const [row] = buildCallRecords(state({provider: 'cascade', attempt, usage: answered}), noScrub);
    expect(row.model).toBe('model-a-2025');
  });

  it('keeps the usage and finish reason of a truncated answer', () => {
    const cut = usage({outputTokens: 50, finishReason: {unified: 'length', raw: 'max_tokens'}});
    const [row] = buildCallRecords(
      state({status: 'error', error: new LlmTruncationError('partial', cut, 50)}),
      noScrub,
    );
    expect(row).toEqual(
      jasmine.objectContaining({
        status: 'error',
        errorType: 'LlmTruncationError',
        outputTokens: 50,
        finishReason: 'length',
      }),
    );
  });

  it('describes a non-Error failure by its type', () => {
    const [row] = buildCallRecords(state({status: 'error', error: 'boom'}), noScrub);
    expect([row.errorType, row.errorMessage]).toEqual(['string', 'boom']);
  });
});
