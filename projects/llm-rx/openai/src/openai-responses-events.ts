import type {ProviderStreamEvent} from 'llm-rx';
import {NO_TOKENS} from 'llm-rx';
import type OpenAI from 'openai';
import {convertOpenAiResponsesUsage} from './convert-openai-usage';
import {mapOpenAiResponsesFinishReason} from './map-openai-finish-reason';

/**
 * Turns a Responses API stream (`responses.create({stream: true})`) into provider stream events:
 * `response.output_text.delta` becomes a `text-delta`; reasoning summary and reasoning text deltas become
 * `reasoning-delta`s; the terminal `response.completed`, `response.incomplete` or `response.failed` becomes the
 * `finish` event with the response's usage. Other events (items, parts, tool calls) carry nothing llm-rx streams.
 *
 * `response.failed` is not thrown by the SDK; it becomes a `finish` with reason `error` and the response's error
 * message, which `fromProviderStream()` raises as an `LlmProviderError` carrying the billed usage.
 * @param events The SDK's raw stream.
 * @returns The events, ending with one `finish` when the stream was complete.
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
export async function* openAiResponsesEvents(
  events: AsyncIterable<OpenAI.Responses.ResponseStreamEvent>,
): AsyncGenerator<ProviderStreamEvent, void, undefined> {
  for await (const event of events) {
    switch (event.type) {
      case 'response.output_text.delta':
        if (event.delta !== '') yield {type: 'text-delta', text: event.delta};
        break;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        if (event.delta !== '') yield {type: 'reasoning-delta', text: event.delta};
        break;
      case 'response.completed':
      case 'response.incomplete':
        yield {
          type: 'finish',
          tokens: convertOpenAiResponsesUsage(event.response.usage),
          finishReason: mapOpenAiResponsesFinishReason(event.response),
        };
        break;
      case 'response.failed':
        yield {
          type: 'finish',
          tokens: convertOpenAiResponsesUsage(event.response.usage),
          finishReason: mapOpenAiResponsesFinishReason(event.response),
          errorMessage: describeFailure(event.response.error),
        };
        break;
      case 'error':
        // The SDK throws for an `event: error` line; an error event without one arrives here instead.
        yield {
          type: 'finish',
          tokens: NO_TOKENS,
          finishReason: {unified: 'error', raw: event.code ?? 'error'},
          errorMessage: event.message,
        };
        return;
    }
  }
}

function describeFailure(error: OpenAI.Responses.ResponseError | null): string {
  if (!error) return 'the response failed without an error message';
  return error.code ? `${error.message} (code ${error.code})` : error.message;
}
