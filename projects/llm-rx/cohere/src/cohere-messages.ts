import type {Cohere} from 'cohere-ai';
import {toolResultText, type LlmMessage, type LlmToolCall, llmImageUrlOf, type LlmUserContent} from 'llm-rx';

/**
 * Maps a conversation to Cohere's v2 messages, in the SDK's camelCase (it sends snake_case).
 *
 * - A user or assistant message is `{role, content}`.
 * - An assistant message with tool calls is `{role: 'assistant', toolCalls: [{id, type: 'function', function:
 *   {name, arguments}}]}`, the arguments as JSON text. Cohere refuses text content beside tool calls: the
 *   message's text, when there is any, is sent as the turn's `toolPlan` (`tool_plan`), which is what Cohere calls
 *   the text of a turn that calls tools.
 * - Each `tool` message is one `{role: 'tool', toolCallId, content}`, the output as text (`toolResultText()`).
 *   Cohere has no error flag on a result: a failed one (`isError`) is sent as the JSON text `{"error": output}`.
 * @param messages The conversation, as `llmMessagesOf()` gives it.
 * @returns The messages to send after the system message.
 */
export function toCohereMessages(messages: readonly LlmMessage[]): Cohere.ChatMessageV2[] {
  return messages.map((message): Cohere.ChatMessageV2 => {
    switch (message.role) {
      case 'user':
        return {role: 'user', content: cohereUserContent(message.content)};
      case 'assistant':
        if (message.toolCalls === undefined || message.toolCalls.length === 0) {
          return {role: 'assistant', content: message.content};
        }
        return {
          role: 'assistant',
          ...(message.content !== '' && {toolPlan: message.content}),
          toolCalls: message.toolCalls.map(toCohereToolCall),
        };
      case 'tool':
        return {
          role: 'tool',
          toolCallId: message.toolCallId,
          content: toolResultText(message.isError === true ? {error: message.output ?? null} : message.output),
        };
    }
  });
}

function toCohereToolCall(call: LlmToolCall): Cohere.ToolCallV2 {
  return {
    id: call.toolCallId,
    type: 'function',
    // A call whose arguments were not JSON has no input: it is sent as no arguments.
    function: {name: call.toolName, arguments: JSON.stringify(call.input ?? {})},
  };
}

/**
 * A user message's content as Cohere's v2 Chat takes it: a string as it is; parts in order, text as `text` and each
 * image as `image_url` (its URL, or its bytes as a base64 data URL; the SDK writes `imageUrl` as `image_url`).
 * @param content The message's content.
 * @returns The message's `content`.
 */
export function cohereUserContent(content: LlmUserContent): string | Cohere.Content[] {
  if (typeof content === 'string') return content;
  return content.map((part): Cohere.Content => {
    if (part.type === 'text') return {type: 'text', text: part.text};
    return {type: 'image_url', imageUrl: {url: llmImageUrlOf(part)}};
  });
}
