import {LlmPriceTable} from './llm-price-table';
import type {LlmModelPrice, LlmPriceRates} from './llm-model-price';

/** The four base rates of a price (in, out, cache read, 5-minute cache write), for flat sample prices. */
function baseRates(price: LlmModelPrice | undefined): LlmPriceRates | undefined {
  if (!price) return undefined;
  const {tiers: _tiers, timeOfDayPrices: _timeOfDayPrices, cacheWriteOneHourPerMillion: _oneHour, ...rates} = price;
  return rates;
}

function rates(
  input: number,
  output: number,
  cachedInput?: number,
  cacheWrite?: number,
  cacheWriteOneHour?: number,
): LlmPriceRates {
  return {
    inputPerMillion: input,
    outputPerMillion: output,
    ...(cachedInput === undefined ? {} : {cachedInputPerMillion: cachedInput}),
    ...(cacheWrite === undefined ? {} : {cacheWritePerMillion: cacheWrite}),
    ...(cacheWriteOneHour === undefined ? {} : {cacheWriteOneHourPerMillion: cacheWriteOneHour}),
  };
}

const HAIKU_4_5 = rates(1, 5, 0.1, 1.25, 2);

describe('LlmPriceTable', () => {
  const table = LlmPriceTable.default;

  describe('default', () => {
    it('prices the five built-in providers under llm-rx names', () => {
      expect(table.providers()).toEqual(['openai', 'anthropic', 'gemini', 'deepseek', 'cohere']);
      expect(table.models('openai')).toContain('gpt-5-mini');
      expect(table.models('gemini')).toContain('gemini-2.5-flash');
      expect(table.models('google')).toEqual([]);
    });

    it('lists only Gemini models for gemini, not the Claude models Vertex AI hosts', () => {
      expect(table.models('gemini').filter(id => id.startsWith('claude'))).toEqual([]);
      expect(table.models('anthropic')).toContain('claude-haiku-4-5');
    });

    it('has no deprecated models', () => {
      // The dataset marks gemini-2.5-flash-preview and command-light as deprecated.
      expect(table.models('gemini')).not.toContain('gemini-2.5-flash-preview');
      expect(table.models('cohere')).not.toContain('command-light');
    });

    it('applies the DeepSeek correction over the stale snapshot price', () => {
      expect(table.priceOf('deepseek', 'deepseek-chat')).toEqual(rates(0.28, 0.42, 0.028));
    });
  });

  describe('priceOf', () => {
    it('resolves dated ids with the dataset match rules', () => {
      expect(table.priceOf('anthropic', 'claude-haiku-4-5-20251001')).toEqual(HAIKU_4_5);
      expect(table.priceOf('anthropic', 'claude-haiku-4-5-20251001')).toBe(
        table.priceOf('anthropic', 'claude-haiku-4-5'),
      );
      expect(table.priceOf('openai', 'gpt-5-mini-2025-08-07')).toEqual(rates(0.25, 2, 0.025));
      expect(table.priceOf('openai', 'gpt-5-mini-2025-08-07')).toBe(table.priceOf('openai', 'gpt-5-mini'));
    });

    it('retries with compact dates expanded, as the dataset does', () => {
      expect(table.priceOf('openai', 'gpt-5-mini-20250807')).toBe(table.priceOf('openai', 'gpt-5-mini'));
    });

    it('ignores case and surrounding space', () => {
      expect(table.priceOf('openai', ' GPT-5-Mini ')).toBe(table.priceOf('openai', 'gpt-5-mini'));
    });

    it('keeps long-context tiers', () => {
      expect(table.priceOf('gemini', 'gemini-2.5-pro')?.tiers).toEqual([
        {aboveInputTokens: 200_000, inputPerMillion: 2.5, outputPerMillion: 15, cachedInputPerMillion: 0.25},
      ]);
    });

    it("keeps Anthropic's 1-hour cache-write rate, in tiers too", () => {
      expect(table.priceOf('anthropic', 'claude-opus-4-5')?.cacheWriteOneHourPerMillion).toBe(10);
      expect(table.priceOf('anthropic', 'claude-sonnet-4-5')?.tiers?.[0].cacheWriteOneHourPerMillion).toBe(12);
    });

    it("keeps DeepSeek V4's peak-hour windows in the dataset's order", () => {
      const windows = table.priceOf('deepseek', 'deepseek-v4-pro')?.timeOfDayPrices;
      expect(windows?.map(window => [window.startTimeUtc, window.endTimeUtc])).toEqual([
        ['01:00', '04:00'],
        ['06:00', '10:00'],
      ]);
      expect(windows?.[0]).toEqual(jasmine.objectContaining(rates(1.32, 3.96, 0.044)));
    });

    it('returns undefined for an unknown model or provider', () => {
      expect(table.priceOf('openai', 'gpt-unknown')).toBeUndefined();
      expect(table.priceOf('fireworks', 'gpt-5-mini')).toBeUndefined();
      // Prices are per provider: an OpenAI id is not priced under Anthropic.
      expect(table.priceOf('anthropic', 'gpt-5-mini')).toBeUndefined();
    });
  });

  describe('withPrices', () => {
    const override: LlmModelPrice = {inputPerMillion: 9, outputPerMillion: 99};

    it('replaces a listed price, dated ids included, in a new table only', () => {
      const before = table.priceOf('openai', 'gpt-5-mini');
      const changed = table.withPrices('openai', {'gpt-5-mini': override});
      expect(changed).not.toBe(table);
      expect(changed.priceOf('openai', 'gpt-5-mini')).toEqual(override);
      expect(changed.priceOf('openai', 'gpt-5-mini-2025-08-07')).toEqual(override);
      expect(table.priceOf('openai', 'gpt-5-mini')).toBe(before);
      expect(LlmPriceTable.default.priceOf('openai', 'gpt-5-mini-2025-08-07')).toEqual(rates(0.25, 2, 0.025));
      expect(changed.models('openai')).toEqual(table.models('openai'));
    });

    it('adds a model that matches its id exactly, even where a broader rule would match', () => {
      // claude-haiku-4-5's rule is starts_with, so this id would otherwise get the base Haiku price.
      const changed = table.withPrices('anthropic', {'claude-haiku-4-5-batch': override});
      expect(changed.priceOf('anthropic', 'claude-haiku-4-5-batch')).toEqual(override);
      expect(changed.priceOf('anthropic', 'claude-haiku-4-5-20251001')).toEqual(HAIKU_4_5);
      expect(changed.models('anthropic')).toEqual([...table.models('anthropic'), 'claude-haiku-4-5-batch']);
      expect(table.priceOf('anthropic', 'claude-haiku-4-5-batch')).toEqual(HAIKU_4_5);
    });

    it('rejects a time-of-day window whose time is not HH:MM or HH:MM:SS, naming the price', () => {
      const peak = {...override, timeOfDayPrices: [{...override, startTimeUtc: '1:00', endTimeUtc: '04:00'}]};
      expect(() => table.withPrices('deepseek', {'my-model': peak})).toThrowError(
        /^llm-rx: .*'1:00' in the price of deepseek\/my-model/,
      );
    });

    it('adds a provider', () => {
      const changed = table.withPrices('bedrock', {'claude-x': override});
      expect(changed.providers()).toEqual([...table.providers(), 'bedrock']);
      expect(changed.priceOf('bedrock', 'claude-x')).toEqual(override);
      expect(table.providers()).not.toContain('bedrock');
    });
  });

  describe("against majordomo-llm's sample prices", () => {
    // The sample price table of majordomo-llm, the Python library llm-rx follows, copied here (in / out / cache
    // read / cache write); it has no 1-hour write column.
    const sample: Record<string, [provider: string, price: LlmPriceRates]> = {
      'gpt-4.1-mini': ['openai', rates(0.4, 1.6, 0.1)],
      'gpt-5-mini': ['openai', rates(0.25, 2, 0.025)],
      'claude-haiku-4-5-20251001': ['anthropic', rates(1, 5, 0.1, 1.25)],
      'claude-sonnet-5': ['anthropic', rates(3, 15, 0.3, 3.75)],
      'gemini-2.5-flash': ['gemini', rates(0.3, 2.5, 0.075)],
      'gemini-2.5-pro': ['gemini', rates(1.25, 10, 0.3125)],
      'deepseek-chat': ['deepseek', rates(0.28, 0.42, 0.028)],
      'deepseek-reasoner': ['deepseek', rates(0.28, 1.68, 0.028)],
      'command-a-03-2025': ['cohere', rates(2.5, 10)],
      'command-r-08-2024': ['cohere', rates(0.5, 1.5)],
    };
    // Where the table keeps a different price than the sample, and why.
    const keptDifferences: Record<string, LlmPriceRates> = {
      // Anthropic made the 2/10 introductory Sonnet 5 price standard; the sample has the Sonnet 4.x price.
      'claude-sonnet-5': rates(2, 10, 0.2, 2.5),
      // Google's Gemini 2.5 cache reads are 10% of input now; the sample has the older 25%.
      'gemini-2.5-flash': rates(0.3, 2.5, 0.03),
      'gemini-2.5-pro': rates(1.25, 10, 0.125),
      // DeepSeek-V3.2 bills the reasoner like deepseek-chat; the sample's 1.68 is the V3.1 output rate.
      'deepseek-reasoner': rates(0.28, 0.42, 0.028),
      // Cohere priced command-r-08-2024 at 0.15 / 0.6; 0.5 / 1.5 was the older command-r-03-2024.
      'command-r-08-2024': rates(0.15, 0.6),
    };

    for (const [model, [provider, documented]] of Object.entries(sample)) {
      it(`prices ${model} as documented or as a known difference`, () => {
        const expected = keptDifferences[model] ?? documented;
        expect(baseRates(table.priceOf(provider, model))).toEqual(expected);
      });
    }
  });
});

describe('LlmPriceTable.withModels', () => {
  const local = {inputPerMillion: 0, outputPerMillion: 0};

  it('adds priced models with their match rules, after the provider’s own', () => {
    const table = LlmPriceTable.default.withModels('acme', [
      {id: 'acme-1', match: {starts_with: 'acme-1'}, price: {inputPerMillion: 1, outputPerMillion: 2}},
      {id: 'any', match: {regex: '.*'}, price: local},
    ]);
    expect(table.priceOf('acme', 'acme-1-2026-01-01')).toEqual({inputPerMillion: 1, outputPerMillion: 2});
    expect(table.priceOf('acme', 'whatever')).toEqual(local);
    expect(LlmPriceTable.default.priceOf('acme', 'acme-1')).toBeUndefined();
  });

  it('replaces a listed model of the same id in its place, rule included', () => {
    const table = LlmPriceTable.default.withModels('openai', [
      {id: 'gpt-4o', match: {equals: 'gpt-4o-renamed'}, price: local},
    ]);
    expect(table.models('openai')).toEqual(LlmPriceTable.default.models('openai'));
    expect(table.priceOf('openai', 'gpt-4o-renamed')).toEqual(local);
  });
});
