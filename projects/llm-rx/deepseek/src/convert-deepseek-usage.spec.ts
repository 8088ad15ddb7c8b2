import {NO_TOKENS} from 'llm-rx';
import {convertDeepSeekUsage} from './convert-deepseek-usage';

describe('convertDeepSeekUsage', () => {
  it('counts cache hits from prompt_cache_hit_tokens, inside inputTokens', () => {
    expect(
      convertDeepSeekUsage({
        prompt_tokens: 10,
        completion_tokens: 8,
        total_tokens: 18,
        prompt_tokens_details: {cached_tokens: 3},
        prompt_cache_hit_tokens: 4,
        prompt_cache_miss_tokens: 6,
        completion_tokens_details: {reasoning_tokens: 5},
      }),
    ).toEqual({inputTokens: 10, outputTokens: 8, cachedInputTokens: 4, cacheWriteTokens: 0, reasoningTokens: 5});
  });

  it('falls back to prompt_tokens_details.cached_tokens', () => {
    expect(
      convertDeepSeekUsage({
        prompt_tokens: 10,
        completion_tokens: 2,
        total_tokens: 12,
        prompt_tokens_details: {cached_tokens: 3},
      }).cachedInputTokens,
    ).toBe(3);
  });

  it('reads missing fields as zero and no usage as zeros', () => {
    expect(convertDeepSeekUsage({prompt_tokens: 10, completion_tokens: 2, total_tokens: 12})).toEqual({
      inputTokens: 10,
      outputTokens: 2,
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
    expect(convertDeepSeekUsage(null)).toEqual(NO_TOKENS);
  });
});
