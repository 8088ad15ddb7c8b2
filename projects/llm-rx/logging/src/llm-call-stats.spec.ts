import {groupCallStats, LlmCallStatsAccumulator, type LlmCallStatsRow, percentiles} from './llm-call-stats';

function row(overrides: Partial<LlmCallStatsRow>): LlmCallStatsRow {
  return {
    provider: 'openai',
    model: 'gpt-5-mini',
    day: '2025-01-01',
    status: 'ok',
    inputTokens: 10,
    outputTokens: 20,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    totalCost: 0.25,
    timeToFirstChunkMs: 100,
    responseTimeMs: 1000,
    ...overrides,
  };
}

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({length: 100}, (_, index) => 100 - index);
    expect(percentiles(values)).toEqual({p50: 50, p95: 95});
    expect(percentiles([7])).toEqual({p50: 7, p95: 7});
    expect(percentiles([1, 2, 3])).toEqual({p50: 2, p95: 3});
  });

  it('is null for no values', () => {
    expect(percentiles([])).toEqual({p50: null, p95: null});
  });
});

describe('LlmCallStatsAccumulator', () => {
  it('sums tokens and known costs, counts statuses and unpriced rows', () => {
    const accumulator = new LlmCallStatsAccumulator();
    accumulator.add(row({inputTokens: 5, outputTokens: 7, cachedInputTokens: 2, reasoningTokens: 3}));
    accumulator.add(row({status: 'error', totalCost: null, inputTokens: null, outputTokens: null}));
    accumulator.add(row({status: 'cancelled', totalCost: null, cacheWriteTokens: 4, timeToFirstChunkMs: null}));
    accumulator.add(row({status: 'in-progress', totalCost: null, responseTimeMs: null, timeToFirstChunkMs: 300}));
    const stats = accumulator.result();
    expect(stats).toEqual(
      jasmine.objectContaining({
        calls: 4,
        ok: 1,
        errors: 1,
        cancelled: 1,
        errorRate: 0.25,
        inputTokens: 25,
        outputTokens: 47,
        cachedInputTokens: 2,
        cacheWriteTokens: 4,
        reasoningTokens: 3,
        totalCost: 0.25,
        unpricedCalls: 1,
      }),
    );
    expect(stats.timeToFirstChunkMs).toEqual({p50: 100, p95: 300});
    expect(stats.responseTimeMs).toEqual({p50: 1000, p95: 1000});
  });

  it('reports zeros and null latencies for no rows', () => {
    const stats = new LlmCallStatsAccumulator().result();
    expect(stats.calls).toBe(0);
    expect(stats.errorRate).toBe(0);
    expect(stats.responseTimeMs).toEqual({p50: null, p95: null});
  });
});

describe('groupCallStats', () => {
  it('groups by the given field, in key order', () => {
    const rows = [
      row({provider: 'openai', day: '2025-01-02', totalCost: 1}),
      row({provider: 'anthropic', day: '2025-01-01', totalCost: 2}),
      row({provider: 'openai', day: '2025-01-01', totalCost: 4, status: 'error'}),
    ];
    const byProvider = groupCallStats(rows, 'provider');
    expect(byProvider.map(group => [group.key, group.calls, group.totalCost, group.errors])).toEqual([
      ['anthropic', 1, 2, 0],
      ['openai', 2, 5, 1],
    ]);
    expect(groupCallStats(rows, 'day').map(group => [group.key, group.calls])).toEqual([
      ['2025-01-01', 2],
      ['2025-01-02', 1],
    ]);
  });
});
