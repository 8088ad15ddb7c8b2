import type {ProviderStreamEvent} from 'llm-rx';
import {
  createAnthropicEventMapper,
  type AnthropicEventMapperOptions,
  type AnthropicStreamEvent,
} from './anthropic-event-mapper';

// Feeds the events to a new mapper as fromProviderStream() does: stops once it is done after a finish.
function mapAll(events: readonly AnthropicStreamEvent[], options?: AnthropicEventMapperOptions): ProviderStreamEvent[] {
  const mapper = createAnthropicEventMapper(options);
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
  it("tells message_start's message id and model as the response's, before the content", () => {
    const events = mapAll([
      {
        type: 'message_start',
        message: {id: 'msg_01XFDUDYJgAACzvnptvVoYEL', model: 'claude-sonnet-4-5-20250929', usage: {input_tokens: 3}},
      },
      {type: 'content_block_start', index: 0, content_block: {type: 'text'}},
      {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: 'Hi'}},
      {type: 'message_delta', delta: {stop_reason: 'end_turn'}, usage: {output_tokens: 1}},
      {type: 'message_stop'},
    ]);
    expect(events.slice(0, 2)).toEqual([
      {
        type: 'response-metadata',
        responseId: 'msg_01XFDUDYJgAACzvnptvVoYEL',
        responseModel: 'claude-sonnet-4-5-20250929',
      },
      {type: 'text-delta', text: 'Hi'},
    ]);
    expect(events.map(event => event.type)).toEqual(['response-metadata', 'text-delta', 'finish']);
    // A start without either (as in the other specs here) tells nothing.
    expect(createAnthropicEventMapper().next(messageStart)).toBeUndefined();
    expect(createAnthropicEventMapper().next({...messageStart, message: {id: 'msg_1', usage: {}}})).toEqual({
      type: 'response-metadata',
      responseId: 'msg_1',
    });
  });

  it('yields thinking as reasoning, text as text, then one finish with merged usage and stop reason', () => {
    const events = mapAll([
      messageStart,
      {type: 'content_block_start', index: 0, content_block: {type: 'thinking'}},
      {type: 'content_block_delta', index: 0, delta: {type: 'thinking_delta', thinking: 'Hmm.'}},
      {type: 'content_block_delta', index: 0, delta: {type: 'signature_delta'}},
      {type: 'content_block_stop', index: 0},
      {type: 'content_block_start', index: 1, content_block: {type: 'text'}},
      {type: 'content_block_delta', index: 1, delta: {type: 'text_delta', text: 'Hello'}},
      {type: 'content_block_delta', index: 1, delta: {type: 'text_delta', text: ' world'}},
      {type: 'content_block_stop', index: 1},
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

  it('streams a tool_use block as a tool call, skipping the empty first piece, and ends tool_use as tool-calls', () => {
    const events = mapAll([
      messageStart,
      {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: ''}},
      {type: 'content_block_start', index: 1, content_block: {type: 'tool_use', id: 'toolu_1', name: 'weather'}},
      {type: 'content_block_delta', index: 1, delta: {type: 'input_json_delta', partial_json: ''}},
      {type: 'content_block_delta', index: 1, delta: {type: 'input_json_delta', partial_json: '{"city":'}},
      {type: 'content_block_delta', index: 1, delta: {type: 'input_json_delta', partial_json: '"Paris"}'}},
      {type: 'content_block_stop', index: 1},
      {type: 'message_delta', delta: {stop_reason: 'tool_use'}, usage: {output_tokens: 3}},
      {type: 'message_stop'},
    ]);
    expect(events.slice(0, -1)).toEqual([
      {type: 'tool-call-start', toolCallId: 'toolu_1', toolName: 'weather'},
      {type: 'tool-call-delta', toolCallId: 'toolu_1', argumentsDelta: '{"city":'},
      {type: 'tool-call-delta', toolCallId: 'toolu_1', argumentsDelta: '"Paris"}'},
      {type: 'tool-call-end', toolCallId: 'toolu_1'},
    ]);
    expect(events.at(-1)).toEqual(jasmine.objectContaining({finishReason: {unified: 'tool-calls', raw: 'tool_use'}}));
  });

  it("skips server tools' blocks, which the API runs itself", () => {
    const events = mapAll([
      messageStart,
      {type: 'content_block_start', index: 0, content_block: {type: 'server_tool_use', id: 'srvtoolu_1', name: 'web'}},
      {type: 'content_block_delta', index: 0, delta: {type: 'input_json_delta', partial_json: '{"q":"x"}'}},
      {type: 'content_block_stop', index: 0},
      {type: 'message_delta', delta: {stop_reason: 'end_turn'}, usage: {output_tokens: 3}},
      {type: 'message_stop'},
    ]);
    expect(events.map(event => event.type)).toEqual(['finish']);
  });

  it('yields no finish when the stream ends without message_stop', () => {
    const events = mapAll([
      messageStart,
      {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: 'Hel'}},
      {type: 'message_delta', delta: {stop_reason: 'end_turn'}, usage: {output_tokens: 2}},
    ]);
    expect(events).toEqual([{type: 'text-delta', text: 'Hel'}]);
  });

  it('is done at message_stop, so that reading stops there', () => {
    const events = mapAll([
      messageStart,
      {type: 'message_delta', delta: {stop_reason: 'max_tokens'}, usage: {output_tokens: 2}},
      {type: 'message_stop'},
      {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: 'late'}},
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

  it('gives a refusal its stop_details explanation', () => {
    const events = mapAll([
      messageStart,
      {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: '{"na'}},
      {
        type: 'message_delta',
        delta: {stop_reason: 'refusal', stop_details: {explanation: 'Not this one.'}},
        usage: {output_tokens: 2},
      },
      {type: 'message_stop'},
    ]);
    expect(events.at(-1)).toEqual(
      jasmine.objectContaining({finishReason: {unified: 'content-filter', raw: 'refusal'}, refusal: 'Not this one.'}),
    );
  });

  it('leaves the refusal to the streamed text when the stop has no explanation', () => {
    const events = mapAll([
      messageStart,
      {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: 'No.'}},
      {type: 'message_delta', delta: {stop_reason: 'refusal', stop_details: null}, usage: {output_tokens: 2}},
      {type: 'message_stop'},
    ]);
    expect(events.at(-1)).not.toEqual(jasmine.objectContaining({refusal: jasmine.anything()}));
  });

  describe('in tool mode (outputTool)', () => {
    const toolMode = {outputTool: 'contact'};
    const toolStart: AnthropicStreamEvent = {
      type: 'content_block_start',
      index: 0,
      content_block: {type: 'tool_use', name: 'contact'},
    };
    const json = (index: number, partial_json: string): AnthropicStreamEvent => ({
      type: 'content_block_delta',
      index,
      delta: {type: 'input_json_delta', partial_json},
    });
    const stop = (stop_reason: string): AnthropicStreamEvent[] => [
      {type: 'message_delta', delta: {stop_reason}, usage: {output_tokens: 5}},
      {type: 'message_stop'},
    ];

    it("yields the output tool's input JSON as text and ends tool_use as stop", () => {
      const events = mapAll(
        [
          messageStart,
          toolStart,
          json(0, ''),
          json(0, '{"name": "A'),
          json(0, 'da"}'),
          {type: 'content_block_stop', index: 0},
          ...stop('tool_use'),
        ],
        toolMode,
      );
      expect(events.slice(0, -1)).toEqual([
        {type: 'text-delta', text: '{"name": "A'},
        {type: 'text-delta', text: 'da"}'},
      ]);
      expect(events.at(-1)).toEqual(jasmine.objectContaining({finishReason: {unified: 'stop', raw: 'tool_use'}}));
    });

    it('skips the input of other tools and keeps text beside the call out of the JSON', () => {
      const events = mapAll(
        [
          messageStart,
          {type: 'content_block_start', index: 0, content_block: {type: 'text'}},
          {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: 'Here it is.'}},
          {type: 'content_block_start', index: 1, content_block: {type: 'tool_use', name: 'other'}},
          json(1, '{"x": 1}'),
          {type: 'content_block_start', index: 2, content_block: {type: 'tool_use', name: 'contact'}},
          json(2, '{}'),
          ...stop('tool_use'),
        ],
        toolMode,
      );
      expect(events.map(event => (event.type === 'text-delta' ? event.text : event.type))).toEqual(['{}', 'finish']);
    });

    it('maps the other stop reasons as without a tool', () => {
      const reasonOf = (stopReason: string) =>
        (
          mapAll([messageStart, toolStart, json(0, '{'), ...stop(stopReason)], toolMode).at(-1) as {
            finishReason: unknown;
          }
        ).finishReason;
      expect(reasonOf('max_tokens')).toEqual({unified: 'length', raw: 'max_tokens'});
      expect(reasonOf('end_turn')).toEqual({unified: 'stop', raw: 'end_turn'});
      expect(reasonOf('refusal')).toEqual({unified: 'content-filter', raw: 'refusal'});
    });

    it('gives an answer that never called the tool its words as text, at the end, so that it fails as not JSON', () => {
      const events = mapAll(
        [
          messageStart,
          {type: 'content_block_start', index: 0, content_block: {type: 'text'}},
          {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: 'I would rather '}},
          {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: 'not.'}},
          ...stop('end_turn'),
        ],
        toolMode,
      );
      expect(events.map(event => event.type)).toEqual(['text-delta', 'finish']);
      expect(events[0]).toEqual({type: 'text-delta', text: 'I would rather not.'});
    });

    it('gives a refusal the words written beside the call', () => {
      const events = mapAll(
        [
          messageStart,
          {type: 'content_block_start', index: 0, content_block: {type: 'text'}},
          {type: 'content_block_delta', index: 0, delta: {type: 'text_delta', text: 'I cannot help.'}},
          ...stop('refusal'),
        ],
        toolMode,
      );
      expect(events).toEqual([jasmine.objectContaining({type: 'finish', refusal: 'I cannot help.'})]);
    });
  });
});
