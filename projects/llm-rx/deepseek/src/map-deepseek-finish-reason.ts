import type {LlmFinishReason} from 'llm-rx';

/**
 * Maps DeepSeek's `finish_reason` to the unified finish reason, keeping the raw value.
 * `insufficient_system_resource` (the service cut the answer for lack of capacity) is an error.
 * @param raw The choice's `finish_reason`, or `null` when none was sent.
 * @returns The unified and raw finish reason.
 * @see https://api-docs.deepseek.com/api/create-chat-completion
 */
export function mapDeepSeekFinishReason(raw: string | null | undefined): LlmFinishReason {
  switch (raw) {
    case 'stop':
      return {unified: 'stop', raw};
    case 'length':
      return {unified: 'length', raw};
    case 'content_filter':
      return {unified: 'content-filter', raw};
    case 'tool_calls':
      return {unified: 'tool-calls', raw};
    case 'insufficient_system_resource':
      return {unified: 'error', raw};
    default:
      return {unified: 'other', raw: raw ?? null};
  }
}
