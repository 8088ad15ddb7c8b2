import type {LlmModelMatch} from './model-match';

/**
 * Per-million-token rates of one input-size band, in US dollars.
 *
 * A cache read or write without a rate of its own costs the input rate, for every provider: llm-rx counts cache
 * reads and writes inside `inputTokens`, and the dataset's calculator bills them so.
 */
export interface LlmPriceRates {
  /** Uncached input tokens. */
  readonly inputPerMillion: number;
  /** Output tokens, reasoning included. */
  readonly outputPerMillion: number;
  /** Input tokens read from the prompt cache; when absent, they cost the input rate. */
  readonly cachedInputPerMillion?: number;
  /** Input tokens written to the prompt cache (Anthropic's 5-minute write); when absent, they cost the input rate. */
  readonly cacheWritePerMillion?: number;
  /**
   * Input tokens written to the prompt cache with a 1-hour lifetime (Anthropic's `ttl: '1h'`); when absent, they
   * cost `cacheWritePerMillion`, or the input rate without it.
   */
  readonly cacheWriteOneHourPerMillion?: number;
  /**
   * Uncached input tokens of images (`imageInputTokens`), where the price data has a rate of their own; when
   * absent, they cost the input rate.
   */
  readonly imageInputPerMillion?: number;
}

/** Rates that replace the base rates when a prompt is longer than a threshold (long-context pricing). */
export interface LlmPriceTier extends LlmPriceRates {
  /** The tier applies when `inputTokens` (cache reads and writes included) is greater than this. */
  readonly aboveInputTokens: number;
}

/** Rates with their long-context tiers: the price of a model at one time of day. */
export interface LlmTieredRates extends LlmPriceRates {
  /** Long-context tiers in ascending `aboveInputTokens` order; the last one that applies wins. */
  readonly tiers?: readonly LlmPriceTier[];
}

/**
 * Rates that replace a model's price during a daily window (peak and off-peak pricing, as DeepSeek's).
 *
 * Times are UTC, written `HH:MM` or `HH:MM:SS`. The window includes its start and excludes its end; a window whose
 * end is earlier than its start runs past midnight.
 *
 * @usageNotes
 * ```ts
 * const peak: LlmTimeOfDayPrice = {
 *   startTimeUtc: '01:00',
 *   endTimeUtc: '04:00',
 *   inputPerMillion: 1.32,
 *   outputPerMillion: 3.96,
 * };
 * ```
 */
export interface LlmTimeOfDayPrice extends LlmTieredRates {
  /** When the window starts each day, UTC (`HH:MM` or `HH:MM:SS`), included. */
  readonly startTimeUtc: string;
  /** When the window ends each day, UTC (`HH:MM` or `HH:MM:SS`), excluded. */
  readonly endTimeUtc: string;
}

/**
 * The price of one model in US dollars per million tokens.
 *
 * @usageNotes
 * ```ts
 * const price: LlmModelPrice = {inputPerMillion: 0.25, outputPerMillion: 2, cachedInputPerMillion: 0.025};
 * ```
 */
export interface LlmModelPrice extends LlmTieredRates {
  /**
   * Daily windows whose rates (tiers included) replace these, in the dataset's order; at a time inside several
   * windows the last one wins, and outside every window these rates apply.
   */
  readonly timeOfDayPrices?: readonly LlmTimeOfDayPrice[];
}

/** A model in a price table: its canonical id, its price and the rule that maps dated or aliased ids to it. */
export interface LlmPricedModel {
  /** The canonical id, e.g. `claude-haiku-4-5`. */
  readonly id: string;
  readonly price: LlmModelPrice;
  /** Which requested ids resolve to this model; when absent, only `id` itself does. */
  readonly match?: LlmModelMatch;
}
