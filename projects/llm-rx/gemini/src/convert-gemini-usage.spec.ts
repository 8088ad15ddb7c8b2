import type {MediaModality} from '@google/genai';
import {NO_TOKENS} from 'llm-rx';
import {convertGeminiUsage} from './convert-gemini-usage';

describe('convertGeminiUsage', () => {
  it('keeps cached tokens inside inputTokens and adds thoughts to the output', () => {
    expect(
      convertGeminiUsage({
        promptTokenCount: 120,
        cachedContentTokenCount: 80,
        candidatesTokenCount: 30,
        thoughtsTokenCount: 12,
        totalTokenCount: 162,
      }),
    ).toEqual({inputTokens: 120, outputTokens: 42, cachedInputTokens: 80, cacheWriteTokens: 0, reasoningTokens: 12});
  });

  it('counts tool-use prompt tokens as input', () => {
    expect(
      convertGeminiUsage({promptTokenCount: 10, toolUsePromptTokenCount: 5, candidatesTokenCount: 2}).inputTokens,
    ).toBe(15);
  });

  it('reads the counts Gemini omits (zero in proto3 JSON) as zero', () => {
    expect(convertGeminiUsage({promptTokenCount: 8, totalTokenCount: 8})).toEqual({...NO_TOKENS, inputTokens: 8});
  });

  it("reads the images' share of the prompt from promptTokensDetails", () => {
    const counts = convertGeminiUsage({
      promptTokenCount: 1300,
      candidatesTokenCount: 20,
      promptTokensDetails: [
        {modality: 'TEXT' as MediaModality, tokenCount: 42},
        {modality: 'IMAGE' as MediaModality, tokenCount: 1258},
      ],
    });
    expect(counts.inputTokens).toBe(1300);
    expect(counts.imageInputTokens).toBe(1258);
    expect('imageInputTokens' in convertGeminiUsage({promptTokenCount: 5})).toBeFalse();
  });

  it('gives zeros for no usage', () => {
    expect(convertGeminiUsage(undefined)).toEqual(NO_TOKENS);
  });
});
