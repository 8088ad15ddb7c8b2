import type OpenAI from 'openai';
import {createOpenAiChatToolCalls} from './openai-chat-tool-calls';

type ToolCallDelta = OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta.ToolCall;

const start = (index: number, id: string, name: string): ToolCallDelta => ({
  index,
  id,
  type: 'function',
  function: {name, arguments: ''},
});
const args = (index: number, text: string): ToolCallDelta => ({index, function: {arguments: text}});

describe('createOpenAiChatToolCalls', () => {
  it('starts a call at the first delta of its index and gives later pieces to the id of their index', () => {
    const calls = createOpenAiChatToolCalls();
    expect(calls.next('c1', [start(0, 'call_a', 'weather')])).toEqual([
      {type: 'tool-call-start', toolCallId: 'call_a', toolName: 'weather'},
    ]);
    expect(calls.next('c1', [start(1, 'call_b', 'clock')])).toEqual([
      {type: 'tool-call-start', toolCallId: 'call_b', toolName: 'clock'},
    ]);
    // Interleaved: the pieces of both calls, in one chunk and across chunks.
    expect(calls.next('c1', [args(1, '{"zone"'), args(0, '{"city"')])).toEqual([
      {type: 'tool-call-delta', toolCallId: 'call_b', argumentsDelta: '{"zone"'},
      {type: 'tool-call-delta', toolCallId: 'call_a', argumentsDelta: '{"city"'},
    ]);
    expect(calls.next('c1', [args(0, ': "Paris"}')])).toEqual([
      {type: 'tool-call-delta', toolCallId: 'call_a', argumentsDelta: ': "Paris"}'},
    ]);
    expect(calls.endAll()).toEqual([
      {type: 'tool-call-end', toolCallId: 'call_a'},
      {type: 'tool-call-end', toolCallId: 'call_b'},
    ]);
    expect(calls.endAll()).toEqual([]);
  });

  it('takes a whole call in one delta, and ignores an id repeated on later deltas', () => {
    const calls = createOpenAiChatToolCalls();
    expect(
      calls.next('c1', [{index: 0, id: 'call_a', type: 'function', function: {name: 'clock', arguments: '{}'}}]),
    ).toEqual([
      {type: 'tool-call-start', toolCallId: 'call_a', toolName: 'clock'},
      {type: 'tool-call-delta', toolCallId: 'call_a', argumentsDelta: '{}'},
    ]);
    expect(calls.next('c1', [{index: 0, id: 'call_a', function: {arguments: ' '}}])).toEqual([
      {type: 'tool-call-delta', toolCallId: 'call_a', argumentsDelta: ' '},
    ]);
  });

  it('makes an id for a call without one, and counts entries without index by their position', () => {
    const calls = createOpenAiChatToolCalls();
    const entries = [
      {function: {name: 'weather', arguments: '{}'}},
      {function: {name: 'clock', arguments: '{}'}},
    ] as unknown as ToolCallDelta[];
    expect(calls.next('chatcmpl-9', entries).filter(event => event.type === 'tool-call-start')).toEqual([
      {type: 'tool-call-start', toolCallId: 'chatcmpl-9_0', toolName: 'weather'},
      {type: 'tool-call-start', toolCallId: 'chatcmpl-9_1', toolName: 'clock'},
    ]);
  });

  it('yields nothing for a chunk without tool calls, and ends with the providerData given', () => {
    const calls = createOpenAiChatToolCalls();
    expect(calls.next('c1', undefined)).toEqual([]);
    expect(calls.next('c1', [])).toEqual([]);
    expect(calls.endAll({deepseek: {reasoningContent: 'Hm'}})).toEqual([]);
    calls.next('c1', [start(0, 'call_a', 'clock')]);
    expect(calls.endAll({deepseek: {reasoningContent: 'Hm'}})).toEqual([
      {type: 'tool-call-end', toolCallId: 'call_a', providerData: {deepseek: {reasoningContent: 'Hm'}}},
    ]);
  });
});
