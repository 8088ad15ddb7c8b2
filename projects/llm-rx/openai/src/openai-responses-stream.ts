import type {LlmProviderCall, ProviderEventSource} from 'llm-rx';
import type OpenAI from 'openai';
import {openAiOutputFormat} from './openai-output-format';
import {createOpenAiResponsesEventMapper} from './openai-responses-event-mapper';
import {toOpenAiResponsesParams} from './openai-responses-params';
import {toOpenAiResponsesTools} from './openai-responses-tools';

/**
 * Sends one Responses API request with the SDK's raw `responses.create({stream: true})`, as the `open` of
 * `defineLlmProvider()`; an in-stream `error` event fails the stream. A request with an `output` sends its strict
 * JSON Schema as `text.format`, unless its provider options give a `text.format` of their own.
 * @param call The call, as the core resolved it.
 * @returns The SDK's stream, its mapper, and how to read a strict answer back, once the response headers are in.
 */
export async function openOpenAiResponsesStream(
  call: LlmProviderCall<OpenAI>,
): Promise<ProviderEventSource<OpenAI.Responses.ResponseStreamEvent>> {
  const {client, model, request, providerOptions, headers, signal, output} = call;
  const ownFormat = (providerOptions?.['text'] as {format?: unknown} | undefined)?.format !== undefined;
  const {format, prepareObject} = output === undefined || ownFormat ? {} : openAiOutputFormat(output, call);
  const body = toOpenAiResponsesParams({model, request, providerOptions}, format, toOpenAiResponsesTools(call));
  // The raw create() (not the .stream() helper): HTTP errors reject here, and an abort ends the loop silently.
  const events = await client.responses.create(body, {signal, headers});
  return {events, mapper: createOpenAiResponsesEventMapper(), ...(prepareObject !== undefined && {prepareObject})};
}
