import type {ProviderStreamEvent} from 'llm-rx';
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
 * Turns the SDK's raw message stream into llm-rx provider events: `text_delta` → text, `thinking_delta` →
 * reasoning (signatures, tool input and citations are skipped), and at `message_stop` one `finish` event with the
 * usage of `message_start` overwritten by the cumulative `message_delta` usage and its `stop_reason`.
 *
 * A stream that ends without `message_stop` yields no `finish`, which `fromProviderStream()` reports as an
 * incomplete stream; the SDK itself ends such a stream silently (trap 2).
 * @param events The SDK stream of `messages.create({stream: true})`.
 * @returns Content events, then one `finish` event.
 */
export async function* anthropicEvents(
  events: AsyncIterable<AnthropicStreamEvent>,
): AsyncGenerator<ProviderStreamEvent> {
  let usage: AnthropicUsageFields = {};
  let stopReason: string | null = null;
  for await (const event of events) {
    switch (event.type) {
      case 'message_start':
        usage = mergeAnthropicUsage(usage, event.message.usage);
        break;
      case 'content_block_delta':
        if (event.delta.type === 'text_delta' && event.delta.text) {
          yield {type: 'text-delta', text: event.delta.text};
        } else if (event.delta.type === 'thinking_delta' && event.delta.thinking) {
          yield {type: 'reasoning-delta', text: event.delta.thinking};
        }
        break;
      case 'message_delta':
        usage = mergeAnthropicUsage(usage, event.usage);
        stopReason = event.delta.stop_reason ?? stopReason;
        break;
      case 'message_stop':
        yield {
          type: 'finish',
          tokens: convertAnthropicUsage(usage),
          finishReason: mapAnthropicFinishReason(stopReason),
        };
        // message_stop is the last event: stop reading rather than wait for the server to close.
        return;
    }
  }
}
