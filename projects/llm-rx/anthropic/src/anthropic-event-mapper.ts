import type {ProviderEventMapper} from 'llm-rx';
import {convertAnthropicUsage, mergeAnthropicUsage, type AnthropicUsageFields} from './convert-anthropic-usage';
import {mapAnthropicFinishReason} from './map-anthropic-finish-reason';

/**
 * The events of Anthropic's raw message stream that llm-rx reads: a structural subset of the SDK's
 * `RawMessageStreamEvent`. Other event types (`content_block_start`, `content_block_stop`, newer ones) are skipped.
 */
export type AnthropicStreamEvent =
  | {readonly type: 'message_start'; readonly message: {readonly usage: AnthropicUsageFields}}
  | {
      readonly type: 'content_block_delta';
      readonly delta: {readonly type: string; readonly text?: string; readonly thinking?: string};
    }
  | {
      readonly type: 'message_delta';
      readonly delta: {readonly stop_reason: string | null};
      readonly usage: AnthropicUsageFields;
    }
  | {readonly type: 'message_stop'}
  | {readonly type: 'content_block_start' | 'content_block_stop'};

/**
 * Maps the SDK's raw message stream to llm-rx provider events: `text_delta` → text, `thinking_delta` → reasoning
 * (signatures, tool input and citations are skipped), and at `message_stop` one `finish` event with the usage of
 * `message_start` overwritten by the cumulative `message_delta` usage and its `stop_reason`. The mapper is `done`
 * then: `message_stop` is the last event, so reading stops rather than waits for the server to close.
 *
 * A stream that ends without `message_stop` gets no `finish`, which `fromProviderStream()` reports as an
 * incomplete stream; the SDK itself ends such a stream silently.
 * @returns A new mapper, for one stream of `messages.create({stream: true})`.
 */
export function createAnthropicEventMapper(): ProviderEventMapper<AnthropicStreamEvent> {
  let usage: AnthropicUsageFields = {};
  let stopReason: string | null = null;
  let done = false;
  return {
    next(event) {
      switch (event.type) {
        case 'message_start':
          usage = mergeAnthropicUsage(usage, event.message.usage);
          return undefined;
        case 'content_block_delta':
          if (event.delta.type === 'text_delta' && event.delta.text) {
            return {type: 'text-delta', text: event.delta.text};
          }
          if (event.delta.type === 'thinking_delta' && event.delta.thinking) {
            return {type: 'reasoning-delta', text: event.delta.thinking};
          }
          return undefined;
        case 'message_delta':
          usage = mergeAnthropicUsage(usage, event.usage);
          stopReason = event.delta.stop_reason ?? stopReason;
          return undefined;
        case 'message_stop':
          done = true;
          return {
            type: 'finish',
            tokens: convertAnthropicUsage(usage),
            finishReason: mapAnthropicFinishReason(stopReason),
          };
        default:
          return undefined;
      }
    },
    get done() {
      return done;
    },
  };
}
