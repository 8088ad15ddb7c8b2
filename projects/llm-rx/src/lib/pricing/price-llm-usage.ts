import type {LlmCost, LlmTokenCounts} from '../usage/llm-usage';
import {computeLlmCost} from './compute-llm-cost';
import {LlmPriceTable} from './llm-price-table';

/** Prices a call's tokens, warning once per provider and model that has no price. */
export type LlmUsagePricer = (
  provider: string,
  model: string,
  tokens: LlmTokenCounts,
  table?: LlmPriceTable,
  time?: Date,
) => LlmCost;

/**
 * Creates a pricer with its own set of already-warned models, so that tests get a fresh one instead of resetting
 * shared state.
 * @param warn Where the unknown-price warning goes; `console.warn` by default, looked up at call time.
 * @returns A function with the signature of `priceLlmUsage`.
 * @internal For specs (and `llm-rx/testing` if it needs one); not part of the public API.
 */
export function _createLlmUsagePricer(
  warn: (message: string) => void = message => console.warn(message),
): LlmUsagePricer {
  const warned = new Set<string>();
  return (provider, model, tokens, table = LlmPriceTable.default, time = new Date()) => {
    const price = table.priceOf(provider, model);
    const key = `${provider}\u0000${model}`;
    if (!price && !warned.has(key)) {
      warned.add(key);
      warn(
        `llm-rx: no price for ${provider} model '${model}', so its cost is null. Add one with ` +
          `LlmPriceTable.default.withPrices('${provider}', {'${model}': {inputPerMillion: …, outputPerMillion: …}}) ` +
          `and pass that table where llm-rx prices usage.`,
      );
    }
    return computeLlmCost(tokens, price, time);
  };
}

const defaultPricer = _createLlmUsagePricer();

/**
 * Computes the cost of a call from a price table, at the prices in effect when it was made.
 *
 * A model without a price gets `null` costs (never a silent 0) and one `console.warn` per provider and model for
 * the life of the page, saying how to add the price.
 *
 * @param provider The llm-rx provider name.
 * @param model The model id as sent to the provider; dated ids resolve to their model.
 * @param tokens The call's normalised token counts.
 * @param table The prices to use; `LlmPriceTable.default` by default.
 * @param time When the call was made, which picks time-of-day prices (DeepSeek's peak hours); now by default.
 * @returns The input, output and total cost in US dollars.
 *
 * @usageNotes
 * ```ts
 * const cost = priceLlmUsage('anthropic', 'claude-haiku-4-5-20251001', tokens);
 * const atPeak = priceLlmUsage('deepseek', 'deepseek-v4-pro', tokens, LlmPriceTable.default, startedAt);
 * ```
 */
export function priceLlmUsage(
  provider: string,
  model: string,
  tokens: LlmTokenCounts,
  table: LlmPriceTable = LlmPriceTable.default,
  time: Date = new Date(),
): LlmCost {
  return defaultPricer(provider, model, tokens, table, time);
}
