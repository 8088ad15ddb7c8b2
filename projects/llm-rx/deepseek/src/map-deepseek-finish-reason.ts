import {finishReasonOf, type LlmFinishReason} from 'llm-rx';
import {_OPENAI_CHAT_FINISH_REASONS} from 'llm-rx/openai';

/** Chat Completions' finish reasons, and DeepSeek's own for a request it had no capacity for. */
const DEEPSEEK_FINISH_REASONS = {..._OPENAI_CHAT_FINISH_REASONS, insufficient_system_resource: 'error'} as const;

/**
 * Maps DeepSeek's `finish_reason` to the unified finish reason, keeping the raw value: OpenAI's Chat Completions
 * values, plus `insufficient_system_resource` (the service cut the answer for lack of capacity), an error.
 * @param raw The choice's `finish_reason`, or `null` when none was sent.
 * @returns The unified and raw finish reason.
 * @see https://api-docs.deepseek.com/api/create-chat-completion
 */
export function mapDeepSeekFinishReason(raw: string | null | undefined): LlmFinishReason {
  return finishReasonOf(raw, DEEPSEEK_FINISH_REASONS);
}
