import type {LlmChunk, LlmProviderOptions, LlmRequest} from 'llm-rx';
import {fromProviderStream} from 'llm-rx';
import type {Observable} from 'rxjs';
import type {_OpenAiConnection} from './openai-client';
import type {OpenAiChatEventsOptions} from './openai-chat-events';
import {openAiChatEvents} from './openai-chat-events';
import type {OpenAiMaxTokensField} from './openai-chat-params';
import {toOpenAiChatParams} from './openai-chat-params';
import type {OpenAiErrorClasses} from './openai-errors';
import {mapOpenAiError} from './openai-errors';

/** One Chat Completions call of OpenAI or an OpenAI-compatible service (DeepSeek, Groq, …). */
export interface _OpenAiChatStreamConfig {
  /** The provider's name in usage, errors, prices and `request.providerOptions`. */
  readonly provider: string;
  readonly model: string;
  readonly request: LlmRequest;
  /** Key (to keep out of messages), timeouts and price table. */
  readonly options: LlmProviderOptions;
  /** Resolves to the (lazily built) client. */
  readonly connect: () => Promise<_OpenAiConnection>;
  /** `max_completion_tokens` for OpenAI, `max_tokens` for compatible services. */
  readonly maxTokensField: OpenAiMaxTokensField;
  /** The service's own usage and finish-reason mapping. */
  readonly events?: OpenAiChatEventsOptions;
}

/**
 * Streams one Chat Completions call as a cold `Observable<LlmChunk>` built on `fromProviderStream()`: the
 * request is sent at subscribe time with the SDK's raw `chat.completions.create({stream: true})`, unsubscribing
 * aborts it, and SDK errors become `LlmProviderError`s.
 *
 * Shared by `llm-rx/openai` (`api: 'chat'`) and `llm-rx/deepseek`; not part of the public API.
 * @param config The provider, model, request, client and mapping.
 * @returns Content chunks, then one usage part, then completion.
 */
export function _createOpenAiChatStream(config: _OpenAiChatStreamConfig): Observable<LlmChunk> {
  const {provider, model, request, options} = config;
  let sdk: OpenAiErrorClasses | undefined;
  return fromProviderStream({
    provider,
    model,
    request,
    open: async signal => {
      const connection = await config.connect();
      sdk = connection.sdk;
      const body = toOpenAiChatParams(model, request, request.providerOptions?.[provider], config.maxTokensField);
      // The raw create() (not the .stream() helper): it resolves after the headers, so HTTP errors reject here,
      // and it ends silently on abort rather than with an unhandled rejection.
      const chunks = await connection.client.chat.completions.create(body, {signal, headers: request.headers});
      return openAiChatEvents(chunks, config.events);
    },
    mapError: error => mapOpenAiError(error, {provider, model, sdk, apiKey: options.apiKey}),
    priceTable: options.priceTable,
    firstChunkTimeoutMs: options.firstChunkTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
  });
}
