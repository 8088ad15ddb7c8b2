import type {ProviderEventMapper, ProviderFinishEvent} from 'llm-rx';
import {NO_TOKENS} from 'llm-rx';
import type OpenAI from 'openai';
import {convertOpenAiResponsesUsage} from './convert-openai-usage';
import {mapOpenAiResponsesFinishReason} from './map-openai-finish-reason';
import {createOpenAiResponsesToolCalls} from './openai-responses-tool-calls';

/**
 * Maps a Responses API stream (`responses.create({stream: true})`) to provider stream events:
 * `response.created` gives the response's id (`resp_…`) and model as a `response-metadata` event;
 * `response.output_text.delta` becomes a `text-delta`; reasoning summary and reasoning text deltas become
 * `reasoning-delta`s; function-call items become tool-call starts, argument deltas and ends
 * (`createOpenAiResponsesToolCalls()`, the call's id being its `call_id`); the terminal `response.completed`, `response.incomplete` or `response.failed` becomes the
 * `finish` event with the response's usage. A refusal (a structured-output request the model refused) streams as
 * a `refusal` content part: its `response.refusal.delta`s (or its `.done`, or the terminal response's output) give
 * the finish event's `refusal`, which ends an object request with an `LlmRefusalError`; the response itself is
 * `completed`. A completed response whose output has function calls finishes with `tool-calls` (the API has no
 * finish reason of its own). Other events (items, parts, built-in tools) carry nothing llm-rx streams.
 *
 * `response.failed` is not thrown by the SDK; it becomes a `finish` with reason `error` and the response's error
 * message, which `fromProviderStream()` raises as an `LlmProviderError` carrying the billed usage. So does an
 * `error` event, after which the mapper is `done`.
 * @returns A new mapper, for one stream.
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
export function createOpenAiResponsesEventMapper(): ProviderEventMapper<OpenAI.Responses.ResponseStreamEvent> {
  let done = false;
  let refusal = '';
  const toolCallEventsOf = createOpenAiResponsesToolCalls();
  const finishOf = (response: OpenAI.Responses.Response): ProviderFinishEvent => {
    const refused = refusal || refusalOf(response);
    return {
      type: 'finish',
      tokens: convertOpenAiResponsesUsage(response.usage),
      finishReason: mapOpenAiResponsesFinishReason(response),
      ...(refused !== '' && {refusal: refused}),
    };
  };
  return {
    next(event) {
      switch (event.type) {
        case 'response.output_text.delta':
          return event.delta === '' ? undefined : {type: 'text-delta', text: event.delta};
        case 'response.refusal.delta':
          refusal += event.delta;
          return undefined;
        case 'response.refusal.done':
          // The whole refusal: it replaces the deltas (a stream that skipped one still reports all of it).
          refusal = event.refusal;
          return undefined;
        case 'response.reasoning_summary_text.delta':
        case 'response.reasoning_text.delta':
          return event.delta === '' ? undefined : {type: 'reasoning-delta', text: event.delta};
        case 'response.created':
          return {
            type: 'response-metadata',
            ...(event.response.id && {responseId: event.response.id}),
            ...(event.response.model && {responseModel: event.response.model}),
          };
        case 'response.completed':
        case 'response.incomplete':
          return finishOf(event.response);
        case 'response.failed':
          return {...finishOf(event.response), errorMessage: describeFailure(event.response.error)};
        case 'error':
          // The SDK throws for an `event: error` line; an error event without one arrives here instead.
          done = true;
          return {
            type: 'finish',
            tokens: NO_TOKENS,
            finishReason: {unified: 'error', raw: event.code ?? 'error'},
            errorMessage: event.message,
          };
        default: {
          const toolCallEvents = toolCallEventsOf(event);
          return toolCallEvents.length === 0 ? undefined : toolCallEvents;
        }
      }
    },
    get done() {
      return done;
    },
  };
}

/** The refusal parts of a response's output messages, joined; `''` when it has none. */
function refusalOf(response: OpenAI.Responses.Response): string {
  let text = '';
  for (const item of response.output ?? []) {
    if (item.type !== 'message') continue;
    for (const part of item.content) if (part.type === 'refusal') text += part.refusal;
  }
  return text;
}

function describeFailure(error: OpenAI.Responses.ResponseError | null): string {
  if (!error) return 'the response failed without an error message';
  return error.code ? `${error.message} (code ${error.code})` : error.message;
}
