import {NO_TOKENS} from 'llm-rx';
import type OpenAI from 'openai';
import {convertOpenAiChatUsage, convertOpenAiResponsesUsage} from './convert-openai-usage';

describe('convertOpenAiChatUsage', () => {
  it('keeps cached reads and cache writes inside inputTokens and reasoning inside outputTokens', () => {
    const usage: OpenAI.CompletionUsage = {
      prompt_tokens: 120,
      completion_tokens: 30,
      total_tokens: 150,
      prompt_tokens_details: {cached_tokens: 80, cache_write_tokens: 20},
      completion_tokens_details: {reasoning_tokens: 12},
    };
    expect(convertOpenAiChatUsage(usage)).toEqual({
      inputTokens: 120,
      outputTokens: 30,
      cachedInputTokens: 80,
      cacheWriteTokens: 20,
      reasoningTokens: 12,
    });
  });

  it('reads missing details as zero', () => {
    expect(convertOpenAiChatUsage({prompt_tokens: 9, completion_tokens: 2, total_tokens: 11})).toEqual({
      inputTokens: 9,
      outputTokens: 2,
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
  });

  it('gives zeros for no usage', () => {
    expect(convertOpenAiChatUsage(null)).toEqual(NO_TOKENS);
    expect(convertOpenAiChatUsage(undefined)).toEqual(NO_TOKENS);
  });
});

describe('convertOpenAiResponsesUsage', () => {
  it('maps input, cached, cache-write, output and reasoning tokens', () => {
    const usage: OpenAI.Responses.ResponseUsage = {
      input_tokens: 200,
      input_tokens_details: {cached_tokens: 150, cache_write_tokens: 10},
      output_tokens: 40,
      output_tokens_details: {reasoning_tokens: 25},
      total_tokens: 240,
    };
    expect(convertOpenAiResponsesUsage(usage)).toEqual({
      inputTokens: 200,
      outputTokens: 40,
      cachedInputTokens: 150,
      cacheWriteTokens: 10,
      reasoningTokens: 25,
    });
  });

  it('gives zeros for no usage', () => {
    expect(convertOpenAiResponsesUsage(null)).toEqual(NO_TOKENS);
  });
});
