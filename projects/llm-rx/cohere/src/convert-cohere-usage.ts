import type {Cohere} from 'cohere-ai';
import {NO_TOKENS, type LlmTokenCounts} from 'llm-rx';

/**
 * Normalises the usage of Cohere's `message-end` event (camelCased by the SDK).
 *
 * Prices apply to `billedUnits`; `tokens` also counts Cohere's hidden prompt template and is only the fallback for
 * a count `billedUnits` lacks. `cachedTokens` is the part of the prompt that hit the cache. Cohere reports neither
 * cache writes nor reasoning tokens apart.
 * @param usage The `message-end` event's `delta.usage`, or `undefined` when it sent none.
 * @returns The token counts, missing fields read as zero.
 * @see https://docs.cohere.com/reference/chat-stream
 */
export function convertCohereUsage(usage: Cohere.Usage | undefined): LlmTokenCounts {
  if (!usage) return NO_TOKENS;
  return {
    inputTokens: usage.billedUnits?.inputTokens ?? usage.tokens?.inputTokens ?? 0,
    outputTokens: usage.billedUnits?.outputTokens ?? usage.tokens?.outputTokens ?? 0,
    cachedInputTokens: usage.cachedTokens ?? 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
  };
}
