import type {ProviderStreamEvent} from 'llm-rx';
import type OpenAI from 'openai';
import {createOpenAiResponsesEventMapper} from './openai-responses-event-mapper';

type Event = OpenAI.Responses.ResponseStreamEvent;

const USAGE: OpenAI.Responses.ResponseUsage = {
  input_tokens: 12,
  input_tokens_details: {cached_tokens: 4, cache_write_tokens: 0},
  output_tokens: 5,
  output_tokens_details: {reasoning_tokens: 3},
  total_tokens: 17,
};

function terminal(type: string, response: Record<string, unknown>): Event {
  return {
    type,
    sequence_number: 9,
    response: {
      id: 'resp_1',
      object: 'response',
      model: 'gpt-4.1-mini',
      output: [],
      usage: USAGE,
      error: null,
      incomplete_details: null,
      ...response,
    },
  } as unknown as Event;
}

function delta(type: string, text: string): Event {
  return {
    type,
    sequence_number: 1,
    item_id: 'msg_1',
    output_index: 0,
    content_index: 0,
    summary_index: 0,
    delta: text,
    logprobs: [],
  } as unknown as Event;
}

// Feeds the events to a new mapper as fromProviderStream() does: stops once it is done after a finish.
function mapAll(events: readonly Event[]): ProviderStreamEvent[] {
  const mapper = createOpenAiResponsesEventMapper();
  const result: ProviderStreamEvent[] = [];
  for (const event of events) {
    result.push(...[mapper.next(event) ?? []].flat());
    if (result.at(-1)?.type === 'finish' && mapper.done) break;
  }
  const last = mapper.end?.();
  return last ? [...result, last] : result;
}

const TOKENS = {inputTokens: 12, outputTokens: 5, cachedInputTokens: 4, cacheWriteTokens: 0, reasoningTokens: 3};

