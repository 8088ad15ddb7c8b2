import type {ProviderStreamEvent} from 'llm-rx';
import type OpenAI from 'openai';
import {openAiChatEvents} from './openai-chat-events';

type Chunk = OpenAI.Chat.Completions.ChatCompletionChunk;

function chunk(delta: Record<string, unknown>, finishReason: string | null = null): Chunk {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1700000000,
    model: 'gpt-4.1-mini',
    choices: [{index: 0, delta, finish_reason: finishReason, logprobs: null}],
  } as Chunk;
}

function usageChunk(usage: OpenAI.CompletionUsage): Chunk {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1700000000,
    model: 'gpt-4.1-mini',
    choices: [],
    usage,
  };
}

async function* source(chunks: readonly Chunk[]): AsyncGenerator<Chunk> {
  yield* chunks;
}

async function collect(events: AsyncIterable<ProviderStreamEvent>): Promise<ProviderStreamEvent[]> {
  const result: ProviderStreamEvent[] = [];
  for await (const event of events) result.push(event);
  return result;
}

const USAGE: OpenAI.CompletionUsage = {
  prompt_tokens: 9,
  completion_tokens: 4,
  total_tokens: 13,
  prompt_tokens_details: {cached_tokens: 3},
  completion_tokens_details: {reasoning_tokens: 2},
};

describe('openAiChatEvents', () => {
  it('yields reasoning and text deltas, then one finish with usage and finish reason', async () => {
    const events = await collect(
      openAiChatEvents(
        source([
          chunk({role: 'assistant', content: ''}),
          chunk({reasoning_content: 'Think'}),
          chunk({content: 'Hello'}),
          chunk({content: ' world'}),
          chunk({}, 'stop'),
          usageChunk(USAGE),
        ]),
      ),
    );
    expect(events).toEqual([
      {type: 'reasoning-delta', text: 'Think'},
      {type: 'text-delta', text: 'Hello'},
      {type: 'text-delta', text: ' world'},
      {
        type: 'finish',
        tokens: {inputTokens: 9, outputTokens: 4, cachedInputTokens: 3, cacheWriteTokens: 0, reasoningTokens: 2},
        finishReason: {unified: 'stop', raw: 'stop'},
      },
    ]);
  });

  it('yields no finish when the usage chunk is missing', async () => {
    const events = await collect(openAiChatEvents(source([chunk({content: 'Hi'}), chunk({}, 'stop')])));
    expect(events).toEqual([{type: 'text-delta', text: 'Hi'}]);
  });

  it('yields no finish when the finish reason is missing', async () => {
    const events = await collect(openAiChatEvents(source([chunk({content: 'Hi'}), usageChunk(USAGE)])));
    expect(events).toEqual([{type: 'text-delta', text: 'Hi'}]);
  });

  it('maps a length finish and uses the given usage and finish-reason mappers', async () => {
    const [, finish] = await collect(
      openAiChatEvents(source([chunk({content: 'Hi'}, 'length'), usageChunk(USAGE)]), {
        convertUsage: usage => ({
          inputTokens: usage.prompt_tokens,
          outputTokens: 1,
          cachedInputTokens: 7,
          cacheWriteTokens: 0,
          reasoningTokens: 0,
        }),
        mapFinishReason: raw => ({unified: 'other', raw: `custom-${raw}`}),
      }),
    );
    expect(finish).toEqual({
      type: 'finish',
      tokens: {inputTokens: 9, outputTokens: 1, cachedInputTokens: 7, cacheWriteTokens: 0, reasoningTokens: 0},
      finishReason: {unified: 'other', raw: 'custom-length'},
    });
  });

  it('passes the SDK error of a broken stream through', async () => {
    async function* broken(): AsyncGenerator<Chunk> {
      yield chunk({content: 'Hi'});
      throw new TypeError('terminated');
    }
    const seen: ProviderStreamEvent[] = [];
    await expectAsync(
      (async () => {
        for await (const event of openAiChatEvents(broken())) seen.push(event);
      })(),
    ).toBeRejectedWithError(TypeError, 'terminated');
    expect(seen).toEqual([{type: 'text-delta', text: 'Hi'}]);
  });
});
