import {llmImageUrlOf, llmMessagesOf, toolResultText, type LlmRequest, type LlmUserContent} from 'llm-rx';
import type OpenAI from 'openai';

/**
 * The Responses API `input` of a request's conversation: user and assistant text as messages; an assistant turn's
 * tool calls as `function_call` items after its text (`{type: 'function_call', call_id, name, arguments}`, the
 * input as JSON text; no text message when the turn is only calls), and each tool result as a
 * `function_call_output` item naming the call's `call_id`, its output as text (a string as it is, else JSON). The
 * API has no error flag for a result: an `isError` result is sent as its output only, which should say what
 * failed. The items of the model's earlier output are not sent by id, so no reasoning item needs to come with them.
 * @param request The validated request.
 * @returns The input items.
 */
export function toOpenAiResponsesInput(request: LlmRequest): OpenAI.Responses.ResponseInputItem[] {
  const input: OpenAI.Responses.ResponseInputItem[] = [];
  for (const message of llmMessagesOf(request)) {
    switch (message.role) {
      case 'user':
        input.push({role: 'user', content: responsesUserContent(message.content)});
        break;
      case 'assistant':
        if (message.content !== '' || !message.toolCalls?.length) {
          input.push({role: 'assistant', content: message.content});
        }
        for (const call of message.toolCalls ?? []) {
          input.push({
            type: 'function_call',
            call_id: call.toolCallId,
            name: call.toolName,
            arguments: JSON.stringify(call.input ?? {}),
          });
        }
        break;
      case 'tool':
        input.push({type: 'function_call_output', call_id: message.toolCallId, output: toolResultText(message.output)});
        break;
    }
  }
  return input;
}

/**
 * A user message's content as the Responses API takes it: a string as it is; parts in order, text as `input_text`
 * and each image as `input_image` (its URL, or its bytes as a base64 data URL; `detail: 'auto'`).
 * @param content The message's content.
 * @returns The message's `content`.
 */
export function responsesUserContent(
  content: LlmUserContent,
): string | OpenAI.Responses.ResponseInputMessageContentList {
  if (typeof content === 'string') return content;
  return content.map(part => {
    if (part.type === 'text') return {type: 'input_text', text: part.text};
    return {type: 'input_image', image_url: llmImageUrlOf(part), detail: 'auto'};
  });
}
