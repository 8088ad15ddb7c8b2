import {definedFields, LlmInvalidRequestError} from 'llm-rx';
import type OpenAI from 'openai';
import type {OpenAiRequestCall} from './openai-chat-params';
import type {OpenAiJsonSchemaFormat} from './openai-output-format';
import {toOpenAiResponsesInput} from './openai-responses-input';
import type {OpenAiResponsesToolFields} from './openai-responses-tools';

/**
 * Builds the streaming Responses API body of a request: the conversation as `input` items
 * (`toOpenAiResponsesInput()`: tool calls and results included), the system prompt as `instructions`, sampling
 * (`temperature`, `top_p`, `max_output_tokens`), the output's JSON Schema as `text.format`, the tools, then the
 * provider options bag, which may override anything but `model` and `stream` (its `text`
 * is merged into ours: a `text.format` of its own replaces the output's).
 * @param call The model, the validated request and its `providerOptions` for this provider, merged into the body.
 * @param format The output's JSON Schema format (`openAiOutputFormat()`), for a request with an `output`.
 * @param tools The request's tools, choice and parallel flag (`toOpenAiResponsesTools()`).
 * @returns The body for `responses.create()`.
 * @throws LlmInvalidRequestError for `stopSequences`, which the Responses API does not support.
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */
export function toOpenAiResponsesParams(
  {model, request, providerOptions}: OpenAiRequestCall,
  format?: OpenAiJsonSchemaFormat,
  tools: OpenAiResponsesToolFields = {},
): OpenAI.Responses.ResponseCreateParamsStreaming {
  if (request.stopSequences?.length) {
    throw new LlmInvalidRequestError(
      'stopSequences',
      `llm-rx: the OpenAI Responses API has no stop sequences (model ${model}). ` +
        "Remove stopSequences, or create the model with {api: 'chat'} to use Chat Completions.",
    );
  }
  const text = providerOptions?.['text'] as OpenAI.Responses.ResponseTextConfig | undefined;
  return {
    input: toOpenAiResponsesInput(request),
    ...definedFields({
      instructions: request.systemPrompt,
      temperature: request.temperature,
      top_p: request.topP,
      max_output_tokens: request.maxTokens,
    }),
    ...tools,
    ...providerOptions,
    ...(format !== undefined && {text: {format: {type: 'json_schema', ...format}, ...text}}),
    model,
    stream: true,
  };
}
