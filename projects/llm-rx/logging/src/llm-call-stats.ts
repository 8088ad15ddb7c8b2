import type {LlmCallGrouping, LlmCallRecord, LlmCallStats, LlmCallStatsGroup, LlmLatencyPercentiles} from 'llm-rx';

/** The fields of a call row that the totals read. */
export type LlmCallStatsRow = Pick<
  LlmCallRecord,
  | 'provider'
  | 'model'
  | 'day'
  | 'status'
  | 'inputTokens'
  | 'outputTokens'
  | 'cachedInputTokens'
  | 'cacheWriteTokens'
  | 'reasoningTokens'
  | 'totalCost'
  | 'timeToFirstChunkMs'
  | 'responseTimeMs'
>;

/**
 * Sums call rows in one pass: counts, tokens, cost and latencies, for `LlmCallLog.totals()` and breakdowns.
 * Latency values are kept (two numbers per row) so that percentiles are exact.
 */
export class LlmCallStatsAccumulator {
  #calls = 0;
  #ok = 0;
  #errors = 0;
  #cancelled = 0;
  #inputTokens = 0;
  #outputTokens = 0;
  #cachedInputTokens = 0;
  #cacheWriteTokens = 0;
  #reasoningTokens = 0;
  #totalCost = 0;
  #unpricedCalls = 0;
  readonly #timesToFirstChunk: number[] = [];
  readonly #responseTimes: number[] = [];

  /**
   * Counts one row.
   * @param row The row's counted fields.
   */
  add(row: LlmCallStatsRow): void {
    this.#calls++;
    if (row.status === 'ok') this.#ok++;
    else if (row.status === 'error') this.#errors++;
    else if (row.status === 'cancelled') this.#cancelled++;
    this.#inputTokens += row.inputTokens ?? 0;
    this.#outputTokens += row.outputTokens ?? 0;
    this.#cachedInputTokens += row.cachedInputTokens ?? 0;
    this.#cacheWriteTokens += row.cacheWriteTokens ?? 0;
    this.#reasoningTokens += row.reasoningTokens ?? 0;
    if (row.totalCost !== null) this.#totalCost += row.totalCost;
    else if (row.status === 'ok' || row.status === 'error') this.#unpricedCalls++;
    if (row.timeToFirstChunkMs !== null) this.#timesToFirstChunk.push(row.timeToFirstChunkMs);
    if (row.responseTimeMs !== null) this.#responseTimes.push(row.responseTimeMs);
  }

  /** @returns The totals of the rows added so far. */
  result(): LlmCallStats {
    return {
      calls: this.#calls,
      ok: this.#ok,
      errors: this.#errors,
      cancelled: this.#cancelled,
      errorRate: this.#calls === 0 ? 0 : this.#errors / this.#calls,
      inputTokens: this.#inputTokens,
      outputTokens: this.#outputTokens,
      cachedInputTokens: this.#cachedInputTokens,
      cacheWriteTokens: this.#cacheWriteTokens,
      reasoningTokens: this.#reasoningTokens,
      totalCost: this.#totalCost,
      unpricedCalls: this.#unpricedCalls,
      timeToFirstChunkMs: percentiles(this.#timesToFirstChunk),
      responseTimeMs: percentiles(this.#responseTimes),
    };
  }
}

/**
 * Totals of rows grouped by provider, model or day, sorted by key.
 * @param rows The rows to count.
 * @param grouping The field to group by.
 * @returns One group per distinct value, in ascending key order.
 */
export function groupCallStats(rows: Iterable<LlmCallStatsRow>, grouping: LlmCallGrouping): LlmCallStatsGroup[] {
  const groups = new Map<string, LlmCallStatsAccumulator>();
  for (const row of rows) {
    const key = row[grouping];
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = new LlmCallStatsAccumulator()));
    group.add(row);
  }
  return [...groups]
    .sort(([first], [second]) => (first < second ? -1 : first > second ? 1 : 0))
    .map(([key, group]) => ({key, ...group.result()}));
}

/**
 * The nearest-rank 50th and 95th percentiles.
 * @param values The values, in any order; sorted in place.
 * @returns The percentiles, `null` for no values.
 */
export function percentiles(values: number[]): LlmLatencyPercentiles {
  if (values.length === 0) return {p50: null, p95: null};
  values.sort((first, second) => first - second);
  const rank = (percent: number) => values[Math.max(0, Math.ceil((percent / 100) * values.length) - 1)];
  return {p50: rank(50), p95: rank(95)};
}
