import type {LlmTokenCounts} from 'llm-rx';

/**
 * The usage fields of Anthropic's `message_start.message.usage` and `message_delta.usage`, as far as llm-rx reads
 * them. Every count may be missing or `null` in a `message_delta`, where it means "unchanged".
 */
export interface AnthropicUsageFields {
  /** Uncached prompt tokens only (cache reads and writes are counted apart). */
  readonly input_tokens?: number | null;
  readonly cache_read_input_tokens?: number | null;
  readonly cache_creation_input_tokens?: number | null;
  /** `cache_creation_input_tokens` split by cache lifetime; sent in `message_start` only. */
  readonly cache_creation?: {readonly ephemeral_1h_input_tokens?: number | null} | null;
  /** Output tokens, thinking included; cumulative and final in `message_delta`. */
  readonly output_tokens?: number | null;
  readonly output_tokens_details?: {readonly thinking_tokens?: number | null} | null;
}

/**
 * Merges a later usage report into an earlier one. Anthropic's `message_delta.usage` holds cumulative totals, so
 * a count it carries replaces the earlier one (never adds); a missing or `null` count keeps the earlier one.
 * @param earlier The usage so far, e.g. from `message_start`.
 * @param later The newer report, e.g. from `message_delta`.
 * @returns The merged usage.
 */
export function mergeAnthropicUsage(earlier: AnthropicUsageFields, later: AnthropicUsageFields): AnthropicUsageFields {
  return {
    input_tokens: later.input_tokens ?? earlier.input_tokens,
    cache_read_input_tokens: later.cache_read_input_tokens ?? earlier.cache_read_input_tokens,
    cache_creation_input_tokens: later.cache_creation_input_tokens ?? earlier.cache_creation_input_tokens,
    cache_creation: later.cache_creation ?? earlier.cache_creation,
    output_tokens: later.output_tokens ?? earlier.output_tokens,
    output_tokens_details: later.output_tokens_details ?? earlier.output_tokens_details,
  };
}

/**
 * Normalises Anthropic's usage to llm-rx token counts. Anthropic reports cache reads and cache writes apart from
 * `input_tokens`; llm-rx counts every prompt token in `inputTokens`, so they are added in (the cost then prices
 * each part at its own rate, 1-hour cache writes at the 1-hour write rate).
 * @param usage The merged usage of `message_start` and `message_delta`.
 * @returns inputTokens = input + cache reads + cache writes; cachedInputTokens = cache reads; cacheWriteTokens =
 *   cache writes (both lifetimes); cacheWriteOneHourTokens = `cache_creation.ephemeral_1h_input_tokens`, only when
 *   reported; outputTokens = output (thinking included); reasoningTokens = thinking tokens when reported.
 * @see https://docs.anthropic.com/en/api/messages#response-usage
 */
export function convertAnthropicUsage(usage: AnthropicUsageFields): LlmTokenCounts {
  const cachedInputTokens = usage.cache_read_input_tokens ?? 0;
  const cacheWriteTokens = usage.cache_creation_input_tokens ?? 0;
  const cacheWriteOneHourTokens = usage.cache_creation?.ephemeral_1h_input_tokens;
  return {
    inputTokens: (usage.input_tokens ?? 0) + cachedInputTokens + cacheWriteTokens,
    outputTokens: usage.output_tokens ?? 0,
    cachedInputTokens,
    cacheWriteTokens,
    // Absent rather than 0 when not reported, so that a cost without the split bills every write at one rate.
    ...(typeof cacheWriteOneHourTokens === 'number' && {cacheWriteOneHourTokens}),
    reasoningTokens: usage.output_tokens_details?.thinking_tokens ?? 0,
  };
}
