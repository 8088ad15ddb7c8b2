import type {RedactedThinkingBlockParam, ThinkingBlockParam} from '@anthropic-ai/sdk/resources/messages';
import type {LlmToolCall} from 'llm-rx';

/** A thinking block of an answer, as the Messages API wants it back: its text and signature, or redacted data. */
export type AnthropicThinkingBlock = ThinkingBlockParam | RedactedThinkingBlockParam;

/**
 * What a tool call carries for Anthropic in `providerData.anthropic`: the thinking blocks the model wrote before
 * the call (since the answer's previous call). With extended thinking, the Messages API refuses a conversation
 * whose assistant turn of tool calls lost them (HTTP 400 "Expected `thinking` or `redacted_thinking`, but found
 * `tool_use`"), and wants them back unmodified and in their order, signatures included.
 */
export interface AnthropicToolCallData {
  readonly thinking: readonly AnthropicThinkingBlock[];
}

/**
 * The `providerData` of a tool call's end, for the thinking blocks before it.
 * @param thinking The blocks, in their order.
 * @returns `{anthropic: {thinking}}`, or `undefined` without blocks.
 */
export function anthropicToolCallData(
  thinking: readonly AnthropicThinkingBlock[],
): {readonly anthropic: AnthropicToolCallData} | undefined {
  return thinking.length === 0 ? undefined : {anthropic: {thinking}};
}

/**
 * The thinking blocks a tool call of the conversation carries (`providerData.anthropic.thinking`), as an earlier
 * answer gave them. Anything else there (a call from another provider, a changed value) gives none: the data is
 * opaque to the application, and a block that is not exactly the API's would be refused anyway. Each block is
 * sent with the API's fields only.
 * @param call The tool call of an assistant message.
 * @returns The blocks, in their order; empty when there are none.
 */
export function thinkingBlocksOf(call: LlmToolCall): readonly AnthropicThinkingBlock[] {
  const thinking = (call.providerData?.['anthropic'] as {thinking?: unknown} | undefined)?.thinking;
  return Array.isArray(thinking) ? thinking.flatMap(thinkingBlockOf) : [];
}

/** The block, with only the API's fields, or none for something else. */
function thinkingBlockOf(block: unknown): AnthropicThinkingBlock[] {
  const {type, thinking, signature, data} = (typeof block === 'object' && block !== null ? block : {}) as Record<
    string,
    unknown
  >;
  if (type === 'thinking' && typeof thinking === 'string' && typeof signature === 'string') {
    return [{type, thinking, signature}];
  }
  return type === 'redacted_thinking' && typeof data === 'string' ? [{type, data}] : [];
}
