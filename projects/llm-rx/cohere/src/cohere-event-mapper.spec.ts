import type {Cohere} from 'cohere-ai';
import type {ProviderStreamEvent} from 'llm-rx';
import {createCohereEventMapper} from './cohere-event-mapper';

// Feeds the events to a new mapper as fromProviderStream() does, then ends it.
function mapAll(events: readonly Cohere.V2ChatStreamResponse[]): ProviderStreamEvent[] {
  const mapper = createCohereEventMapper();
  const result = events.flatMap(event => mapper.next(event) ?? []);
  const last = mapper.end?.();
  return last ? [...result, last] : result;
}

const START: Cohere.V2ChatStreamResponse = {type: 'message-start', id: 'c1', delta: {message: {role: 'assistant'}}};
// What START tells of the response: its id (Cohere streams no model name).
const METADATA: ProviderStreamEvent = {type: 'response-metadata', responseId: 'c1'};

describe('createCohereEventMapper', () => {
  it('yields thinking as reasoning, text as text, then the finish with billed usage', () => {
    const events = mapAll([
      START,
      {type: 'content-start', index: 0, delta: {message: {content: {type: 'thinking', thinking: ''}}}},
      {type: 'content-delta', index: 0, delta: {message: {content: {thinking: 'Hmm.'}}}},
      {type: 'content-end', index: 0},
      {type: 'content-start', index: 1, delta: {message: {content: {type: 'text', text: ''}}}},
      {type: 'content-delta', index: 1, delta: {message: {content: {text: 'Hello'}}}},
      {type: 'content-delta', index: 1, delta: {message: {content: {text: ' world'}}}},
      {type: 'content-end', index: 1},
      {
        type: 'message-end',
        delta: {
          finishReason: 'COMPLETE',
          usage: {
            billedUnits: {inputTokens: 5, outputTokens: 3},
            tokens: {inputTokens: 71, outputTokens: 3},
            cachedTokens: 2,
          },
        },
      },
    ]);
    expect(events).toEqual([
      METADATA,
      {type: 'reasoning-delta', text: 'Hmm.'},
      {type: 'text-delta', text: 'Hello'},
      {type: 'text-delta', text: ' world'},
      {
        type: 'finish',
        tokens: {inputTokens: 5, outputTokens: 3, cachedInputTokens: 2, cacheWriteTokens: 0, reasoningTokens: 0},
        finishReason: {unified: 'stop', raw: 'COMPLETE'},
      },
    ]);
  });

  it('carries the in-band error of an ERROR finish as the finish event’s errorMessage', () => {
    const events = mapAll([
      START,
      {type: 'content-delta', index: 0, delta: {message: {content: {text: 'Hel'}}}},
      {type: 'message-end', delta: {finishReason: 'ERROR', error: 'internal server error'}},
    ]);
    expect(events).toEqual([
      METADATA,
      {type: 'text-delta', text: 'Hel'},
      {
        type: 'finish',
        tokens: {inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0},
        finishReason: {unified: 'error', raw: 'ERROR'},
        errorMessage: 'internal server error',
      },
    ]);
  });

  it('names the finish reason when a TIMEOUT finish has no error text', () => {
    const events = mapAll([{type: 'message-end', delta: {finishReason: 'TIMEOUT'}}]);
    expect(events[0]).toEqual(jasmine.objectContaining({errorMessage: 'finish reason TIMEOUT'}));
  });

  it('skips citation and debug events, and yields no finish without message-end', () => {
    const events = mapAll([
      START,
      {type: 'citation-start', index: 0, delta: {message: {citations: {text: 'x'}}}},
      {type: 'debug', prompt: 'x'},
      {type: 'content-delta', index: 0, delta: {message: {content: {text: 'Hi'}}}},
    ]);
    expect(events).toEqual([METADATA, {type: 'text-delta', text: 'Hi'}]);
  });

  it('yields the tool plan as reasoning, then each call by its index, then a tool-calls finish', () => {
    const events = mapAll([
      START,
      {type: 'tool-plan-delta', delta: {message: {toolPlan: 'I will look.'}}},
      {
        type: 'tool-call-start',
        index: 0,
        delta: {message: {toolCalls: {id: 'weather_a', type: 'function', function: {name: 'weather', arguments: ''}}}},
      },
      {type: 'tool-call-delta', index: 0, delta: {message: {toolCalls: {function: {arguments: '{"city"'}}}}},
      {type: 'tool-call-delta', index: 0, delta: {message: {toolCalls: {function: {arguments: ': "Paris"}'}}}}},
      {type: 'tool-call-end', index: 0},
      {
        type: 'tool-call-start',
        index: 1,
        delta: {message: {toolCalls: {id: 'clock_b', type: 'function', function: {name: 'clock', arguments: ''}}}},
      },
      {type: 'tool-call-delta', index: 1, delta: {message: {toolCalls: {function: {arguments: '{}'}}}}},
      {type: 'tool-call-end', index: 1},
      {type: 'message-end', delta: {finishReason: 'TOOL_CALL'}},
    ]);
    expect(events).toEqual([
      METADATA,
      {type: 'reasoning-delta', text: 'I will look.'},
      {type: 'tool-call-start', toolCallId: 'weather_a', toolName: 'weather'},
      {type: 'tool-call-delta', toolCallId: 'weather_a', argumentsDelta: '{"city"'},
      {type: 'tool-call-delta', toolCallId: 'weather_a', argumentsDelta: ': "Paris"}'},
      {type: 'tool-call-end', toolCallId: 'weather_a'},
      {type: 'tool-call-start', toolCallId: 'clock_b', toolName: 'clock'},
      {type: 'tool-call-delta', toolCallId: 'clock_b', argumentsDelta: '{}'},
      {type: 'tool-call-end', toolCallId: 'clock_b'},
      jasmine.objectContaining({type: 'finish', finishReason: {unified: 'tool-calls', raw: 'TOOL_CALL'}}),
    ]);
  });

  it('streams the arguments a start carries, and names a call without an id after the message and index', () => {
    const events = mapAll([
      START,
      {
        type: 'tool-call-start',
        index: 3,
        delta: {message: {toolCalls: {id: '', type: 'function', function: {name: 'clock', arguments: '{"zone"'}}}},
      },
      {type: 'tool-call-delta', index: 3, delta: {message: {toolCalls: {function: {arguments: ': "UTC"}'}}}}},
      {type: 'tool-call-end', index: 3},
    ]);
    expect(events).toEqual([
      METADATA,
      {type: 'tool-call-start', toolCallId: 'c1_3', toolName: 'clock'},
      {type: 'tool-call-delta', toolCallId: 'c1_3', argumentsDelta: '{"zone"'},
      {type: 'tool-call-delta', toolCallId: 'c1_3', argumentsDelta: ': "UTC"}'},
      {type: 'tool-call-end', toolCallId: 'c1_3'},
    ]);
  });

  it('skips argument pieces and ends of a call that never started, and empty pieces', () => {
    const events = mapAll([
      {type: 'tool-call-delta', index: 0, delta: {message: {toolCalls: {function: {arguments: '{}'}}}}},
      {type: 'tool-call-end', index: 0},
      {
        type: 'tool-call-start',
        index: 0,
        delta: {message: {toolCalls: {id: 'clock_a', type: 'function', function: {name: 'clock'}}}},
      },
      {type: 'tool-call-delta', index: 0, delta: {message: {toolCalls: {function: {arguments: ''}}}}},
      {type: 'tool-call-end', index: 5},
    ]);
    expect(events).toEqual([{type: 'tool-call-start', toolCallId: 'clock_a', toolName: 'clock'}]);
  });

  it('returns reasoning then text when one delta carries both', () => {
    const mapper = createCohereEventMapper();
    expect(
      mapper.next({type: 'content-delta', index: 0, delta: {message: {content: {thinking: 'Hm', text: 'Yes'}}}}),
    ).toEqual([
      {type: 'reasoning-delta', text: 'Hm'},
      {type: 'text-delta', text: 'Yes'},
    ]);
  });

  it('tells the message id of message-start as the response id, and nothing for a start without one', () => {
    const mapper = createCohereEventMapper();
    expect(mapper.next({type: 'message-start', id: 'c14c80c3-18eb-4519-9460-6c92edd8cfb4'})).toEqual({
      type: 'response-metadata',
      responseId: 'c14c80c3-18eb-4519-9460-6c92edd8cfb4',
    });
    expect(createCohereEventMapper().next({type: 'message-start', id: ''})).toBeUndefined();
  });
});
