import type {LlmChunk, LlmProviderOptions, LlmRequest} from 'llm-rx';
import {fromProviderStream} from 'llm-rx';
import type {Observable} from 'rxjs';
import type {_OpenAiConnection} from './openai-client';
import type {OpenAiErrorClasses} from './openai-errors';
import {mapOpenAiError} from './openai-errors';
import {toOpenAiResponsesParams} from './openai-responses-params';
import {openAiResponsesEvents} from './openai-responses-events';

/** One Responses API call. */
export interface OpenAiResponsesStreamConfig {
  /** The provider's name in usage, errors, prices and `request.providerOptions`. */
  readonly provider: string;
  readonly model: string;
  readonly request: LlmRequest;
  /** Key (to keep out of messages), timeouts and price table. */
  readonly options: LlmProviderOptions;
  /** Resolves to the (lazily built) client. */
  readonly connect: () => Promise<_OpenAiConnection>;
}

/**
 * Streams one Responses API call as a cold `Observable<LlmChunk>` built on `fromProviderStream()`: the request
 * is sent at subscribe time with the SDK's raw `responses.create({stream: true})`, unsubscribing aborts it, and
 * SDK errors (including an in-stream `error` event) become `LlmProviderError`s.
 * @param config The provider, model, request and client.
 * @returns Content chunks, then one usage part, then completion.
 */
export function createOpenAiResponsesStream(config: OpenAiResponsesStreamConfig): Observable<LlmChunk> {
  const {provider, model, request, options} = config;
  let sdk: OpenAiErrorClasses | undefined;
  return fromProviderStream({
    provider,
    model,
    request,
    open: async signal => {
      const connection = await config.connect();
      sdk = connection.sdk;
      const body = toOpenAiResponsesParams(model, request, request.providerOptions?.[provider]);
      // The raw create() (not the .stream() helper): HTTP errors reject here, and an abort ends the loop silently.
      const events = await connection.client.responses.create(body, {signal, headers: request.headers});
      return openAiResponsesEvents(events);
    },
    mapError: error => mapOpenAiError(error, {provider, model, sdk, apiKey: options.apiKey}),
    priceTable: options.priceTable,
    firstChunkTimeoutMs: options.firstChunkTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
  });
}