describe('createOpenAiResponsesEventMapper', () => {
  it('yields reasoning and text deltas, then the completed response as finish', () => {
    const events = mapAll([
      terminal('response.created', {status: 'in_progress', usage: null}),
      delta('response.reasoning_summary_text.delta', 'Plan'),
      delta('response.reasoning_text.delta', ' more'),
      delta('response.output_text.delta', 'Hello'),
      delta('response.output_text.delta', ''),
      delta('response.output_text.delta', ' world'),
      terminal('response.completed', {status: 'completed'}),
    ]);
    expect(events).toEqual([
      {type: 'response-metadata', responseId: 'resp_1', responseModel: 'gpt-4.1-mini'},
      {type: 'reasoning-delta', text: 'Plan'},
      {type: 'reasoning-delta', text: ' more'},
      {type: 'text-delta', text: 'Hello'},
      {type: 'text-delta', text: ' world'},
      {type: 'finish', tokens: TOKENS, finishReason: {unified: 'stop', raw: 'completed'}},
    ]);
  });

  it('maps an incomplete response at the output cap to a length finish', () => {
    const events = mapAll([
      delta('response.output_text.delta', 'Hel'),
      terminal('response.incomplete', {status: 'incomplete', incomplete_details: {reason: 'max_output_tokens'}}),
    ]);
    expect(events[1]).toEqual({
      type: 'finish',
      tokens: TOKENS,
      finishReason: {unified: 'length', raw: 'max_output_tokens'},
    });
  });

  it('maps a failed response to an error finish with its message and usage', () => {
    const events = mapAll([
      terminal('response.failed', {status: 'failed', error: {code: 'server_error', message: 'The model failed'}}),
    ]);
    expect(events).toEqual([
      {
        type: 'finish',
        tokens: TOKENS,
        finishReason: {unified: 'error', raw: 'failed'},
        errorMessage: 'The model failed (code server_error)',
      },
    ]);
  });

  it('turns an error event the SDK did not throw into an error finish', () => {
    const events = mapAll([
      delta('response.output_text.delta', 'Hi'),
      {type: 'error', code: 'server_error', message: 'Something went wrong', param: null, sequence_number: 3} as Event,
      delta('response.output_text.delta', 'ignored'),
    ]);
    expect(events).toEqual([
      {type: 'text-delta', text: 'Hi'},
      {
        type: 'finish',
        tokens: {inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0},
        finishReason: {unified: 'error', raw: 'server_error'},
        errorMessage: 'Something went wrong',
      },
    ]);
  });

  it('is done after an error event only', () => {
    const mapper = createOpenAiResponsesEventMapper();
    mapper.next(terminal('response.completed', {status: 'completed'}));
    expect(mapper.done).toBeFalse();
    mapper.next({type: 'error', code: null, message: 'Oops', param: null, sequence_number: 3} as Event);
    expect(mapper.done).toBeTrue();
  });

  it('yields no finish when the stream ends before its terminal event', () => {
    const events = mapAll([delta('response.output_text.delta', 'Hi')]);
    expect(events).toEqual([{type: 'text-delta', text: 'Hi'}]);
  });

  it('joins refusal deltas into the finish event of the completed response, streaming none as text', () => {
    const events = mapAll([
      delta('response.refusal.delta', "I'm sorry,"),
      delta('response.refusal.delta', " I can't help."),
      terminal('response.completed', {status: 'completed'}),
    ]);
    expect(events).toEqual([
      {
        type: 'finish',
        tokens: TOKENS,
        finishReason: {unified: 'stop', raw: 'completed'},
        refusal: "I'm sorry, I can't help.",
      },
    ]);
  });

  it('takes the whole refusal from response.refusal.done, over the deltas', () => {
    const done = {
      type: 'response.refusal.done',
      sequence_number: 3,
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      refusal: 'No, sorry.',
    } as Event;
    const [finish] = mapAll([
      delta('response.refusal.delta', 'No,'),
      done,
      terminal('response.completed', {status: 'completed'}),
    ]);
    expect(finish).toEqual(jasmine.objectContaining({type: 'finish', refusal: 'No, sorry.'}));
  });

  it("reads a refusal from the terminal response's output when no refusal event came", () => {
    const output = [
      {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{type: 'refusal', refusal: 'No.'}],
      },
    ];
    const [finish] = mapAll([terminal('response.completed', {status: 'completed', output})]);
    expect(finish).toEqual(jasmine.objectContaining({type: 'finish', refusal: 'No.'}));
    const [text] = mapAll([
      terminal('response.completed', {
        status: 'completed',
        output: [{...output[0], content: [{type: 'output_text', text: '{}', annotations: []}]}],
      }),
    ]);
    expect('refusal' in text).toBeFalse();
  });

  it('streams function calls, and finishes a completed response that made them with tool-calls', () => {
    const call = {id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'clock', arguments: ''};
    const events = mapAll([
      {type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: call} as Event,
      {
        type: 'response.function_call_arguments.delta',
        sequence_number: 2,
        item_id: 'fc_1',
        output_index: 0,
        delta: '{}',
      } as Event,
      {
        type: 'response.output_item.done',
        sequence_number: 3,
        output_index: 0,
        item: {...call, arguments: '{}'},
      } as Event,
      terminal('response.completed', {status: 'completed', output: [{...call, arguments: '{}', status: 'completed'}]}),
    ]);
    expect(events).toEqual([
      {type: 'tool-call-start', toolCallId: 'call_1', toolName: 'clock'},
      {type: 'tool-call-delta', toolCallId: 'call_1', argumentsDelta: '{}'},
      {type: 'tool-call-end', toolCallId: 'call_1'},
      {type: 'finish', tokens: TOKENS, finishReason: {unified: 'tool-calls', raw: 'completed'}},
    ]);
  });

  it('tells the response id and model of response.created, only those it has', () => {
    const mapper = createOpenAiResponsesEventMapper();
    expect(mapper.next(terminal('response.created', {id: 'resp_9', model: 'gpt-5-mini-2025-08-07'}))).toEqual({
      type: 'response-metadata',
      responseId: 'resp_9',
      responseModel: 'gpt-5-mini-2025-08-07',
    });
    expect(mapper.next(terminal('response.created', {model: ''}))).toEqual({
      type: 'response-metadata',
      responseId: 'resp_1',
    });
    // response.in_progress repeats the same response: nothing new.
    expect(mapper.next(terminal('response.in_progress', {}))).toBeUndefined();
  });
});
