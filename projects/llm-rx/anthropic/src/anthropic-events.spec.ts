import type {ProviderStreamEvent} from 'llm-rx';
import {anthropicEvents, type AnthropicStreamEvent} from './anthropic-events';

async function* fromList(events: readonly AnthropicStreamEvent[]): AsyncGenerator<AnthropicStreamEvent> {
  for (const event of events) yield event;
}

async function collect(events: readonly AnthropicStreamEvent[]): Promise<ProviderStreamEvent[]> {
  const result: ProviderStreamEvent[] = [];
  for await (const event of anthropicEvents(fromList(events))) result.push(event);
  return result;
}

const messageStart: AnthropicStreamEvent = {
  type: 'message_start',
  message: {usage: {input_tokens: 10, cache_read_input_tokens: 20, cache_creation_input_tokens: 5, output_tokens: 1}},
};

describe('anthropicEvents', () => {
  it('yields thinking as reasoning, text as text, then one finish with merged usage and stop reason', async () => {
    const events = await collect([
      messageStart,
      {type: 'content_block_start'},
      {type: 'content_block_delta', delta: {type: 'thinking_delta', thinking: 'Hmm.'}},
      {type: 'content_block_delta', delta: {type: 'signature_delta'}},
      {type: 'content_block_stop'},
      {type: 'content_block_start'},
      {type: 'content_block_delta', delta: {type: 'text_delta', text: 'Hello'}},
      {type: 'content_block_delta', delta: {type: 'text_delta', text: ' world'}},
      {type: 'content_block_stop'},
      {
        type: 'message_delta',
        delta: {stop_reason: 'end_turn'},
        usage: {output_tokens: 9, output_tokens_details: {thinking_tokens: 4}},
      },
      {type: 'message_stop'},
    ]);
    expect(events).toEqual([
      {type: 'reasoning-delta', text: 'Hmm.'},
      {type: 'text-delta', text: 'Hello'},
      {type: 'text-delta', text: ' world'},
      {
        type: 'finish',
        tokens: {inputTokens: 35, outputTokens: 9, cachedInputTokens: 20, cacheWriteTokens: 5, reasoningTokens: 4},
        finishReason: {unified: 'stop', raw: 'end_turn'},
      },
    ]);
  });

  it('skips empty deltas and tool input deltas', async () => {
    const events = await collect([
      messageStart,
      {type: 'content_block_delta', delta: {type: 'text_delta', text: ''}},
      {type: 'content_block_delta', delta: {type: 'input_json_delta'}},
      {type: 'message_delta', delta: {stop_reason: 'tool_use'}, usage: {output_tokens: 3}},
      {type: 'message_stop'},
    ]);
    expect(events.map(event => event.type)).toEqual(['finish']);
    expect(events[0]).toEqual(jasmine.objectContaining({finishReason: {unified: 'tool-calls', raw: 'tool_use'}}));
  });

  it('yields no finish when the stream ends without message_stop', async () => {
    const events = await collect([
      messageStart,
      {type: 'content_block_delta', delta: {type: 'text_delta', text: 'Hel'}},
      {type: 'message_delta', delta: {stop_reason: 'end_turn'}, usage: {output_tokens: 2}},
    ]);
    expect(events).toEqual([{type: 'text-delta', text: 'Hel'}]);
  });

  it('stops reading at message_stop', async () => {
    let readAfterStop = false;
    async function* source(): AsyncGenerator<AnthropicStreamEvent> {
      yield messageStart;
      yield {type: 'message_delta', delta: {stop_reason: 'max_tokens'}, usage: {output_tokens: 2}};
      yield {type: 'message_stop'};
      readAfterStop = true;
      yield {type: 'content_block_delta', delta: {type: 'text_delta', text: 'late'}};
    }
    const events: ProviderStreamEvent[] = [];
    for await (const event of anthropicEvents(source())) events.push(event);
    expect(events).toEqual([
      {
        type: 'finish',
        tokens: {inputTokens: 35, outputTokens: 2, cachedInputTokens: 20, cacheWriteTokens: 5, reasoningTokens: 0},
        finishReason: {unified: 'length', raw: 'max_tokens'},
      },
    ]);
    expect(readAfterStop).toBeFalse();
  });
});
