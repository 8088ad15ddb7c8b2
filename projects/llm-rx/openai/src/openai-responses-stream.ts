import type {LlmProviderCall, ProviderEventSource} from 'llm-rx';
import type OpenAI from 'openai';
import {createOpenAiResponsesEventMapper} from './openai-responses-event-mapper';
import {toOpenAiResponsesParams} from './openai-responses-params';

/**
 * Sends one Responses API request with the SDK's raw `responses.create({stream: true})`, as the `open` of
 * `defineLlmProvider()`; an in-stream `error` event fails the stream.
 * @param call The call, as the core resolved it.
 * @returns The SDK's stream and its mapper, once the response headers are in.
 */
export async function openOpenAiResponsesStream({
  client,
  model,
  request,
  providerOptions,
  headers,
  signal,
}: LlmProviderCall<OpenAI>): Promise<ProviderEventSource<OpenAI.Responses.ResponseStreamEvent>> {
  const body = toOpenAiResponsesParams({model, request, providerOptions});
  // The raw create() (not the .stream() helper): HTTP errors reject here, and an abort ends the loop silently.
  const events = await client.responses.create(body, {signal, headers});
  return {events, mapper: createOpenAiResponsesEventMapper()};
}
