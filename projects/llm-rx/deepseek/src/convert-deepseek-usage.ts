import type {LlmTokenCounts} from 'llm-rx';
import {NO_TOKENS} from 'llm-rx';
import type OpenAI from 'openai';

/** DeepSeek's usage block: OpenAI's, plus the prompt-cache hit/miss split (their sum is `prompt_tokens`). */
export interface DeepSeekUsage extends OpenAI.CompletionUsage {
  readonly prompt_cache_hit_tokens?: number;
  readonly prompt_cache_miss_tokens?: number;
}

/**
 * Normalises DeepSeek's usage chunk. Cache hits come from `prompt_cache_hit_tokens` (falling back to
 * `prompt_tokens_details.cached_tokens`); DeepSeek's cache charges nothing for writes, so cache writes are 0.
 * `completion_tokens` includes the reasoner's `reasoning_tokens`.
 * @param usage The final chunk's `usage`, or `null`/`undefined` when none came.
 * @returns The token counts; zeros when there was no usage.
 * @see https://api-docs.deepseek.com/api/create-chat-completion
 */
export function convertDeepSeekUsage(usage: DeepSeekUsage | null | undefined): LlmTokenCounts {
  if (!usage) return NO_TOKENS;
  return {
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
    cachedInputTokens: usage.prompt_cache_hit_tokens ?? usage.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}
