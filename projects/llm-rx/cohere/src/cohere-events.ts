import type {Cohere} from 'cohere-ai';
import type {ProviderStreamEvent} from 'llm-rx';
import {convertCohereUsage} from './convert-cohere-usage';
import {mapCohereFinishReason} from './map-cohere-finish-reason';

/**
 * Turns the events of `chatStream()` (camelCased by the SDK) into provider stream events.
 *
 * `content-delta` text becomes `text-delta`s and thinking becomes `reasoning-delta`s; `message-end` becomes the
 * `finish` event, carrying the in-band error message when `finishReason` is `ERROR` (Cohere has no error event),
 * which `fromProviderStream` raises as an `LlmProviderError` after the content. Tool, citation and debug events
 * are skipped.
 * @param events The SDK's stream.
 * @returns The events, with one `finish` event when the stream reached `message-end`.
 */
export async function* cohereEvents(
  events: AsyncIterable<Cohere.V2ChatStreamResponse>,
): AsyncGenerator<ProviderStreamEvent> {
  for await (const event of events) {
    if (event.type === 'content-delta') {
      const content = event.delta?.message?.content;
      if (content?.thinking) yield {type: 'reasoning-delta', text: content.thinking};
      if (content?.text) yield {type: 'text-delta', text: content.text};
    } else if (event.type === 'message-end') {
      const finishReason = mapCohereFinishReason(event.delta?.finishReason);
      const error = event.delta?.error;
      yield {
        type: 'finish',
        tokens: convertCohereUsage(event.delta?.usage),
        finishReason,
        ...(finishReason.unified === 'error' && {errorMessage: error || `finish reason ${finishReason.raw}`}),
      };
    }
  }
}
