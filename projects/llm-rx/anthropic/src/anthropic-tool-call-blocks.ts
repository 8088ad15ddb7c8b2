import type {ProviderStreamEvent} from 'llm-rx';
import {anthropicToolCallData, type AnthropicThinkingBlock} from './anthropic-tool-call-data';

/** The start of a content block, as the mapper reads it. */
export interface AnthropicBlockStart {
  readonly type: string;
  readonly id?: string;
  readonly name?: string;
  readonly data?: string;
}

/** A content block's delta, as the mapper reads it. */
export interface AnthropicBlockDelta {
  readonly type: string;
  readonly thinking?: string;
  readonly signature?: string;
  readonly partial_json?: string;
}

/** Turns the content blocks of one answer into tool-call events (see `createAnthropicToolCallBlocks()`). */
export interface AnthropicToolCallBlocks {
  start(index: number, block: AnthropicBlockStart): ProviderStreamEvent | undefined;
  delta(index: number, delta: AnthropicBlockDelta): ProviderStreamEvent | undefined;
  stop(index: number): ProviderStreamEvent | undefined;
}

/**
 * The tool calls of one streamed answer, from its content blocks (numbered by `index`, each between its
 * `content_block_start` and `content_block_stop`):
 * - a `tool_use` block's start (`{type: 'tool_use', id, name, input: {}}`) is a `tool-call-start` with its id and
 *   name (its `input` is always empty while streaming: the input comes in the deltas);
 * - each non-empty `input_json_delta` of that block is a `tool-call-delta` of its `partial_json` (the first piece
 *   is often `''`);
 * - the block's stop is the call's `tool-call-end`, with the thinking blocks written since the previous call as
 *   `providerData.anthropic.thinking` (see `AnthropicToolCallData`), for the conversation to send back.
 *
 * Thinking blocks are kept whole for that (their text from `thinking_delta`s, their signature from the
 * `signature_delta` before their stop; `redacted_thinking` blocks with their `data`). Other blocks, server tools'
 * (`server_tool_use`, which the API runs itself) included, give nothing.
 * @returns The tracker, for one stream.
 */
export function createAnthropicToolCallBlocks(): AnthropicToolCallBlocks {
  // The open tool_use blocks by index: the call's id and the thinking blocks written before it.
  const calls = new Map<number, {readonly toolCallId: string; readonly thinking: readonly AnthropicThinkingBlock[]}>();
  const thinkingBlocks = new Map<number, {thinking: string; signature: string} | {data: string}>();
  // The thinking blocks ended since the last tool call started.
  let thinkingBefore: AnthropicThinkingBlock[] = [];

  return {
    start(index, block) {
      if (block.type === 'thinking') thinkingBlocks.set(index, {thinking: '', signature: ''});
      if (block.type === 'redacted_thinking') thinkingBlocks.set(index, {data: block.data ?? ''});
      if (block.type !== 'tool_use' || block.id === undefined || block.name === undefined) return undefined;
      calls.set(index, {toolCallId: block.id, thinking: thinkingBefore});
      thinkingBefore = [];
      return {type: 'tool-call-start', toolCallId: block.id, toolName: block.name};
    },
    delta(index, delta) {
      const thinking = thinkingBlocks.get(index);
      if (thinking !== undefined && 'thinking' in thinking) {
        if (delta.type === 'thinking_delta') thinking.thinking += delta.thinking ?? '';
        if (delta.type === 'signature_delta') thinking.signature = delta.signature ?? '';
        return undefined;
      }
      const call = calls.get(index);
      if (call === undefined || delta.type !== 'input_json_delta' || !delta.partial_json) return undefined;
      return {type: 'tool-call-delta', toolCallId: call.toolCallId, argumentsDelta: delta.partial_json};
    },
    stop(index) {
      const thinking = thinkingBlocks.get(index);
      if (thinking !== undefined) {
        thinkingBlocks.delete(index);
        thinkingBefore.push(
          'data' in thinking ? {type: 'redacted_thinking', ...thinking} : {type: 'thinking', ...thinking},
        );
        return undefined;
      }
      const call = calls.get(index);
      if (call === undefined) return undefined;
      calls.delete(index);
      const {toolCallId} = call;
      const providerData = anthropicToolCallData(call.thinking);
      return providerData === undefined
        ? {type: 'tool-call-end', toolCallId}
        : {type: 'tool-call-end', toolCallId, providerData};
    },
  };
}
