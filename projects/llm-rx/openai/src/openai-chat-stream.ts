import type {LlmProviderCall, ProviderEventSource} from 'llm-rx';
import type OpenAI from 'openai';
import {createOpenAiChatEventMapper, type OpenAiChatEventMapperOptions} from './openai-chat-event-mapper';
import {type OpenAiMaxTokensField, toOpenAiChatParams} from './openai-chat-params';

/** How a service speaks Chat Completions: OpenAI, or an OpenAI-compatible one (DeepSeek, Groq, …). */
export interface _OpenAiChatStreamConfig {
  /** `max_completion_tokens` for OpenAI, `max_tokens` for compatible services. */
  readonly maxTokensField: OpenAiMaxTokensField;
  /** The service's own usage and finish-reason mapping. */
  readonly events?: OpenAiChatEventMapperOptions;
}

/**
 * Sends one Chat Completions request with the SDK's raw `chat.completions.create({stream: true})`, as the `open`
 * of `defineLlmProvider()`. Shared by `llm-rx/openai` (`api: 'chat'`) and `llm-rx/deepseek`; not public.
 * @param call The call, as the core resolved it.
 * @param config The service's max-tokens field and mappings.
 * @returns The SDK's stream and its mapper, once the response headers are in.
 */
export async function _openOpenAiChatStream(
  {client, model, request, providerOptions, headers, signal}: LlmProviderCall<OpenAI>,
  config: _OpenAiChatStreamConfig,
): Promise<ProviderEventSource<OpenAI.Chat.Completions.ChatCompletionChunk>> {
  const body = toOpenAiChatParams({model, request, providerOptions}, config.maxTokensField);
  // The raw create() (not the .stream() helper): it resolves after the headers, so HTTP errors reject here,
  // and it ends silently on abort rather than with an unhandled rejection.
  const chunks = await client.chat.completions.create(body, {signal, headers});
  return {events: chunks, mapper: createOpenAiChatEventMapper(config.events)};
}
