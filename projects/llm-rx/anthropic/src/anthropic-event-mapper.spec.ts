import type {ProviderStreamEvent} from 'llm-rx';
import {createAnthropicEventMapper, type AnthropicStreamEvent} from './anthropic-event-mapper';

// Feeds the events to a new mapper as fromProviderStream() does: stops once it is done after a finish.
function mapAll(events: readonly AnthropicStreamEvent[]): ProviderStreamEvent[] {
  const mapper = createAnthropicEventMapper();
  const result: ProviderStreamEvent[] = [];
  for (const event of events) {
    result.push(...[mapper.next(event) ?? []].flat());
    if (result.at(-1)?.type === 'finish' && mapper.done) break;
  }
  const last = mapper.end?.();
  return last ? [...result, last] : result;
}

const messageStart: AnthropicStreamEvent = {
  type: 'message_start',
  message: {usage: {input_tokens: 10, cache_read_input_tokens: 20, cache_creation_input_tokens: 5, output_tokens: 1}},
};

describe('createAnthropicEventMapper', () => {
  it('yields thinking as reasoning, text as text, then one finish with merged usage and stop reason', () => {
    const events = mapAll([
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

  it('skips empty deltas and tool input deltas', () => {
    const events = mapAll([
      messageStart,
      {type: 'content_block_delta', delta: {type: 'text_delta', text: ''}},
      {type: 'content_block_delta', delta: {type: 'input_json_delta'}},
      {type: 'message_delta', delta: {stop_reason: 'tool_use'}, usage: {output_tokens: 3}},
      {type: 'message_stop'},
    ]);
    expect(events.map(event => event.type)).toEqual(['finish']);
    expect(events[0]).toEqual(jasmine.objectContaining({finishReason: {unified: 'tool-calls', raw: 'tool_use'}}));
  });

  it('yields no finish when the stream ends without message_stop', () => {
    const events = mapAll([
      messageStart,
      {type: 'content_block_delta', delta: {type: 'text_delta', text: 'Hel'}},
      {type: 'message_delta', delta: {stop_reason: 'end_turn'}, usage: {output_tokens: 2}},
    ]);
    expect(events).toEqual([{type: 'text-delta', text: 'Hel'}]);
  });

  it('is done at message_stop, so that reading stops there', () => {
    const events = mapAll([
      messageStart,
      {type: 'message_delta', delta: {stop_reason: 'max_tokens'}, usage: {output_tokens: 2}},
      {type: 'message_stop'},
      {type: 'content_block_delta', delta: {type: 'text_delta', text: 'late'}},
    ]);
    expect(events).toEqual([
      {
        type: 'finish',
        tokens: {inputTokens: 35, outputTokens: 2, cachedInputTokens: 20, cacheWriteTokens: 5, reasoningTokens: 0},
        finishReason: {unified: 'length', raw: 'max_tokens'},
      },
    ]);
  });

  it('is not done before message_stop', () => {
    const mapper = createAnthropicEventMapper();
    mapper.next(messageStart);
    mapper.next({type: 'message_delta', delta: {stop_reason: 'end_turn'}, usage: {output_tokens: 2}});
    expect(mapper.done).toBeFalse();
    mapper.next({type: 'message_stop'});
    expect(mapper.done).toBeTrue();
  });
});
