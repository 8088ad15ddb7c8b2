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

  it('skips tool, citation and debug events, and yields no finish without message-end', () => {
    const events = mapAll([
      START,
      {type: 'tool-plan-delta', delta: {message: {toolPlan: 'plan'}}},
      {type: 'debug', prompt: 'x'},
      {type: 'content-delta', index: 0, delta: {message: {content: {text: 'Hi'}}}},
    ]);
    expect(events).toEqual([{type: 'text-delta', text: 'Hi'}]);
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
});
