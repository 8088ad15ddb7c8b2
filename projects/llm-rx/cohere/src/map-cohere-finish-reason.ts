import {finishReasonOf, type LlmFinishReason} from 'llm-rx';

/** Cohere's finish reasons. */
const COHERE_FINISH_REASONS = {
  COMPLETE: 'stop',
  STOP_SEQUENCE: 'stop',
  MAX_TOKENS: 'length',
  TOOL_CALL: 'tool-calls',
  ERROR: 'error',
  TIMEOUT: 'error',
} as const;

/**
 * Maps Cohere's `finish_reason` (`finishReason` in the SDK) to the unified finish reason, keeping the raw value.
 *
 * `ERROR` and `TIMEOUT` are failures reported in-band: the stream raises an `LlmProviderError` for them. Cohere
 * has no content-filter reason and no refusal: a request for an object that the model declines ends with its text,
 * which is JSON or an invalid-json `LlmObjectError`.
 * @param raw The `message-end` event's finish reason, or `undefined` when none was sent.
 * @returns The unified and raw finish reason.
 * @see https://docs.cohere.com/reference/chat-stream
 */
export function mapCohereFinishReason(raw: string | undefined): LlmFinishReason {
  return finishReasonOf(raw, COHERE_FINISH_REASONS);
}
