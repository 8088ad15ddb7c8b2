import {NO_TOKENS, type LlmTokenCounts} from '../usage/llm-usage';
import {computeLlmCost} from './compute-llm-cost';
import {LlmPriceTable} from './llm-price-table';
import {_createLlmUsagePricer, priceLlmUsage} from './price-llm-usage';

describe('priceLlmUsage', () => {
  const tokens: LlmTokenCounts = {
    ...NO_TOKENS,
    inputTokens: 10_000,
    cachedInputTokens: 6_000,
    cacheWriteTokens: 2_000,
    outputTokens: 100,
  };

  it('prices a dated id with the default table', () => {
    const cost = priceLlmUsage('anthropic', 'claude-haiku-4-5-20251001', tokens);
    // 2,000 uncached × 1 + 6,000 × 0.1 + 2,000 × 1.25; 100 × 5.
    expect(cost.inputCost).toBeCloseTo(0.0051, 12);
    expect(cost.outputCost).toBeCloseTo(0.0005, 12);
    expect(cost.totalCost).toBeCloseTo(0.0056, 12);
  });

  it('uses the table it is given', () => {
    const table = LlmPriceTable.default.withPrices('openai', {'my-tune': {inputPerMillion: 1, outputPerMillion: 2}});
    expect(priceLlmUsage('openai', 'my-tune', tokens, table)).toEqual(
      computeLlmCost(tokens, {inputPerMillion: 1, outputPerMillion: 2}),
    );
  });

  it('bills 1-hour cache writes at the 1-hour rate', () => {
    const cost = priceLlmUsage('anthropic', 'claude-haiku-4-5', {...tokens, cacheWriteOneHourTokens: 2_000});
    // 2,000 uncached × 1 + 6,000 × 0.1 + 2,000 × 2 (the 1-hour rate).
    expect(cost.inputCost).toBeCloseTo(0.0066, 12);
  });

  it('prices at the time it is given, so DeepSeek V4 peak hours cost the peak rate', () => {
    const million = {...NO_TOKENS, inputTokens: 1_000_000, outputTokens: 1_000_000};
    const at = (time: string) =>
      priceLlmUsage('deepseek', 'deepseek-v4-pro', million, LlmPriceTable.default, new Date(time));
    expect(at('2026-12-01T07:00:00Z').totalCost).toBeCloseTo(1.32 + 3.96, 12);
    expect(at('2026-12-01T12:00:00Z').totalCost).toBeCloseTo(0.66 + 1.98, 12);
  });

  it('warns through console.warn for an unknown model', () => {
    const warn = spyOn(console, 'warn');
    // An id no other spec uses, since this pricer's warned-set lives as long as the page.
    const cost = priceLlmUsage('openai', 'price-llm-usage-spec-unknown', tokens);
    expect(cost).toEqual({inputCost: null, outputCost: null, totalCost: null});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.calls.mostRecent().args[0]).toMatch(/^llm-rx: .*price-llm-usage-spec-unknown.*withPrices/);
  });
});

describe('_createLlmUsagePricer', () => {
  let warn: jasmine.Spy<(message: string) => void>;
  let pricer: ReturnType<typeof _createLlmUsagePricer>;

  beforeEach(() => {
    warn = jasmine.createSpy('warn');
    pricer = _createLlmUsagePricer(warn);
  });

  it('gives null costs and exactly one warning per unknown provider and model', () => {
    const tokens = {...NO_TOKENS, inputTokens: 10, outputTokens: 5};
    for (let call = 0; call < 3; call++) {
      expect(pricer('openai', 'gpt-unknown', tokens)).toEqual({inputCost: null, outputCost: null, totalCost: null});
    }
    expect(warn).toHaveBeenCalledTimes(1);
    const message = warn.calls.mostRecent().args[0];
    expect(message).toMatch(/^llm-rx: /);
    expect(message).toContain("withPrices('openai', {'gpt-unknown'");
  });

  it('warns again for another model or another provider', () => {
    pricer('openai', 'gpt-unknown', NO_TOKENS);
    pricer('openai', 'gpt-other', NO_TOKENS);
    pricer('fireworks', 'gpt-unknown', NO_TOKENS);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('does not warn for a known model', () => {
    const cost = pricer('gemini', 'gemini-2.5-flash', {...NO_TOKENS, inputTokens: 1_000_000});
    expect(cost.totalCost).toBeCloseTo(0.3, 12);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps its warned-set to itself', () => {
    pricer('openai', 'gpt-unknown', NO_TOKENS);
    const otherWarn = jasmine.createSpy('otherWarn');
    _createLlmUsagePricer(otherWarn)('openai', 'gpt-unknown', NO_TOKENS);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(otherWarn).toHaveBeenCalledTimes(1);
  });
});
