import type {GenerateContentResponseUsageMetadata} from '@google/genai';
import {NO_TOKENS, type LlmTokenCounts} from 'llm-rx';

/**
 * Normalises Gemini's `usageMetadata` (a running total on every chunk; pass the last one).
 *
 * `promptTokenCount` already includes the cached part (`cachedContentTokenCount`); tool-use prompt tokens are
 * prompt tokens too. `candidatesTokenCount` excludes the thoughts, so output = candidates + thoughts. Gemini
 * reports no cache writes (explicit caches are created and billed apart from the call). The `IMAGE` entry of
 * `promptTokensDetails`, where present, is the images' share of the prompt (`imageInputTokens`).
 * @param usage The last chunk's `usageMetadata`, or `undefined` when the stream sent none.
 * @returns The token counts, missing fields read as zero.
 * @see https://ai.google.dev/api/generate-content#UsageMetadata
 */
export function convertGeminiUsage(usage: GenerateContentResponseUsageMetadata | undefined): LlmTokenCounts {
  if (!usage) return NO_TOKENS;
  const thoughts = usage.thoughtsTokenCount ?? 0;
  const imageTokens = usage.promptTokensDetails?.find(detail => detail.modality === 'IMAGE')?.tokenCount;
  return {
    inputTokens: (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0),
    outputTokens: (usage.candidatesTokenCount ?? 0) + thoughts,
    cachedInputTokens: usage.cachedContentTokenCount ?? 0,
    cacheWriteTokens: 0,
    reasoningTokens: thoughts,
    ...(imageTokens !== undefined && {imageInputTokens: imageTokens}),
  };
}
