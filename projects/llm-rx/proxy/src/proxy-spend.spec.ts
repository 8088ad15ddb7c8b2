import {LlmPriceTable} from 'llm-rx';
import {estimatedTokens, plainTokens, reservationTokens, spendOf} from './proxy-spend';

const table = LlmPriceTable.default.withPrices('openai', {
  'rx-spend-test': {inputPerMillion: 0.25, outputPerMillion: 2},
});
const AT = Date.UTC(2026, 0, 15, 12);

describe('spendOf', () => {
  it('prices the tokens in nano-dollars, with the dollars beside them', () => {
    expect(spendOf('openai', 'rx-spend-test', plainTokens(1234, 0), table, AT)).toEqual({
      tokens: 1234,
      costNanoUsd: 308_500,
      costUsd: 0.0003085,
    });
  });

  it('rounds a fraction of a nano-dollar up', () => {
    const spend = spendOf(
      'openai',
      'rx-spend-test',
      plainTokens(1, 0),
      table.withPrices('openai', {
        'rx-spend-test': {inputPerMillion: 0.0012, outputPerMillion: 0},
      }),
      AT,
    );
    expect(spend.costNanoUsd).toBe(2);
  });

  it("does not round a dollar amount's float noise up to one more nano-dollar", () => {
    // 100 × 0.25/M + 100 × 2/M is 0.00022500000000000002 in floating point.
    expect(spendOf('openai', 'rx-spend-test', plainTokens(100, 100), table, AT).costNanoUsd).toBe(225_000);
    expect(spendOf('openai', 'rx-spend-test', plainTokens(12_345, 678), table, AT).costNanoUsd).toBe(4_442_250);
  });

  it('costs 0 nano-dollars and a null costUsd for a model without a price, counting its tokens', () => {
    expect(spendOf('openai', 'rx-unpriced-model', plainTokens(10, 5), table, AT)).toEqual({
      tokens: 15,
      costNanoUsd: 0,
      costUsd: null,
    });
  });
});

describe('plainTokens', () => {
  it('has only input and output', () => {
    expect(plainTokens(3, 4)).toEqual({
      inputTokens: 3,
      outputTokens: 4,
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
  });
});

describe('reservationTokens', () => {
  it("bounds a request's input by its body's bytes and its output by its cap", () => {
    expect(reservationTokens(2048, 1000)).toEqual(plainTokens(2048, 1000));
  });

  it('counts each image at imageInputTokens when they count apart, and the rest of the body by its bytes', () => {
    const images = {count: 2, base64Chars: 400_000, tokensPerImage: 5000};
    expect(reservationTokens(401_000, 1000, images)).toEqual(plainTokens(11_000, 1000));
  });
});

describe('estimatedTokens with images', () => {
  it('estimates the text at four characters a token and each image at imageInputTokens', () => {
    const images = {count: 2, base64Chars: 400_000, tokensPerImage: 5000};
    expect(estimatedTokens(401_000, 400, images)).toEqual(plainTokens(250 + 10_000, 100));
  });
});

describe('estimatedTokens', () => {
  it('counts about four characters a token, rounded up', () => {
    expect(estimatedTokens(400, 10)).toEqual(plainTokens(100, 3));
    expect(estimatedTokens(401, 0)).toEqual(plainTokens(101, 0));
  });
});
