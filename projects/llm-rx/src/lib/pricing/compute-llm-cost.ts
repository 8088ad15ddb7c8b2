import type {LlmCost, LlmTokenCounts} from '../usage/llm-usage';
import type {LlmCacheAccounting, LlmModelPrice, LlmPriceRates} from './llm-model-price';

const UNKNOWN_COST: LlmCost = Object.freeze({inputCost: null, outputCost: null, totalCost: null});

/**
 * Computes the US-dollar cost of one call from llm-rx's normalised token counts.
 *
 * `inputTokens` includes cache reads and writes, so the uncached part is what remains after both. A cache read or
 * write with no rate of its own costs the input rate under `subset` accounting and nothing under `additive`
 * accounting. Costs are plain floats, never rounded.
 *
 * @param tokens The call's token counts.
 * @param price The model's price, or `undefined` when unknown.
 * @param accounting The provider's cache accounting (`LlmPriceTable.accountingOf(provider)`).
 * @returns The input, output and total cost; every field is `null` without a price, never a silent 0.
 *
 * @usageNotes
 * ```ts
 * const cost = computeLlmCost(usageTokens, {inputPerMillion: 1, outputPerMillion: 5}, 'additive');
 * ```
 */
export function computeLlmCost(
  tokens: LlmTokenCounts,
  price: LlmModelPrice | undefined,
  accounting: LlmCacheAccounting,
): LlmCost {
  if (!price) return UNKNOWN_COST;
  const rates = ratesFor(price, tokens.inputTokens);
  const cacheFallbackRate = accounting === 'subset' ? rates.inputPerMillion : 0;
  const uncachedTokens = Math.max(tokens.inputTokens - tokens.cachedInputTokens - tokens.cacheWriteTokens, 0);
  const inputCost =
    (uncachedTokens * rates.inputPerMillion +
      tokens.cachedInputTokens * (rates.cachedInputPerMillion ?? cacheFallbackRate) +
      tokens.cacheWriteTokens * (rates.cacheWritePerMillion ?? cacheFallbackRate)) /
    1e6;
  const outputCost = (tokens.outputTokens * rates.outputPerMillion) / 1e6;
  return {inputCost, outputCost, totalCost: inputCost + outputCost};
}

/** The rates of the last tier whose threshold the prompt exceeds, or the base rates. */
function ratesFor(price: LlmModelPrice, inputTokens: number): LlmPriceRates {
  let rates: LlmPriceRates = price;
  for (const tier of price.tiers ?? []) {
    if (inputTokens > tier.aboveInputTokens) rates = tier;
  }
  return rates;
}
