import type {Cohere} from 'cohere-ai';
import type {ProviderEventMapper} from 'llm-rx';
import {convertCohereUsage} from './convert-cohere-usage';
import {mapCohereFinishReason} from './map-cohere-finish-reason';

/**
 * Maps the events of `chatStream()` (camelCased by the SDK) to provider stream events.
 *
 * `content-delta` text becomes `text-delta`s and thinking becomes `reasoning-delta`s; `message-end` becomes the
 * `finish` event, carrying the in-band error message when `finishReason` is `ERROR` (Cohere has no error event),
 * which `fromProviderStream` raises as an `LlmProviderError` after the content. Tool, citation and debug events
 * are skipped.
 * @returns A new mapper, for one stream.
 */
export function createCohereEventMapper(): ProviderEventMapper<Cohere.V2ChatStreamResponse> {
  return {
    next(event) {
      if (event.type === 'content-delta') {
        const content = event.delta?.message?.content;
        if (content?.thinking && content.text) {
          return [
            {type: 'reasoning-delta', text: content.thinking},
            {type: 'text-delta', text: content.text},
          ];
        }
        if (content?.thinking) return {type: 'reasoning-delta', text: content.thinking};
        if (content?.text) return {type: 'text-delta', text: content.text};
      } else if (event.type === 'message-end') {
        const finishReason = mapCohereFinishReason(event.delta?.finishReason);
        const error = event.delta?.error;
        return {
          type: 'finish',
          tokens: convertCohereUsage(event.delta?.usage),
          finishReason,
          ...(finishReason.unified === 'error' && {errorMessage: error || `finish reason ${finishReason.raw}`}),
        };
      }
      return undefined;
    },
  };
}
