import type {LlmTokenCounts} from 'llm-rx';
import {NO_TOKENS} from 'llm-rx';
import type OpenAI from 'openai';

/**
 * Normalises a Chat Completions usage block (the last chunk, `choices: []`, of a stream sent with
 * `stream_options: {include_usage: true}`).
 *
 * `prompt_tokens` already includes cached reads and cache writes, and `completion_tokens` includes reasoning, as
 * llm-rx counts them.
 * @param usage The chunk's `usage`, or `null`/`undefined` when the provider sent none.
 * @returns The token counts; zeros when there was no usage.
 * @see https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage
 */
export function convertOpenAiChatUsage(usage: OpenAI.CompletionUsage | null | undefined): LlmTokenCounts {
  if (!usage) return NO_TOKENS;
  return {
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: usage.prompt_tokens_details?.cache_write_tokens ?? 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}

/**
 * Normalises a Responses API usage block (`response.usage` of the terminal `response.completed`,
 * `response.incomplete` or `response.failed` event).
 *
 * `input_tokens` already includes cached reads and cache writes, and `output_tokens` includes reasoning.
 * @param usage The response's `usage`, or `null`/`undefined` when it had none.
 * @returns The token counts; zeros when there was no usage.
 * @see https://platform.openai.com/docs/api-reference/responses/object#responses/object-usage
 */
export function convertOpenAiResponsesUsage(usage: OpenAI.Responses.ResponseUsage | null | undefined): LlmTokenCounts {
  if (!usage) return NO_TOKENS;
  return {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cachedInputTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: usage.input_tokens_details?.cache_write_tokens ?? 0,
    reasoningTokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
  };
}
