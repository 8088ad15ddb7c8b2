import {NO_TOKENS} from 'llm-rx';
import {convertCohereUsage} from './convert-cohere-usage';

describe('convertCohereUsage', () => {
  it('counts the billed units, not the template-inflated tokens, and keeps cached tokens', () => {
    expect(
      convertCohereUsage({
        billedUnits: {inputTokens: 42, outputTokens: 7},
        tokens: {inputTokens: 108, outputTokens: 7},
        cachedTokens: 16,
      }),
    ).toEqual({inputTokens: 42, outputTokens: 7, cachedInputTokens: 16, cacheWriteTokens: 0, reasoningTokens: 0});
  });

  it('falls back to tokens for a count the billed units lack', () => {
    expect(convertCohereUsage({billedUnits: {outputTokens: 3}, tokens: {inputTokens: 70, outputTokens: 3}})).toEqual({
      ...NO_TOKENS,
      inputTokens: 70,
      outputTokens: 3,
    });
    expect(convertCohereUsage({tokens: {inputTokens: 9, outputTokens: 2}})).toEqual({
      ...NO_TOKENS,
      inputTokens: 9,
      outputTokens: 2,
    });
  });

  it('gives zeros for no usage', () => {
    expect(convertCohereUsage(undefined)).toEqual(NO_TOKENS);
    expect(convertCohereUsage({})).toEqual(NO_TOKENS);
  });
});
