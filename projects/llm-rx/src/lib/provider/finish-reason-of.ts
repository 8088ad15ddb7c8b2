import type {LlmFinishReason, LlmFinishReasonType} from '../usage/llm-usage';

/**
 * A provider's raw finish reason as the unified one, by a table of the values it documents: how every adapter's
 * finish-reason mapping is written, so that a new reason (a tool call, a refusal) is one more table entry.
 *
 * ```ts
 * const ACME_FINISH_REASONS = {done: 'stop', cap: 'length', blocked: 'content-filter'} as const;
 * finishReasonOf('cap', ACME_FINISH_REASONS); // {unified: 'length', raw: 'cap'}
 * ```
 * @param raw The value the provider sent, or `null`/`undefined` when it sent none.
 * @param unifiedOf The unified reason of each value; values not in it are `other`.
 * @returns The unified reason with the raw value (`null` when none was sent).
 */
export function finishReasonOf(
  raw: string | null | undefined,
  unifiedOf: Readonly<Record<string, LlmFinishReasonType>>,
): LlmFinishReason {
  if (raw === null || raw === undefined) return {unified: 'other', raw: null};
  return {unified: Object.hasOwn(unifiedOf, raw) ? unifiedOf[raw] : 'other', raw};
}
