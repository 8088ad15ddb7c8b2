import {definedFields, LlmInvalidRequestError, llmMessagesOf} from 'llm-rx';
import type OpenAI from 'openai';
import type {OpenAiRequestCall} from './openai-chat-params';

/**
 * Builds the streaming Responses API body of a request: the conversation as `input` messages, the system prompt
 * as `instructions`, sampling (`temperature`, `top_p`, `max_output_tokens`), then the provider options bag, which
 * may override anything but `model` and `stream`.
 * @param call The model, the validated request and its `providerOptions` for this provider, merged into the body.
 * @returns The body for `responses.create()`.
 * @throws LlmInvalidRequestError for `stopSequences`, which the Responses API does not support.
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */
export function toOpenAiResponsesParams({
  model,
  request,
  providerOptions,
}: OpenAiRequestCall): OpenAI.Responses.ResponseCreateParamsStreaming {
  if (request.stopSequences?.length) {
    throw new LlmInvalidRequestError(
      'stopSequences',
      `llm-rx: the OpenAI Responses API has no stop sequences (model ${model}). ` +
        "Remove stopSequences, or create the model with {api: 'chat'} to use Chat Completions.",
    );
  }
  return {
    input: llmMessagesOf(request).map(message => ({role: message.role, content: message.content})),
    ...definedFields({
      instructions: request.systemPrompt,
      temperature: request.temperature,
      top_p: request.topP,
      max_output_tokens: request.maxTokens,
    }),
    ...providerOptions,
    model,
    stream: true,
  };
}
