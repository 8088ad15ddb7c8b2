import type {LlmFinishReason} from 'llm-rx';

const CONTENT_FILTER = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

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
  if (raw === undefined) return {unified: 'other', raw: null};
  if (raw === 'STOP') return {unified: 'stop', raw};
  if (raw === 'MAX_TOKENS' || raw === 'CONTINUATION') return {unified: 'length', raw};
  if (CONTENT_FILTER.has(raw)) return {unified: 'content-filter', raw};
  if (raw.startsWith('MALFORMED_')) return {unified: 'error', raw};
  return {unified: 'other', raw};
}
