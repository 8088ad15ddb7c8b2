import {definedFields, type LlmProviderCall} from 'llm-rx';
import type OpenAI from 'openai';
import {toOpenAiChatMessages} from './openai-chat-messages';
import type {OpenAiChatToolFields} from './openai-chat-tools';

/** What the OpenAI body builders read of a call. */
export type OpenAiRequestCall = Pick<LlmProviderCall, 'model' | 'request' | 'providerOptions'>;

/** Which field carries `maxTokens`: OpenAI's current one, or the older one compatible services expect. */
export type OpenAiMaxTokensField = 'max_completion_tokens' | 'max_tokens';

/** What a Chat Completions body holds besides the request's own fields. */
export interface OpenAiChatBodyParts {
  /** `max_completion_tokens` for OpenAI, `max_tokens` for compatible services. */
  readonly maxTokensField: OpenAiMaxTokensField;
  /**
   * The output's response format, for a request with an `output`: a JSON Schema (`openAiOutputFormat()`), or JSON
   * mode for a service without JSON Schema (the schema is then in the prompt).
   */
  readonly responseFormat?: OpenAI.ResponseFormatJSONSchema | OpenAI.ResponseFormatJSONObject;
  /** The request's tools, choice and parallel flag (`toOpenAiChatTools()`). */
  readonly tools?: OpenAiChatToolFields;
  /** The provider whose tool calls' `providerData` holds reasoning to send back (`toOpenAiChatMessages()`). */
  readonly reasoningProvider?: string;
  /**
   * Whether `stream_options: {include_usage: true}` is sent (the default); `false` for a service that refuses
   * the field (Mistral, which streams its usage without it): no `stream_options` is sent then, not even the
   * provider options'.
   */
  readonly streamOptions?: boolean;
}

/**
 * Builds the streaming Chat Completions body of a request: the messages (`toOpenAiChatMessages()`: the system
 * prompt first, tool calls and results included), sampling (`temperature`, `top_p`, `maxTokens` in the max-tokens
 * field, `stop`), the output's `response_format`, the tools, then the provider options bag, which may override
 * anything but `model`, `stream` and usage reporting (a `response_format` of its own replaces the output's).
 * @param call The model, the validated request and its `providerOptions` for this provider, merged into the body.
 * @param parts The max-tokens field, and the response format and tool fields the stream resolved.
 * @returns The body for `chat.completions.create()`.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export function toOpenAiChatParams(
  {model, request, providerOptions}: OpenAiRequestCall,
  {maxTokensField, responseFormat, tools, reasoningProvider, streamOptions = true}: OpenAiChatBodyParts,
): OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming {
  const messages = toOpenAiChatMessages(request, reasoningProvider);
  const {stream_options: ownStreamOptions, ...otherOptions} = providerOptions ?? {};
  return {
    messages,
    ...definedFields({
      temperature: request.temperature,
      top_p: request.topP,
      [maxTokensField]: request.maxTokens,
      stop: request.stopSequences ? [...request.stopSequences] : undefined,
      response_format: responseFormat,
    }),
    ...tools,
    ...otherOptions,
    model,
    stream: true,
    // Without include_usage the stream carries no usage at all, and llm-rx could neither price nor finish it.
    ...(streamOptions && {stream_options: {...(ownStreamOptions as Record<string, unknown>), include_usage: true}}),
  };
}
