import {NO_TOKENS, type LlmCost, type LlmTokenCounts} from '../usage/llm-usage';
import {computeLlmCost} from './compute-llm-cost';
import type {LlmModelPrice} from './llm-model-price';

function tokens(counts: Partial<LlmTokenCounts>): LlmTokenCounts {
  return {...NO_TOKENS, ...counts};
}

function expectCost(cost: LlmCost, inputCost: number, outputCost: number): void {
  expect(cost.inputCost).toBeCloseTo(inputCost, 12);
  expect(cost.outputCost).toBeCloseTo(outputCost, 12);
  expect(cost.totalCost).toBeCloseTo(inputCost + outputCost, 12);
}

describe('computeLlmCost', () => {
  it('returns null costs, not zero, without a price', () => {
    const cost = computeLlmCost(tokens({inputTokens: 100, outputTokens: 10}), undefined);
    expect(cost).toEqual({inputCost: null, outputCost: null, totalCost: null});
  });

  it('bills OpenAI cache reads at the cached rate and the rest at the input rate', () => {
    const gpt5Mini: LlmModelPrice = {inputPerMillion: 0.25, outputPerMillion: 2, cachedInputPerMillion: 0.025};
    const cost = computeLlmCost(tokens({inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 500}), gpt5Mini);
    // 6,000 uncached × 0.25 + 4,000 cached × 0.025; 500 × 2.
    expectCost(cost, 0.0016, 0.001);
  });

  it('bills Gemini implicit-cache reads at the cached rate', () => {
    const flash: LlmModelPrice = {inputPerMillion: 0.3, outputPerMillion: 2.5, cachedInputPerMillion: 0.03};
    const cost = computeLlmCost(
      tokens({inputTokens: 1_000_000, cachedInputTokens: 500_000, outputTokens: 2_000, reasoningTokens: 1_500}),
      flash,
    );
    // Reasoning tokens are already part of outputTokens, so they are not billed again.
    expectCost(cost, 0.5 * 0.3 + 0.5 * 0.03, 0.005);
  });

  it('bills DeepSeek cache hits at the cache-hit rate', () => {
    const chat: LlmModelPrice = {inputPerMillion: 0.28, outputPerMillion: 0.42, cachedInputPerMillion: 0.028};
    const cost = computeLlmCost(tokens({inputTokens: 3_000, cachedInputTokens: 2_000, outputTokens: 1_000}), chat);
    expectCost(cost, (1_000 * 0.28 + 2_000 * 0.028) / 1e6, 0.00042);
  });

  it('bills Cohere, which reports no cache, at the input and output rates', () => {
    const commandA: LlmModelPrice = {inputPerMillion: 2.5, outputPerMillion: 10};
    const cost = computeLlmCost(tokens({inputTokens: 1_234, outputTokens: 567}), commandA);
    expectCost(cost, 0.003085, 0.00567);
  });

  it('bills Anthropic cache reads and writes at their rates, apart from uncached input', () => {
    const haiku: LlmModelPrice = {
      inputPerMillion: 1,
      outputPerMillion: 5,
      cachedInputPerMillion: 0.1,
      cacheWritePerMillion: 1.25,
    };
    const cost = computeLlmCost(
      tokens({inputTokens: 10_000, cachedInputTokens: 6_000, cacheWriteTokens: 2_000, outputTokens: 100}),
      haiku,
    );
    // inputTokens includes both cache counts: 2,000 uncached × 1 + 6,000 × 0.1 + 2,000 × 1.25.
    expectCost(cost, 0.0051, 0.0005);
  });

  describe('when the price has no cache rates', () => {
    const plain: LlmModelPrice = {inputPerMillion: 2, outputPerMillion: 8};
    const cached = tokens({inputTokens: 10_000, cachedInputTokens: 3_000, cacheWriteTokens: 1_000, outputTokens: 0});

    it('bills cache reads and writes at the input rate, for Anthropic too (never at 0)', () => {
      expectCost(computeLlmCost(cached, plain), 0.02, 0);
    });

    it('falls back for the missing rate only', () => {
      const readsOnly: LlmModelPrice = {...plain, cachedInputPerMillion: 0.2};
      expectCost(computeLlmCost(cached, readsOnly), (6_000 * 2 + 3_000 * 0.2 + 1_000 * 2) / 1e6, 0);
    });
  });

  describe('with 1-hour cache writes', () => {
    const opus: LlmModelPrice = {
      inputPerMillion: 5,
      outputPerMillion: 25,
      cachedInputPerMillion: 0.5,
      cacheWritePerMillion: 6.25,
      cacheWriteOneHourPerMillion: 10,
    };

    it('bills the 1-hour part of the writes at the 1-hour rate and the rest at the 5-minute rate', () => {
      const counts = tokens({inputTokens: 10_000, cacheWriteTokens: 3_000, cacheWriteOneHourTokens: 1_000});
      // 7,000 uncached × 5 + 2,000 × 6.25 + 1,000 × 10.
      expectCost(computeLlmCost(counts, opus), (35_000 + 12_500 + 10_000) / 1e6, 0);
    });

    it('bills every write at the 5-minute rate when the lifetime is not reported', () => {
      const counts = tokens({inputTokens: 10_000, cacheWriteTokens: 3_000});
      expectCost(computeLlmCost(counts, opus), (35_000 + 18_750) / 1e6, 0);
    });

    it('falls back to the 5-minute write rate, then to the input rate', () => {
      const counts = tokens({inputTokens: 10_000, cacheWriteTokens: 3_000, cacheWriteOneHourTokens: 1_000});
      const {cacheWriteOneHourPerMillion: _oneHour, ...fiveMinuteOnly} = opus;
      expectCost(computeLlmCost(counts, fiveMinuteOnly), (35_000 + 18_750) / 1e6, 0);
      expectCost(computeLlmCost(counts, {inputPerMillion: 5, outputPerMillion: 25}), 0.05, 0);
    });

    it('bills the other writes at the input rate when a price has only the 1-hour rate', () => {
      const counts = tokens({inputTokens: 10_000, cacheWriteTokens: 3_000, cacheWriteOneHourTokens: 1_000});
      const oneHourOnly: LlmModelPrice = {inputPerMillion: 5, outputPerMillion: 25, cacheWriteOneHourPerMillion: 10};
      expectCost(computeLlmCost(counts, oneHourOnly), (9_000 * 5 + 1_000 * 10) / 1e6, 0);
    });

    it('never bills a negative count when the 1-hour writes exceed cacheWriteTokens', () => {
      const counts = tokens({inputTokens: 1_000, cacheWriteTokens: 0, cacheWriteOneHourTokens: 400});
      expectCost(computeLlmCost(counts, opus), (600 * 5 + 400 * 10) / 1e6, 0);
    });
  });

  describe('with time-of-day prices', () => {
    const v4Pro: LlmModelPrice = {
      inputPerMillion: 0.66,
      outputPerMillion: 1.98,
      timeOfDayPrices: [
        {startTimeUtc: '01:00', endTimeUtc: '04:00', inputPerMillion: 1.32, outputPerMillion: 3.96},
        {startTimeUtc: '06:00', endTimeUtc: '10:00', inputPerMillion: 1.32, outputPerMillion: 3.96},
      ],
    };
    const million = tokens({inputTokens: 1_000_000, outputTokens: 1_000_000});

    it('bills the window that contains the time, from its start to just before its end', () => {
      expectCost(computeLlmCost(million, v4Pro, new Date('2026-12-01T00:59:59.999Z')), 0.66, 1.98);
      expectCost(computeLlmCost(million, v4Pro, new Date('2026-12-01T01:00:00Z')), 1.32, 3.96);
      expectCost(computeLlmCost(million, v4Pro, new Date('2026-12-01T09:59:59.999Z')), 1.32, 3.96);
      expectCost(computeLlmCost(million, v4Pro, new Date('2026-12-01T10:00:00Z')), 0.66, 1.98);
    });

    it('compares UTC clocks, whatever the offset the time was written with', () => {
      expectCost(computeLlmCost(million, v4Pro, new Date('2026-12-01T15:00:00+08:00')), 1.32, 3.96);
    });

    it('lets the last containing window win and runs a window past midnight when it ends before it starts', () => {
      const overnight: LlmModelPrice = {
        inputPerMillion: 1,
        outputPerMillion: 1,
        timeOfDayPrices: [
          {startTimeUtc: '16:30', endTimeUtc: '00:30', inputPerMillion: 0.5, outputPerMillion: 0.5},
          {startTimeUtc: '23:00', endTimeUtc: '23:30:30', inputPerMillion: 0.25, outputPerMillion: 0.25},
        ],
      };
      expectCost(computeLlmCost(million, overnight, new Date('2026-12-01T00:15:00Z')), 0.5, 0.5);
      expectCost(computeLlmCost(million, overnight, new Date('2026-12-01T23:30:29Z')), 0.25, 0.25);
      expectCost(computeLlmCost(million, overnight, new Date('2026-12-01T23:30:30Z')), 0.5, 0.5);
      expectCost(computeLlmCost(million, overnight, new Date('2026-12-01T00:30:00Z')), 1, 1);
    });

    it("uses the window's own tiers, not the base ones", () => {
      const tiered: LlmModelPrice = {
        inputPerMillion: 1,
        outputPerMillion: 1,
        tiers: [{aboveInputTokens: 100, inputPerMillion: 3, outputPerMillion: 3}],
        timeOfDayPrices: [{startTimeUtc: '00:00', endTimeUtc: '12:00', inputPerMillion: 2, outputPerMillion: 2}],
      };
      expectCost(computeLlmCost(million, tiered, new Date('2026-12-01T06:00:00Z')), 2, 2);
      expectCost(computeLlmCost(million, tiered, new Date('2026-12-01T18:00:00Z')), 3, 3);
    });

    it('prices at the current time by default', () => {
      const before = new Date();
      const cost = computeLlmCost(million, v4Pro);
      const after = new Date();
      // The clock may cross a window edge between the reads, so either side's cost is right.
      expect([computeLlmCost(million, v4Pro, before), computeLlmCost(million, v4Pro, after)]).toContain(cost);
    });
  });

  it('never bills a negative uncached count when cache counts exceed inputTokens', () => {
    const price: LlmModelPrice = {inputPerMillion: 1, outputPerMillion: 1, cachedInputPerMillion: 0.5};
    const cost = computeLlmCost(tokens({inputTokens: 100, cachedInputTokens: 200}), price);
    expectCost(cost, 0.0001, 0);
  });

  it('applies the last long-context tier whose threshold the prompt exceeds', () => {
    const tiered: LlmModelPrice = {
      inputPerMillion: 1.25,
      outputPerMillion: 10,
      cachedInputPerMillion: 0.125,
      tiers: [
        {aboveInputTokens: 200_000, inputPerMillion: 2.5, outputPerMillion: 15, cachedInputPerMillion: 0.25},
        {aboveInputTokens: 500_000, inputPerMillion: 5, outputPerMillion: 20},
      ],
    };
    expectCost(computeLlmCost(tokens({inputTokens: 200_000, outputTokens: 1_000}), tiered), 0.25, 0.01);
    expectCost(computeLlmCost(tokens({inputTokens: 200_001, outputTokens: 1_000}), tiered), 0.5000025, 0.015);
    // The top tier has no cache rate, so its cache reads cost its input rate.
    const long = tokens({inputTokens: 600_000, cachedInputTokens: 100_000, outputTokens: 1_000});
    expectCost(computeLlmCost(long, tiered), 3, 0.02);
  });

  it('keeps plain floats without rounding', () => {
    const price: LlmModelPrice = {inputPerMillion: 0.1, outputPerMillion: 0.3};
    const cost = computeLlmCost(tokens({inputTokens: 1, outputTokens: 1}), price);
    expect(cost.inputCost).toBe(0.1 / 1e6);
    expect(cost.outputCost).toBe(0.3 / 1e6);
    expect(cost.totalCost).toBe(0.1 / 1e6 + 0.3 / 1e6);
  });
});

describe('computeLlmCost: image tokens', () => {
  const price: LlmModelPrice = {inputPerMillion: 2, outputPerMillion: 8, imageInputPerMillion: 10};

  it('bills the image part of the input at the image rate where the price has one', () => {
    const cost = computeLlmCost(tokens({inputTokens: 1_000_000, imageInputTokens: 250_000, outputTokens: 0}), price);
    expectCost(cost, 0.75 * 2 + 0.25 * 10, 0);
  });

  it('bills image tokens as input without an image rate, and input as input without image tokens', () => {
    const noImageRate = {inputPerMillion: 2, outputPerMillion: 8};
    expectCost(computeLlmCost(tokens({inputTokens: 1_000_000, imageInputTokens: 250_000}), noImageRate), 2, 0);
    expectCost(computeLlmCost(tokens({inputTokens: 1_000_000}), price), 2, 0);
  });
});
