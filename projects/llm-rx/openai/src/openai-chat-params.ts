import {definedFields, llmMessagesOf, type LlmProviderCall} from 'llm-rx';
import type OpenAI from 'openai';

/** What the OpenAI body builders read of a call. */
export type OpenAiRequestCall = Pick<LlmProviderCall, 'model' | 'request' | 'providerOptions'>;

/** Which field carries `maxTokens`: OpenAI's current one, or the older one compatible services expect. */
export type OpenAiMaxTokensField = 'max_completion_tokens' | 'max_tokens';

/**
 * Builds the streaming Chat Completions body of a request: the system prompt as the first `system` message, the
 * conversation, sampling (`temperature`, `top_p`, `maxTokens` in `maxTokensField`, `stop`), the output's
 * `response_format`, then the provider options bag, which may override anything but `model`, `stream` and usage
 * reporting (a `response_format` of its own replaces the output's).
 * @param call The model, the validated request and its `providerOptions` for this provider, merged into the body.
 * @param maxTokensField `max_completion_tokens` for OpenAI, `max_tokens` for compatible services.
 * @param responseFormat The output's response format, for a request with an `output`: a JSON Schema
 *   (`openAiOutputFormat()`), or JSON mode for a service without JSON Schema (the schema is then in the prompt).
 * @returns The body for `chat.completions.create()`.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export function toOpenAiChatParams(
  {model, request, providerOptions}: OpenAiRequestCall,
  maxTokensField: OpenAiMaxTokensField,
  responseFormat?: OpenAI.ResponseFormatJSONSchema | OpenAI.ResponseFormatJSONObject,
): OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming {
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [];
  if (request.systemPrompt) messages.push({role: 'system', content: request.systemPrompt});
  for (const message of llmMessagesOf(request)) messages.push({role: message.role, content: message.content});
  const streamOptions = providerOptions?.['stream_options'] as Record<string, unknown> | undefined;
  return {
    messages,
    ...definedFields({
      temperature: request.temperature,
      top_p: request.topP,
      [maxTokensField]: request.maxTokens,
      stop: request.stopSequences ? [...request.stopSequences] : undefined,
      response_format: responseFormat,
    }),
    ...providerOptions,
    model,
    stream: true,
    // Without include_usage the stream carries no usage at all, and llm-rx could neither price nor finish it.
    stream_options: {...streamOptions, include_usage: true},
  };
}
