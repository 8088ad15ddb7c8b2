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
 * @param forcedTool Whether llm-rx forced the tool call itself (structured output in tool mode): `tool_use` is then
 *   the answer's normal end, a `stop`, not a call for the application to run.
 * @returns `end_turn`/`stop_sequence` → stop; `max_tokens`/`model_context_window_exceeded` → length; `refusal` →
 *   content-filter; `tool_use` → tool-calls (stop with `forcedTool`); anything else (`pause_turn`, unknown, none)
 *   → other.
 */
export function mapAnthropicFinishReason(stopReason: string | null | undefined, forcedTool = false): LlmFinishReason {
  if (forcedTool && stopReason === 'tool_use') return {unified: 'stop', raw: stopReason};
  return finishReasonOf(stopReason, ANTHROPIC_FINISH_REASONS);
}
