import {finishReasonOf, type LlmFinishReason, type LlmFinishReasonType} from 'llm-rx';

/** Gemini's finish reasons (and prompt block reasons); `MALFORMED_*` ones are errors. */
const GEMINI_FINISH_REASONS: Readonly<Record<string, LlmFinishReasonType>> = {
  STOP: 'stop',
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
 * turns automatic continuation off; `MALFORMED_FUNCTION_CALL` and `MALFORMED_RESPONSE` are failures (`error`).
 * @param raw The `finishReason`, or `undefined` when none was sent.
 * @returns The unified and raw finish reason.
 * @see https://ai.google.dev/api/generate-content#FinishReason
 */
export function mapGeminiFinishReason(raw: string | undefined): LlmFinishReason {
  if (raw?.startsWith('MALFORMED_')) return {unified: 'error', raw};
  return finishReasonOf(raw, GEMINI_FINISH_REASONS);
}
