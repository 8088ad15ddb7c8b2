import type {LlmModelMatch} from './model-match';

/** Per-million-token rates of one input-size band, in US dollars. */
export interface LlmPriceRates {
  /** Uncached input tokens. */
  readonly inputPerMillion: number;
  /** Output tokens, reasoning included. */
  readonly outputPerMillion: number;
  /** Input tokens read from the prompt cache; when absent, the provider's accounting decides the fallback. */
  readonly cachedInputPerMillion?: number;
  /** Input tokens written to the prompt cache (Anthropic's 5-minute write); absent falls back like a cache read. */
  readonly cacheWritePerMillion?: number;
}

/** Rates that replace the base rates when a prompt is longer than a threshold (long-context pricing). */
export interface LlmPriceTier extends LlmPriceRates {
  /** The tier applies when `inputTokens` (cache reads and writes included) is greater than this. */
  readonly aboveInputTokens: number;
}

/**
 * The price of one model in US dollars per million tokens.
 *
 * @usageNotes
 * ```ts
 * const price: LlmModelPrice = {inputPerMillion: 0.25, outputPerMillion: 2, cachedInputPerMillion: 0.025};
 * ```
 */
export interface LlmModelPrice extends LlmPriceRates {
  /** Long-context tiers in ascending `aboveInputTokens` order; the last one that applies wins. */
  readonly tiers?: readonly LlmPriceTier[];
}

/**
 * How a provider bills cached tokens when the price has no cache rate.
 *
 * - `subset` (OpenAI, Gemini, DeepSeek, Cohere, OpenAI-compatible): a cache read or write without its own rate
 *   costs the input rate.
 * - `additive` (Anthropic): a cache read or write without its own rate costs nothing.
 *
 * Token counts are normalised the same way for both: `inputTokens` includes cache reads and writes.
 */
export type LlmCacheAccounting = 'subset' | 'additive';

/** A model in a price table: its canonical id, its price and the rule that maps dated or aliased ids to it. */
export interface LlmPricedModel {
  /** The canonical id, e.g. `claude-haiku-4-5`. */
  readonly id: string;
  readonly price: LlmModelPrice;
  /** Which requested ids resolve to this model; when absent, only `id` itself does. */
  readonly match?: LlmModelMatch;
}
