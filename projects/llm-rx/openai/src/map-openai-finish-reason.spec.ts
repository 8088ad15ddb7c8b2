import type OpenAI from 'openai';
import {mapOpenAiChatFinishReason, mapOpenAiResponsesFinishReason} from './map-openai-finish-reason';

describe('mapOpenAiChatFinishReason', () => {
  it('maps every documented value and keeps the raw one', () => {
    expect(mapOpenAiChatFinishReason('stop')).toEqual({unified: 'stop', raw: 'stop'});
    expect(mapOpenAiChatFinishReason('length')).toEqual({unified: 'length', raw: 'length'});
    expect(mapOpenAiChatFinishReason('content_filter')).toEqual({unified: 'content-filter', raw: 'content_filter'});
    expect(mapOpenAiChatFinishReason('tool_calls')).toEqual({unified: 'tool-calls', raw: 'tool_calls'});
    expect(mapOpenAiChatFinishReason('function_call')).toEqual({unified: 'tool-calls', raw: 'function_call'});
  });

  it('maps an unknown value to other and a missing one to raw null', () => {
    expect(mapOpenAiChatFinishReason('eos')).toEqual({unified: 'other', raw: 'eos'});
    expect(mapOpenAiChatFinishReason(null)).toEqual({unified: 'other', raw: null});
  });
});

describe('mapOpenAiResponsesFinishReason', () => {
  it('maps a completed response to stop', () => {
    expect(mapOpenAiResponsesFinishReason({status: 'completed', incomplete_details: null})).toEqual({
      unified: 'stop',
      raw: 'completed',
    });
  });

  it('maps incomplete reasons to length, content-filter or other', () => {
    expect(
      mapOpenAiResponsesFinishReason({status: 'incomplete', incomplete_details: {reason: 'max_output_tokens'}}),
    ).toEqual({unified: 'length', raw: 'max_output_tokens'});
    expect(
      mapOpenAiResponsesFinishReason({status: 'incomplete', incomplete_details: {reason: 'content_filter'}}),
    ).toEqual({unified: 'content-filter', raw: 'content_filter'});
    expect(
      mapOpenAiResponsesFinishReason({status: 'incomplete', incomplete_details: {reason: 'max_messages'}}),
    ).toEqual({unified: 'other', raw: 'max_messages'});
    expect(mapOpenAiResponsesFinishReason({status: 'incomplete', incomplete_details: null})).toEqual({
      unified: 'other',
      raw: 'incomplete',
    });
  });

  it('maps a failed response to error and any other status to other', () => {
    expect(mapOpenAiResponsesFinishReason({status: 'failed', incomplete_details: null})).toEqual({
      unified: 'error',
      raw: 'failed',
    });
    expect(mapOpenAiResponsesFinishReason({status: 'cancelled', incomplete_details: null})).toEqual({
      unified: 'other',
      raw: 'cancelled',
    });
  });

  it('maps a completed response with a function call in its output to tool-calls', () => {
    const call: OpenAI.Responses.ResponseOutputItem = {
      type: 'function_call',
      call_id: 'call_1',
      name: 'clock',
      arguments: '{}',
    };
    const message: OpenAI.Responses.ResponseOutputItem = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [],
    };
    expect(
      mapOpenAiResponsesFinishReason({status: 'completed', incomplete_details: null, output: [message, call]}),
    ).toEqual({unified: 'tool-calls', raw: 'completed'});
    expect(mapOpenAiResponsesFinishReason({status: 'completed', incomplete_details: null, output: [message]})).toEqual({
      unified: 'stop',
      raw: 'completed',
    });
  });
});
