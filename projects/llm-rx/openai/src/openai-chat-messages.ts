import {
  llmMessagesOf,
  toolResultText,
  type LlmAssistantMessage,
  type LlmRequest,
  type LlmToolCall,
  llmImageUrlOf,
  type LlmUserContent,
} from 'llm-rx';
import type OpenAI from 'openai';

type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/** An assistant message with the `reasoning_content` DeepSeek's thinking mode wants back beside tool calls. */
type AssistantMessageWithReasoning = OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam & {
  reasoning_content?: string;
};

/**
 * The reasoning a service's stream gave with a tool-calling turn, as its mapper keeps it in each call's
 * `providerData[provider]` (`createOpenAiChatEventMapper({toolCallReasoning})`).
 */
export interface OpenAiChatToolCallReasoning {
  readonly reasoningContent: string;
}

/**
 * The Chat Completions messages of a request: the system prompt as the first `system` message, then the
 * conversation. An assistant turn with tool calls carries them as `tool_calls` (`{id, type: 'function',
 * function: {name, arguments}}`, the input as JSON text), its text as `content` (`null` when empty); each tool
 * result is a `tool` message naming the call's id, its output as text (a string as it is, else JSON). The API has
 * no error flag for a result: an `isError` result is sent as its output only, which should say what failed.
 * @param request The validated request.
 * @param reasoningProvider For a service that wants a tool-calling turn's reasoning back (DeepSeek's thinking
 *   mode): the provider name under which the calls' `providerData` holds it; it is sent as `reasoning_content`.
 * @returns The messages.
 */
export function toOpenAiChatMessages(request: LlmRequest, reasoningProvider?: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (request.systemPrompt) messages.push({role: 'system', content: request.systemPrompt});
  for (const message of llmMessagesOf(request)) {
    switch (message.role) {
      case 'user':
        messages.push({role: 'user', content: openAiChatUserContent(message.content)});
        break;
      case 'assistant':
        messages.push(assistantMessageOf(message, reasoningProvider));
        break;
      case 'tool':
        messages.push({role: 'tool', tool_call_id: message.toolCallId, content: toolResultText(message.output)});
        break;
    }
  }
  return messages;
}

function assistantMessageOf(message: LlmAssistantMessage, reasoningProvider: string | undefined): ChatMessage {
  const {content, toolCalls} = message;
  if (toolCalls === undefined || toolCalls.length === 0) return {role: 'assistant', content};
  const assistant: AssistantMessageWithReasoning = {
    role: 'assistant',
    content: content === '' ? null : content,
    tool_calls: toolCalls.map(call => ({
      id: call.toolCallId,
      type: 'function',
      function: {name: call.toolName, arguments: JSON.stringify(call.input ?? {})},
    })),
  };
  const reasoning = reasoningProvider === undefined ? undefined : reasoningOf(toolCalls, reasoningProvider);
  if (reasoning !== undefined) assistant.reasoning_content = reasoning;
  return assistant;
}

/** The reasoning the first call that has it keeps under the provider's name. */
function reasoningOf(toolCalls: readonly LlmToolCall[], provider: string): string | undefined {
  for (const call of toolCalls) {
    const data = call.providerData?.[provider] as Partial<OpenAiChatToolCallReasoning> | undefined;
    if (typeof data?.reasoningContent === 'string') return data.reasoningContent;
  }
  return undefined;
}

/**
 * A user message's content as Chat Completions takes it: a string as it is; parts in order, text as `text` parts
 * and each image as an `image_url` part (its URL, or its bytes as a base64 data URL).
 * @param content The message's content.
 * @returns The `content` field.
 */
export function openAiChatUserContent(
  content: LlmUserContent,
): string | OpenAI.Chat.Completions.ChatCompletionContentPart[] {
  if (typeof content === 'string') return content;
  return content.map(part => {
    if (part.type === 'text') return {type: 'text', text: part.text};
    return {type: 'image_url', image_url: {url: llmImageUrlOf(part)}};
  });
}
