import type {LlmCost, LlmTokenCounts} from '../usage/llm-usage';
import type {LlmModelPrice, LlmPriceRates, LlmTieredRates} from './llm-model-price';
import {priceAt} from './time-of-day-price';

const UNKNOWN_COST: LlmCost = Object.freeze({inputCost: null, outputCost: null, totalCost: null});

/**
 * Computes the US-dollar cost of one call from llm-rx's normalised token counts.
 *
 * The rates are those of the time-of-day window containing `time` (or the model's own rates), then of the last
 * long-context tier the prompt exceeds. `inputTokens` includes cache reads and writes, so the uncached part is what
 * remains after both.
 * Cache writes with a 1-hour lifetime (`cacheWriteOneHourTokens`) cost the 1-hour write rate, the other writes
 * the write rate, and image tokens (`imageInputTokens`) the image rate where the price has one. A rate the price lacks falls back as the dataset's calculator does: a 1-hour write to the write
 * rate, then to the input rate; a cache read or write to the input rate. Costs are plain floats, never rounded.
 *
 * @param tokens The call's token counts.
 * @param price The model's price, or `undefined` when unknown.
 * @param time When the call was made, for time-of-day prices; now by default.
 * @returns The input, output and total cost; every field is `null` without a price, never a silent 0.
 *
 * @usageNotes
 * ```ts
 * const cost = computeLlmCost(usageTokens, {inputPerMillion: 1, outputPerMillion: 5});
 * ```
 */
export function computeLlmCost(
  tokens: LlmTokenCounts,
  price: LlmModelPrice | undefined,
  time: Date = new Date(),
): LlmCost {
  if (!price) return UNKNOWN_COST;
  const rates = ratesFor(priceAt(price, time), tokens.inputTokens);
  const oneHourWriteTokens = tokens.cacheWriteOneHourTokens ?? 0;
  const otherWriteTokens = Math.max(tokens.cacheWriteTokens - oneHourWriteTokens, 0);
  const uncachedTokens = Math.max(
    tokens.inputTokens - tokens.cachedInputTokens - otherWriteTokens - oneHourWriteTokens,
    0,
  );
  // Image tokens are a part of the uncached input, at a rate of their own where the price has one.
  const imageTokens =
    rates.imageInputPerMillion === undefined ? 0 : Math.min(tokens.imageInputTokens ?? 0, uncachedTokens);
  const cacheWriteRate = rates.cacheWritePerMillion ?? rates.inputPerMillion;
  const inputCost =
    ((uncachedTokens - imageTokens) * rates.inputPerMillion +
      imageTokens * (rates.imageInputPerMillion ?? 0) +
      tokens.cachedInputTokens * (rates.cachedInputPerMillion ?? rates.inputPerMillion) +
      otherWriteTokens * cacheWriteRate +
      oneHourWriteTokens * (rates.cacheWriteOneHourPerMillion ?? cacheWriteRate)) /
    1e6;
  const outputCost = (tokens.outputTokens * rates.outputPerMillion) / 1e6;
  return {inputCost, outputCost, totalCost: inputCost + outputCost};
}

/** The rates of the last tier whose threshold the prompt exceeds, or the base rates. */
function ratesFor(price: LlmTieredRates, inputTokens: number): LlmPriceRates {
  let rates: LlmPriceRates = price;
  for (const tier of price.tiers ?? []) {
    if (inputTokens > tier.aboveInputTokens) rates = tier;
  }
  return rates;
}
