import type {LlmModelPrice, LlmPricedModel} from './llm-model-price';
import {expandCompactDates, matchesModelId, normalizeModelId} from './model-match';
import {PRICE_CORRECTIONS} from './price-corrections';
import {PRICE_SNAPSHOT} from './price-table.generated';
import {assertTimeOfDayPrices} from './time-of-day-price';

/** Providers that report cache reads and writes apart from input on their wire; the others count them inside it. */
/**
 * An immutable table of model prices per provider, with the dataset's rules for resolving dated and aliased ids.
 *
 * `LlmPriceTable.default` holds the prices generated from `@pydantic/genai-prices` (pinned to the version in
 * `price-table.generated.ts`) plus llm-rx's corrections. Add or override prices with `withPrices`, which returns a
 * new table.
 *
 * @usageNotes
 * ```ts
 * const table = LlmPriceTable.default.withPrices('openai', {'my-fine-tune': {inputPerMillion: 3, outputPerMillion: 12}});
 * table.priceOf('openai', 'gpt-5-mini-2025-08-07'); // the gpt-5-mini price
 * ```
 */
export class LlmPriceTable {
  /** The bundled prices: the generated snapshot with `price-corrections.ts` laid over it. */
  static readonly default: LlmPriceTable = Object.entries(PRICE_CORRECTIONS).reduce(
    (table, [provider, prices]) => table.withPrices(provider, prices),
    new LlmPriceTable(new Map(Object.entries(PRICE_SNAPSHOT))),
  );

  readonly #models: ReadonlyMap<string, readonly LlmPricedModel[]>;

  private constructor(models: ReadonlyMap<string, readonly LlmPricedModel[]>) {
    this.#models = models;
  }

  /**
   * Looks up a model's price.
   *
   * An id equal to a listed model wins; otherwise the first model whose match rule accepts the id, as the dataset
   * resolves it (`claude-haiku-4-5-20251001` → `claude-haiku-4-5`), retrying with compact dates expanded
   * (`-20250807` → `-2025-08-07`). Ids compare case-insensitively.
   *
   * @param provider The llm-rx provider name (`openai`, `anthropic`, `gemini`, `deepseek`, `cohere`, …).
   * @param model The model id as sent to the provider.
   * @returns The price, or `undefined` when the table has none.
   */
  priceOf(provider: string, model: string): LlmModelPrice | undefined {
    const models = this.#models.get(provider);
    if (!models) return undefined;
    const modelId = normalizeModelId(model);
    const expandedId = expandCompactDates(modelId);
    const found =
      models.find(candidate => normalizeModelId(candidate.id) === modelId) ??
      findByRule(models, modelId) ??
      (expandedId === modelId ? undefined : findByRule(models, expandedId));
    return found?.price;
  }

  /**
   * Returns a new table with prices added or replaced; this table is unchanged.
   *
   * A key equal to a listed model's id replaces its price and keeps its match rule, so dated ids follow the new
   * price; any other key adds a model that matches that id exactly.
   *
   * @param provider The llm-rx provider name; a new name adds a provider.
   * @param prices Prices by model id.
   * @returns The new table.
   * @throws Error when a time-of-day window's time is not `HH:MM` or `HH:MM:SS`.
   */
  withPrices(provider: string, prices: Readonly<Record<string, LlmModelPrice>>): LlmPriceTable {
    const listed = new Map((this.#models.get(provider) ?? []).map(model => [normalizeModelId(model.id), model]));
    // priceOf tries exact ids before rules, so an added id is not shadowed by a broader rule listed before it.
    return this.withModels(
      provider,
      Object.entries(prices).map(([id, price]) => ({...(listed.get(normalizeModelId(id)) ?? {id}), price})),
    );
  }

  /**
   * Returns a new table with priced models added after a provider's own, match rules kept (as the dataset's
   * `@pydantic/genai-prices` rules resolve ids); this table is unchanged. A model whose id is already listed
   * replaces that one, in its place. For a preset's generated prices, or a rule of one's own
   * (`{id: 'any', match: {regex: '.*'}, price}` prices every model of a local server).
   *
   * @param provider The llm-rx provider name; a new name adds a provider.
   * @param models The priced models, in lookup order.
   * @returns The new table.
   * @throws Error when a time-of-day window's time is not `HH:MM` or `HH:MM:SS`.
   */
  withModels(provider: string, models: readonly LlmPricedModel[]): LlmPriceTable {
    for (const model of models) assertTimeOfDayPrices(model.price, `${provider}/${model.id}`);
    const pending = new Map(models.map(model => [normalizeModelId(model.id), model]));
    const replaced = (this.#models.get(provider) ?? []).map(model => {
      const override = pending.get(normalizeModelId(model.id));
      pending.delete(normalizeModelId(model.id));
      return override ?? model;
    });
    return new LlmPriceTable(new Map(this.#models).set(provider, [...replaced, ...pending.values()]));
  }

  /**
   * Lists the providers the table prices.
   * @returns Provider names, in insertion order.
   */
  providers(): string[] {
    return [...this.#models.keys()];
  }

  /**
   * Lists a provider's canonical model ids, e.g. for a model picker.
   * @param provider The llm-rx provider name.
   * @returns The ids in table order, or an empty array for an unknown provider.
   */
  models(provider: string): string[] {
    return (this.#models.get(provider) ?? []).map(model => model.id);
  }
}

/** The first model whose match rule (or, without one, whose id) accepts a normalised id. */
function findByRule(models: readonly LlmPricedModel[], modelId: string): LlmPricedModel | undefined {
  return models.find(model =>
    model.match ? matchesModelId(model.match, modelId) : normalizeModelId(model.id) === modelId,
  );
}
