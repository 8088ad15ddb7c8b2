import type {ContentBlockParam, MessageParam} from '@anthropic-ai/sdk/resources/messages';
import {
  toolResultText,
  type LlmAssistantMessage,
  type LlmMessage,
  llmContentParts,
  llmImageSourceOf,
  type LlmUserContent,
} from 'llm-rx';
import {thinkingBlocksOf} from './anthropic-tool-call-data';

/** One turn being built: its role and its content blocks (a lone text stays a string). */
interface Turn {
  readonly role: 'user' | 'assistant';
  readonly blocks: ContentBlockParam[];
}

/**
 * A conversation in the Messages API's form:
 * - a user message is a user turn with its text, an assistant message without tool calls an assistant turn with
 *   its text (a string, as before tools);
 * - an assistant message with tool calls is an assistant turn of blocks: its text (left out when empty: the API
 *   refuses empty text blocks), then one `{type: 'tool_use', id, name, input}` per call, each after the thinking
 *   blocks its `providerData.anthropic` carries (the first call's before the text, where the model wrote them);
 * - the `tool` messages after it are one user turn of `{type: 'tool_result', tool_use_id, content, is_error?}`
 *   blocks, the output as text (`toolResultText()`: a string as it is, anything else as JSON);
 * - consecutive turns of one role are merged into one (the API would merge them too), and in a user turn the tool
 *   results come first: the API wants the turn after tool calls to begin with their results, so a user message
 *   between the calls and their results, or right after the results, joins that turn after them.
 *
 * Tool call ids are sent with every character outside `[a-zA-Z0-9_-]` as `_`, the only ones the API takes in a
 * `tool_use` id: a conversation whose calls came from another provider can then continue here. A call without an
 * input (its arguments were not JSON) is sent with `{}`, as the API wants an object.
 * @param messages The request's messages, validated.
 * @returns The messages to send.
 */
export function toAnthropicMessages(messages: readonly LlmMessage[]): MessageParam[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const blocks = blocksOf(message);
    const last = turns[turns.length - 1];
    if (last?.role === role) last.blocks.push(...blocks);
    else turns.push({role, blocks});
  }
  return turns.map(({role, blocks}) => ({role, content: contentOf(role, blocks)}));
}

/**
 * A tool call id as the API takes it in `tool_use` and `tool_result` blocks.
 * @param id The call's id.
 * @returns The id with every character outside `[a-zA-Z0-9_-]` as `_`.
 */
export function toAnthropicToolUseId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '_');
}

function blocksOf(message: LlmMessage): ContentBlockParam[] {
  switch (message.role) {
    case 'user':
      return anthropicUserBlocks(message.content);
    case 'assistant':
      return assistantBlocksOf(message);
    case 'tool':
      return [
        {
          type: 'tool_result',
          tool_use_id: toAnthropicToolUseId(message.toolCallId),
          content: toolResultText(message.output),
          ...(message.isError === true && {is_error: true}),
        },
      ];
  }
}

function assistantBlocksOf({content, toolCalls = []}: LlmAssistantMessage): ContentBlockParam[] {
  const text: ContentBlockParam[] = content.trim() === '' ? [] : [{type: 'text', text: content}];
  if (toolCalls.length === 0) return text;
  return toolCalls.flatMap((call, index): ContentBlockParam[] => [
    ...thinkingBlocksOf(call),
    ...(index === 0 ? text : []),
    {type: 'tool_use', id: toAnthropicToolUseId(call.toolCallId), name: call.toolName, input: call.input ?? {}},
  ]);
}

/** A turn's content: a lone text as a string, else the blocks, a user turn's tool results first. */
function contentOf(role: Turn['role'], blocks: ContentBlockParam[]): MessageParam['content'] {
  const [first] = blocks;
  if (blocks.length === 1 && first.type === 'text') return first.text;
  if (role === 'assistant') return blocks;
  return [...blocks.filter(block => block.type === 'tool_result'), ...blocks.filter(b => b.type !== 'tool_result')];
}

/**
 * A user message's content as Anthropic's blocks, in order: text as `text` blocks, each image as an `image` block
 * with a `url` source (Anthropic fetches it) or a `base64` source with its media type.
 * @param content The message's content.
 * @returns The blocks.
 */
export function anthropicUserBlocks(content: LlmUserContent): ContentBlockParam[] {
  return llmContentParts(content).map((part): ContentBlockParam => {
    if (part.type === 'text') return {type: 'text', text: part.text};
    const source = llmImageSourceOf(part);
    if (source.kind === 'url') return {type: 'image', source: {type: 'url', url: source.url}};
    const mediaType = source.mediaType as 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';
    return {type: 'image', source: {type: 'base64', media_type: mediaType, data: source.data}};
  });
}
