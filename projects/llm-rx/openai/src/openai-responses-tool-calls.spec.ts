import type OpenAI from 'openai';
import {createOpenAiResponsesToolCalls} from './openai-responses-tool-calls';

type Event = OpenAI.Responses.ResponseStreamEvent;

const item = (index: number, args = '') => ({
  id: `fc_${index}`,
  type: 'function_call',
  call_id: `call_${index}`,
  name: index === 0 ? 'weather' : 'clock',
  arguments: args,
  status: 'in_progress',
});
const added = (index: number, args = ''): Event =>
  ({type: 'response.output_item.added', sequence_number: 1, output_index: index, item: item(index, args)}) as Event;
const argumentsDelta = (index: number, delta: string): Event =>
  ({
    type: 'response.function_call_arguments.delta',
    sequence_number: 2,
    item_id: `fc_${index}`,
    output_index: index,
    delta,
  }) as Event;
const argumentsDone = (index: number, args: string): Event =>
  ({
    type: 'response.function_call_arguments.done',
    sequence_number: 3,
    item_id: `fc_${index}`,
    output_index: index,
    arguments: args,
  }) as Event;
const itemDone = (index: number, args: string): Event =>
  ({
    type: 'response.output_item.done',
    sequence_number: 4,
    output_index: index,
    item: {...item(index, args), status: 'completed'},
  }) as Event;

describe('createOpenAiResponsesToolCalls', () => {
  it("streams a function-call item as start, deltas and end, named by its call_id rather than the item's id", () => {
    const eventsOf = createOpenAiResponsesToolCalls();
    expect(eventsOf(added(0))).toEqual([{type: 'tool-call-start', toolCallId: 'call_0', toolName: 'weather'}]);
    expect(eventsOf(argumentsDelta(0, '{"city":'))).toEqual([
      {type: 'tool-call-delta', toolCallId: 'call_0', argumentsDelta: '{"city":'},
    ]);
    expect(eventsOf(argumentsDelta(0, '"Paris"}'))).toEqual([
      {type: 'tool-call-delta', toolCallId: 'call_0', argumentsDelta: '"Paris"}'},
    ]);
    // The whole text again: not streamed twice.
    expect(eventsOf(argumentsDone(0, '{"city":"Paris"}'))).toEqual([]);
    expect(eventsOf(itemDone(0, '{"city":"Paris"}'))).toEqual([{type: 'tool-call-end', toolCallId: 'call_0'}]);
  });

  it('follows interleaved calls by item id', () => {
    const eventsOf = createOpenAiResponsesToolCalls();
    eventsOf(added(0));
    eventsOf(added(1));
    expect([...eventsOf(argumentsDelta(1, '{}')), ...eventsOf(argumentsDelta(0, '{"city":"Rome"}'))]).toEqual([
      {type: 'tool-call-delta', toolCallId: 'call_1', argumentsDelta: '{}'},
      {type: 'tool-call-delta', toolCallId: 'call_0', argumentsDelta: '{"city":"Rome"}'},
    ]);
  });

  it('sends arguments given only whole, once: in the added item, in .done, or in the done item', () => {
    const inAdded = createOpenAiResponsesToolCalls();
    expect(inAdded(added(0, '{}'))).toEqual([
      {type: 'tool-call-start', toolCallId: 'call_0', toolName: 'weather'},
      {type: 'tool-call-delta', toolCallId: 'call_0', argumentsDelta: '{}'},
    ]);
    expect(inAdded(itemDone(0, '{}'))).toEqual([{type: 'tool-call-end', toolCallId: 'call_0'}]);
    const inDone = createOpenAiResponsesToolCalls();
    inDone(added(0));
    expect(inDone(argumentsDone(0, '{"city":"Oslo"}'))).toEqual([
      {type: 'tool-call-delta', toolCallId: 'call_0', argumentsDelta: '{"city":"Oslo"}'},
    ]);
    expect(inDone(itemDone(0, '{"city":"Oslo"}'))).toEqual([{type: 'tool-call-end', toolCallId: 'call_0'}]);
    const neverAdded = createOpenAiResponsesToolCalls();
    expect(neverAdded(itemDone(1, '{"zone":"UTC"}'))).toEqual([
      {type: 'tool-call-start', toolCallId: 'call_1', toolName: 'clock'},
      {type: 'tool-call-delta', toolCallId: 'call_1', argumentsDelta: '{"zone":"UTC"}'},
      {type: 'tool-call-end', toolCallId: 'call_1'},
    ]);
  });

  it('ignores other items and events', () => {
    const eventsOf = createOpenAiResponsesToolCalls();
    const message = {id: 'msg_1', type: 'message', role: 'assistant', status: 'in_progress', content: []};
    expect(
      eventsOf({type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: message} as Event),
    ).toEqual([]);
    expect(
      eventsOf({type: 'response.output_item.done', sequence_number: 2, output_index: 0, item: message} as Event),
    ).toEqual([]);
    expect(eventsOf(argumentsDelta(3, '{}'))).toEqual([]);
    expect(eventsOf({type: 'response.created', sequence_number: 0} as unknown as Event)).toEqual([]);
  });
});
