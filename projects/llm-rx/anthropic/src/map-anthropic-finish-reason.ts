import {finishReasonOf, type LlmFinishReason, type LlmFinishReasonType} from 'llm-rx';

const ANTHROPIC_FINISH_REASONS: Readonly<Record<string, LlmFinishReasonType>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'content-filter',
  tool_use: 'tool-calls',
  pause_turn: 'other',
};

/**
 * Maps Anthropic's `stop_reason` to the unified finish reason, keeping the raw value.
 * @param stopReason The `stop_reason` of `message_delta`, or `null`/`undefined` when none came.
 * @returns `end_turn`/`stop_sequence` → stop; `max_tokens`/`model_context_window_exceeded` → length; `refusal` →
 *   content-filter; `tool_use` → tool-calls; anything else (`pause_turn`, unknown, none) → other.
 * @see https://docs.anthropic.com/en/api/handling-stop-reasons
 */
export function mapAnthropicFinishReason(stopReason: string | null | undefined): LlmFinishReason {
  return finishReasonOf(stopReason, ANTHROPIC_FINISH_REASONS);
}
