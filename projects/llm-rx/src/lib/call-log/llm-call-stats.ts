/** The median and 95th percentile of a latency, `null` when no row had a value. */
export interface LlmLatencyPercentiles {
  readonly p50: number | null;
  readonly p95: number | null;
}

/** Totals over a set of logged attempts. */
export interface LlmCallStats {
  /** Rows counted: one per attempt, whatever its status. */
  readonly calls: number;
  readonly ok: number;
  readonly errors: number;
  readonly cancelled: number;
  /** `errors / calls`, 0 when there are no calls. */
  readonly errorRate: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedInputTokens: number;
  readonly cacheWriteTokens: number;
  readonly reasoningTokens: number;
  /** The sum of the known costs in USD; see `unpricedCalls` for rows without one. */
  readonly totalCost: number;
  /** Ended rows (`ok` or `error`) without a known cost: an unpriced model, or a failure before any usage. */
  readonly unpricedCalls: number;
  readonly timeToFirstChunkMs: LlmLatencyPercentiles;
  readonly responseTimeMs: LlmLatencyPercentiles;
}

/** The totals of one group of a breakdown: a provider, a model or a day. */
export interface LlmCallStatsGroup extends LlmCallStats {
  /** The provider, the model or the `YYYY-MM-DD` day. */
  readonly key: string;
}

/** What a breakdown groups by. */
export type LlmCallGrouping = 'provider' | 'model' | 'day';
