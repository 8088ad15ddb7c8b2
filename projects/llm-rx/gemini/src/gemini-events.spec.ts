import {BlockedReason, FinishReason} from '@google/genai';
import type {ProviderStreamEvent} from 'llm-rx';
import {geminiEvents, type GeminiStreamChunk} from './gemini-events';

async function collect(chunks: GeminiStreamChunk[]): Promise<ProviderStreamEvent[]> {
  async function* source() {
    yield* chunks;
  }
  const events: ProviderStreamEvent[] = [];
  for await (const event of geminiEvents(source())) events.push(event);
  return events;
}

function chunk(parts: {text: string; thought?: boolean}[], finishReason?: FinishReason): GeminiStreamChunk {
  return {candidates: [{content: {parts, role: 'model'}, index: 0, finishReason}]};
}

describe('geminiEvents', () => {
  it('yields thoughts as reasoning, text as text, then one finish with the last usage', async () => {
    const events = await collect([
      {...chunk([{text: 'Hmm', thought: true}]), usageMetadata: {promptTokenCount: 10, thoughtsTokenCount: 1}},
      {
        ...chunk([{text: 'Hello'}]),
        usageMetadata: {promptTokenCount: 10, thoughtsTokenCount: 3, candidatesTokenCount: 1},
      },
      {
        ...chunk([{text: ''}], FinishReason.STOP),
        usageMetadata: {
          promptTokenCount: 10,
          cachedContentTokenCount: 4,
          thoughtsTokenCount: 3,
          candidatesTokenCount: 2,
        },
      },
    ]);
    expect(events).toEqual([
      {type: 'reasoning-delta', text: 'Hmm'},
      {type: 'text-delta', text: 'Hello'},
      {
        type: 'finish',
        tokens: {inputTokens: 10, outputTokens: 5, cachedInputTokens: 4, cacheWriteTokens: 0, reasoningTokens: 3},
        finishReason: {unified: 'stop', raw: 'STOP'},
      },
    ]);
  });

  it('yields every text part of a chunk in order', async () => {
    const events = await collect([chunk([{text: 'a'}, {text: 'b'}], FinishReason.STOP)]);
    expect(events.slice(0, 2)).toEqual([
      {type: 'text-delta', text: 'a'},
      {type: 'text-delta', text: 'b'},
    ]);
  });

  it('finishes with content-filter for a blocked prompt that has no candidate', async () => {
    const events = await collect([
      {promptFeedback: {blockReason: BlockedReason.SAFETY}, usageMetadata: {promptTokenCount: 7}},
    ]);
    expect(events).toEqual([
      {
        type: 'finish',
        tokens: {inputTokens: 7, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0},
        finishReason: {unified: 'content-filter', raw: 'SAFETY'},
      },
    ]);
  });

  it('yields no finish when no chunk carried a finishReason (a cut stream)', async () => {
    const events = await collect([chunk([{text: 'Hello'}])]);
    expect(events).toEqual([{type: 'text-delta', text: 'Hello'}]);
  });
});
