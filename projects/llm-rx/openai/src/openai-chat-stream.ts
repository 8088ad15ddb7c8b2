import type {LlmRequest, ProviderEventSource} from 'llm-rx';
import type OpenAI from 'openai';
import {createOpenAiChatEventMapper, type OpenAiChatEventMapperOptions} from './openai-chat-event-mapper';
import type {OpenAiMaxTokensField} from './openai-chat-params';
import {toOpenAiChatParams} from './openai-chat-params';

/** How a service speaks Chat Completions: OpenAI, or an OpenAI-compatible one (DeepSeek, Groq, …). */
export interface _OpenAiChatStreamConfig {
  /** The provider's name, whose `request.providerOptions` entry is merged into the body. */
  readonly provider: string;
  /** `max_completion_tokens` for OpenAI, `max_tokens` for compatible services. */
  readonly maxTokensField: OpenAiMaxTokensField;
  /** The service's own usage and finish-reason mapping. */
  readonly events?: OpenAiChatEventMapperOptions;
}

/**
 * Sends one Chat Completions request with the SDK's raw `chat.completions.create({stream: true})`, as the `open`
 * of `defineLlmProvider()`. Shared by `llm-rx/openai` (`api: 'chat'`) and `llm-rx/deepseek`; not public.
 * @param client The model's client.
 * @param model The model id.
 * @param request What to ask.
 * @param signal Aborts the request.
 * @param config The service's provider name, max-tokens field and mappings.
 * @returns The SDK's stream and its mapper, once the response headers are in.
 */
export async function _openOpenAiChatStream(
  client: OpenAI,
  model: string,
  request: LlmRequest,
  signal: AbortSignal,
  config: _OpenAiChatStreamConfig,
): Promise<ProviderEventSource<OpenAI.Chat.Completions.ChatCompletionChunk>> {
  const body = toOpenAiChatParams(model, request, request.providerOptions?.[config.provider], config.maxTokensField);
  // The raw create() (not the .stream() helper): it resolves after the headers, so HTTP errors reject here,
  // and it ends silently on abort rather than with an unhandled rejection.
  const chunks = await client.chat.completions.create(body, {signal, headers: request.headers});
  return {events: chunks, mapper: createOpenAiChatEventMapper(config.events)};
}
