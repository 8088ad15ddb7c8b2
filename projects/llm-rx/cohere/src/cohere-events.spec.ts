import type {Cohere} from 'cohere-ai';
import type {ProviderStreamEvent} from 'llm-rx';
import {cohereEvents} from './cohere-events';

async function collect(events: Cohere.V2ChatStreamResponse[]): Promise<ProviderStreamEvent[]> {
  async function* source() {
    yield* events;
  }
  const result: ProviderStreamEvent[] = [];
  for await (const event of cohereEvents(source())) result.push(event);
  return result;
}

const START: Cohere.V2ChatStreamResponse = {type: 'message-start', id: 'c1', delta: {message: {role: 'assistant'}}};

describe('cohereEvents', () => {
  it('yields thinking as reasoning, text as text, then the finish with billed usage', async () => {
    const events = await collect([
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

  it('carries the in-band error of an ERROR finish as the finish event’s errorMessage', async () => {
    const events = await collect([
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

  it('names the finish reason when a TIMEOUT finish has no error text', async () => {
    const events = await collect([{type: 'message-end', delta: {finishReason: 'TIMEOUT'}}]);
    expect(events[0]).toEqual(jasmine.objectContaining({errorMessage: 'finish reason TIMEOUT'}));
  });

  it('skips tool, citation and debug events, and yields no finish without message-end', async () => {
    const events = await collect([
      START,
      {type: 'tool-plan-delta', delta: {message: {toolPlan: 'plan'}}},
      {type: 'debug', prompt: 'x'},
      {type: 'content-delta', index: 0, delta: {message: {content: {text: 'Hi'}}}},
    ]);
    expect(events).toEqual([{type: 'text-delta', text: 'Hi'}]);
  });
});
