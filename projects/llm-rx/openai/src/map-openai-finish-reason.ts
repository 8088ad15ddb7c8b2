import {finishReasonOf, type LlmFinishReason, type LlmFinishReasonType} from 'llm-rx';
import type OpenAI from 'openai';

/**
 * Chat Completions' finish reasons; OpenAI-compatible services extend them (`llm-rx/deepseek`).
 * @internal Exported for llm-rx/deepseek.
 */
export const OPENAI_CHAT_FINISH_REASONS: Readonly<Record<string, LlmFinishReasonType>> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content-filter',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
};

/**
 * Maps a Chat Completions `finish_reason` to the unified finish reason, keeping the raw value.
 *
 * OpenAI-compatible services (DeepSeek, Groq, …) may send values of their own; those map to `other`.
 * @param raw The choice's `finish_reason`, or `null` when none was sent.
 * @returns The unified and raw finish reason.
 * @see https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices
 */
export function mapOpenAiChatFinishReason(raw: string | null | undefined): LlmFinishReason {
  return finishReasonOf(raw, OPENAI_CHAT_FINISH_REASONS);
}

/**
 * Maps a finished Responses API response (from `response.completed`, `response.incomplete` or `response.failed`)
 * to the unified finish reason.
 *
 * The raw value is the `incomplete_details.reason` of an incomplete response (`max_output_tokens`,
 * `content_filter`, …), else the response `status` (`completed`, `failed`, …). The API has no finish reason for
 * tool calls: a completed response whose output has a `function_call` item is `tool-calls`.
 * @param response The terminal event's `response` (its `output`, for the function calls).
 * @returns The unified and raw finish reason.
 * @see https://platform.openai.com/docs/api-reference/responses/object#responses/object-incomplete_details
 */
export function mapOpenAiResponsesFinishReason(
  response: Pick<OpenAI.Responses.Response, 'status' | 'incomplete_details'> &
    Partial<Pick<OpenAI.Responses.Response, 'output'>>,
): LlmFinishReason {
  switch (response.status) {
    case 'completed': {
      const calledTools = response.output?.some(item => item.type === 'function_call') === true;
      return {unified: calledTools ? 'tool-calls' : 'stop', raw: 'completed'};
    }
    case 'failed':
      return {unified: 'error', raw: 'failed'};
    case 'incomplete': {
      const reason = response.incomplete_details?.reason ?? null;
      if (reason === 'max_output_tokens') return {unified: 'length', raw: reason};
      if (reason === 'content_filter') return {unified: 'content-filter', raw: reason};
      return {unified: 'other', raw: reason ?? 'incomplete'};
    }
    default:
      return {unified: 'other', raw: response.status ?? null};
  }
}
