import {finishReasonOf, type LlmFinishReason, type LlmFinishReasonType} from 'llm-rx';

/** Gemini's finish reasons (and prompt block reasons); the `MALFORMED_*` ones are errors too (see below). */
const GEMINI_FINISH_REASONS: Readonly<Record<string, LlmFinishReasonType>> = {
  // Also the end of an answer of function calls: the core then reports `tool-calls`.
  STOP: 'stop',
  // The model called a function it was not given (or not allowed), or too many in a row: Gemini drops the call,
  // so the answer lacks what the model was doing. As an error it reaches retry and cascade, naming the reason;
  // as a success (`other`) a tool loop would take the answer without the call for the model's last word.
  UNEXPECTED_TOOL_CALL: 'error',
  TOO_MANY_TOOL_CALLS: 'error',
  MAX_TOKENS: 'length',
  CONTINUATION: 'length',
  ...Object.fromEntries(
    [
      'SAFETY',
      'RECITATION',
      'BLOCKLIST',
      'PROHIBITED_CONTENT',
      'SPII',
      'IMAGE_SAFETY',
      'IMAGE_PROHIBITED_CONTENT',
      'IMAGE_RECITATION',
    ].map(reason => [reason, 'content-filter' as const]),
  ),
};

/**
 * Maps a Gemini candidate's `finishReason` (or a prompt's `blockReason`) to the unified finish reason, keeping
 * the raw value.
 *
 * `CONTINUATION` (the answer hit the per-request limit and could be continued) counts as `length`, since llm-rx
 * turns automatic continuation off. `MALFORMED_FUNCTION_CALL` (a call Gemini could not parse), `MALFORMED_RESPONSE`,
 * `UNEXPECTED_TOOL_CALL` (a call of a function the request does not offer, or under `toolChoice: 'none'`) and
 * `TOO_MANY_TOOL_CALLS` are failures (`error`): the call the model was making is not in the answer, and the
 * stream fails with a retryable `LlmProviderError` naming the reason. `STOP` is also how an answer of function
 * calls ends; the core reports `tool-calls` then.
 * @param raw The `finishReason`, or `undefined` when none was sent.
 * @returns The unified and raw finish reason.
 */
export function mapGeminiFinishReason(raw: string | undefined): LlmFinishReason {
  if (raw?.startsWith('MALFORMED_')) return {unified: 'error', raw};
  return finishReasonOf(raw, GEMINI_FINISH_REASONS);
}
