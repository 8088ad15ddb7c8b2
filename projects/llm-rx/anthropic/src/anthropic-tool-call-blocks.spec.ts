import type {ProviderStreamEvent} from 'llm-rx';
import {
  createAnthropicToolCallBlocks,
  type AnthropicBlockDelta,
  type AnthropicBlockStart,
} from './anthropic-tool-call-blocks';

/** A block event, as the mapper hands it on. */
type BlockEvent =
  | {readonly start: number; readonly block: AnthropicBlockStart}
  | {readonly delta: number; readonly piece: AnthropicBlockDelta}
  | {readonly stop: number};

/** Plays block events on a new tracker, and gives the events it yields. */
function play(events: readonly BlockEvent[]): ProviderStreamEvent[] {
  const blocks = createAnthropicToolCallBlocks();
  return events.flatMap(event => {
    const result =
      'start' in event
        ? blocks.start(event.start, event.block)
        : 'delta' in event
          ? blocks.delta(event.delta, event.piece)
          : blocks.stop(event.stop);
    return result === undefined ? [] : [result];
  });
}

const toolUse = (index: number, id: string, name = 'weather'): BlockEvent => ({
  start: index,
  block: {type: 'tool_use', id, name},
});
const json = (index: number, partial_json: string): BlockEvent => ({
  delta: index,
  piece: {type: 'input_json_delta', partial_json},
});
const thinking = (index: number, text: string, signature: string): BlockEvent[] => [
  {start: index, block: {type: 'thinking'}},
  {delta: index, piece: {type: 'thinking_delta', thinking: text.slice(0, 2)}},
  {delta: index, piece: {type: 'thinking_delta', thinking: text.slice(2)}},
  {delta: index, piece: {type: 'signature_delta', signature}},
  {stop: index},
];

describe('createAnthropicToolCallBlocks', () => {
  it('streams parallel calls by their block index, each ended by its own block stop', () => {
    expect(
      play([
        {start: 0, block: {type: 'text'}},
        {delta: 0, piece: {type: 'text_delta'}},
        {stop: 0},
        toolUse(1, 'toolu_a'),
        json(1, ''),
        json(1, '{"city":"Paris"}'),
        {stop: 1},
        toolUse(2, 'toolu_b', 'clock'),
        json(2, '{}'),
        {stop: 2},
      ]),
    ).toEqual([
      {type: 'tool-call-start', toolCallId: 'toolu_a', toolName: 'weather'},
      {type: 'tool-call-delta', toolCallId: 'toolu_a', argumentsDelta: '{"city":"Paris"}'},
      {type: 'tool-call-end', toolCallId: 'toolu_a'},
      {type: 'tool-call-start', toolCallId: 'toolu_b', toolName: 'clock'},
      {type: 'tool-call-delta', toolCallId: 'toolu_b', argumentsDelta: '{}'},
      {type: 'tool-call-end', toolCallId: 'toolu_b'},
    ]);
  });

  it('ends a call once: a second stop of its block, or a stop of no call, gives nothing', () => {
    const events = play([toolUse(0, 'toolu_a'), {stop: 0}, {stop: 0}, {stop: 5}, json(0, '{}')]);
    expect(events.map(event => event.type)).toEqual(['tool-call-start', 'tool-call-end']);
  });

  it('gives each call the thinking blocks written since the previous call, signatures included', () => {
    const events = play([
      ...thinking(0, 'First thought.', 'c2lnMQ=='),
      {start: 1, block: {type: 'redacted_thinking', data: 'b3BhcXVl'}},
      {stop: 1},
      toolUse(2, 'toolu_a'),
      {stop: 2},
      toolUse(3, 'toolu_b'),
      {stop: 3},
      ...thinking(4, 'Then this.', 'c2lnMg=='),
      toolUse(5, 'toolu_c'),
      {stop: 5},
    ]);
    const ends = events.filter(event => event.type === 'tool-call-end');
    expect(ends).toEqual([
      {
        type: 'tool-call-end',
        toolCallId: 'toolu_a',
        providerData: {
          anthropic: {
            thinking: [
              {type: 'thinking', thinking: 'First thought.', signature: 'c2lnMQ=='},
              {type: 'redacted_thinking', data: 'b3BhcXVl'},
            ],
          },
        },
      },
      {type: 'tool-call-end', toolCallId: 'toolu_b'},
      {
        type: 'tool-call-end',
        toolCallId: 'toolu_c',
        providerData: {anthropic: {thinking: [{type: 'thinking', thinking: 'Then this.', signature: 'c2lnMg=='}]}},
      },
    ]);
  });

  it('yields nothing for thinking, text and server tool blocks, nor for a tool_use block without id', () => {
    expect(
      play([
        ...thinking(0, 'Hm.', 'c2ln'),
        {start: 1, block: {type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search'}},
        json(1, '{"query":"x"}'),
        {stop: 1},
        {start: 2, block: {type: 'tool_use', name: 'weather'}},
        json(2, '{}'),
        {stop: 2},
      ]),
    ).toEqual([]);
  });
});
