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
    const cost = computeLlmCost(tokens({inputTokens: 100, outputTokens: 10}), undefined, 'subset');
    expect(cost).toEqual({inputCost: null, outputCost: null, totalCost: null});
  });

  it('bills OpenAI cache reads at the cached rate and the rest at the input rate (subset)', () => {
    const gpt5Mini: LlmModelPrice = {inputPerMillion: 0.25, outputPerMillion: 2, cachedInputPerMillion: 0.025};
    const cost = computeLlmCost(
      tokens({inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 500}),
      gpt5Mini,
      'subset',
    );
    // 6,000 uncached × 0.25 + 4,000 cached × 0.025; 500 × 2.
    expectCost(cost, 0.0016, 0.001);
  });

  it('bills Gemini implicit-cache reads at the cached rate (subset)', () => {
    const flash: LlmModelPrice = {inputPerMillion: 0.3, outputPerMillion: 2.5, cachedInputPerMillion: 0.03};
    const cost = computeLlmCost(
      tokens({inputTokens: 1_000_000, cachedInputTokens: 500_000, outputTokens: 2_000, reasoningTokens: 1_500}),
      flash,
      'subset',
    );
    // Reasoning tokens are already part of outputTokens, so they are not billed again.
    expectCost(cost, 0.5 * 0.3 + 0.5 * 0.03, 0.005);
  });

  it('bills DeepSeek cache hits at the cache-hit rate (subset)', () => {
    const chat: LlmModelPrice = {inputPerMillion: 0.28, outputPerMillion: 0.42, cachedInputPerMillion: 0.028};
    const cost = computeLlmCost(
      tokens({inputTokens: 3_000, cachedInputTokens: 2_000, outputTokens: 1_000}),
      chat,
      'subset',
    );
    expectCost(cost, (1_000 * 0.28 + 2_000 * 0.028) / 1e6, 0.00042);
  });

  it('bills Cohere, which reports no cache, at the input and output rates', () => {
    const commandA: LlmModelPrice = {inputPerMillion: 2.5, outputPerMillion: 10};
    const cost = computeLlmCost(tokens({inputTokens: 1_234, outputTokens: 567}), commandA, 'subset');
    expectCost(cost, 0.003085, 0.00567);
  });

  it('bills Anthropic cache reads and writes at their rates, apart from uncached input (additive)', () => {
    const haiku: LlmModelPrice = {
      inputPerMillion: 1,
      outputPerMillion: 5,
      cachedInputPerMillion: 0.1,
      cacheWritePerMillion: 1.25,
    };
    const cost = computeLlmCost(
      tokens({inputTokens: 10_000, cachedInputTokens: 6_000, cacheWriteTokens: 2_000, outputTokens: 100}),
      haiku,
      'additive',
    );
    // inputTokens includes both cache counts: 2,000 uncached × 1 + 6,000 × 0.1 + 2,000 × 1.25.
    expectCost(cost, 0.0051, 0.0005);
  });

  describe('when the price has no cache rates', () => {
    const plain: LlmModelPrice = {inputPerMillion: 2, outputPerMillion: 8};
    const cached = tokens({inputTokens: 10_000, cachedInputTokens: 3_000, cacheWriteTokens: 1_000, outputTokens: 0});

    it('bills cache reads and writes at the input rate under subset accounting', () => {
      expectCost(computeLlmCost(cached, plain, 'subset'), 0.02, 0);
    });

    it('bills cache reads and writes at nothing under additive accounting', () => {
      expectCost(computeLlmCost(cached, plain, 'additive'), (6_000 * 2) / 1e6, 0);
    });

    it('falls back for the missing rate only', () => {
      const readsOnly: LlmModelPrice = {...plain, cachedInputPerMillion: 0.2};
      expectCost(computeLlmCost(cached, readsOnly, 'subset'), (6_000 * 2 + 3_000 * 0.2 + 1_000 * 2) / 1e6, 0);
      expectCost(computeLlmCost(cached, readsOnly, 'additive'), (6_000 * 2 + 3_000 * 0.2) / 1e6, 0);
    });
  });

  it('never bills a negative uncached count when cache counts exceed inputTokens', () => {
    const price: LlmModelPrice = {inputPerMillion: 1, outputPerMillion: 1, cachedInputPerMillion: 0.5};
    const cost = computeLlmCost(tokens({inputTokens: 100, cachedInputTokens: 200}), price, 'subset');
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
    expectCost(computeLlmCost(tokens({inputTokens: 200_000, outputTokens: 1_000}), tiered, 'subset'), 0.25, 0.01);
    expectCost(computeLlmCost(tokens({inputTokens: 200_001, outputTokens: 1_000}), tiered, 'subset'), 0.5000025, 0.015);
    // The top tier has no cache rate, so subset accounting bills its cache reads at its input rate.
    const long = tokens({inputTokens: 600_000, cachedInputTokens: 100_000, outputTokens: 1_000});
    expectCost(computeLlmCost(long, tiered, 'subset'), 3, 0.02);
  });

  it('keeps plain floats without rounding', () => {
    const price: LlmModelPrice = {inputPerMillion: 0.1, outputPerMillion: 0.3};
    const cost = computeLlmCost(tokens({inputTokens: 1, outputTokens: 1}), price, 'subset');
    expect(cost.inputCost).toBe(0.1 / 1e6);
    expect(cost.outputCost).toBe(0.3 / 1e6);
    expect(cost.totalCost).toBe(0.1 / 1e6 + 0.3 / 1e6);
  });
});
