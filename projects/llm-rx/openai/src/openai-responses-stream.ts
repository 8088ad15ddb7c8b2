import type {LlmRequest, ProviderEventSource} from 'llm-rx';
import type OpenAI from 'openai';
import {createOpenAiResponsesEventMapper} from './openai-responses-event-mapper';
import {toOpenAiResponsesParams} from './openai-responses-params';

/**
 * Sends one Responses API request with the SDK's raw `responses.create({stream: true})`, as the `open` of
 * `defineLlmProvider()`; an in-stream `error` event fails the stream.
 * @param client The model's client.
 * @param model The model id.
 * @param request What to ask.
 * @param signal Aborts the request.
 * @param provider The provider's name, whose `request.providerOptions` entry is merged into the body.
 * @returns The SDK's stream and its mapper, once the response headers are in.
 */
export async function openOpenAiResponsesStream(
  client: OpenAI,
  model: string,
  request: LlmRequest,
  signal: AbortSignal,
  provider: string,
): Promise<ProviderEventSource<OpenAI.Responses.ResponseStreamEvent>> {
  const body = toOpenAiResponsesParams(model, request, request.providerOptions?.[provider]);
  // The raw create() (not the .stream() helper): HTTP errors reject here, and an abort ends the loop silently.
  const events = await client.responses.create(body, {signal, headers: request.headers});
  return {events, mapper: createOpenAiResponsesEventMapper()};
}
