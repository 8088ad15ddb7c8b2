import type {LlmFinishReason} from 'llm-rx';

/**
 * Maps Cohere's `finish_reason` (`finishReason` in the SDK) to the unified finish reason, keeping the raw value.
 *
 * `ERROR` and `TIMEOUT` are failures reported in-band: the stream raises an `LlmProviderError` for them. Cohere
 * has no content-filter reason.
 * @param raw The `message-end` event's finish reason, or `undefined` when none was sent.
 * @returns The unified and raw finish reason.
 * @see https://docs.cohere.com/reference/chat-stream
 */
export function mapCohereFinishReason(raw: string | undefined): LlmFinishReason {
  switch (raw) {
    case undefined:
      return {unified: 'other', raw: null};
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
      return {unified: 'stop', raw};
    case 'MAX_TOKENS':
      return {unified: 'length', raw};
    case 'TOOL_CALL':
      return {unified: 'tool-calls', raw};
    case 'ERROR':
    case 'TIMEOUT':
      return {unified: 'error', raw};
    default:
      return {unified: 'other', raw};
  }
}
