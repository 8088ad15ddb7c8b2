import type {LlmFinishReason} from 'llm-rx';
import {_mapOpenAiChatFinishReason} from 'llm-rx/openai';

/**
 * Maps DeepSeek's `finish_reason` to the unified finish reason, keeping the raw value: OpenAI's Chat Completions
 * values, plus `insufficient_system_resource` (the service cut the answer for lack of capacity), an error.
 * @param raw The choice's `finish_reason`, or `null` when none was sent.
 * @returns The unified and raw finish reason.
 * @see https://api-docs.deepseek.com/api/create-chat-completion
 */
export function mapDeepSeekFinishReason(raw: string | null | undefined): LlmFinishReason {
  return raw === 'insufficient_system_resource' ? {unified: 'error', raw} : _mapOpenAiChatFinishReason(raw);
}
