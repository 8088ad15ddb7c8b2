import {BlockedReason, FinishReason} from '@google/genai';
import type {ProviderStreamEvent} from 'llm-rx';
import {createGeminiEventMapper, type GeminiStreamChunk} from './gemini-event-mapper';

// Feeds the events to a new mapper as fromProviderStream() does, then ends it.
function mapAll(events: readonly GeminiStreamChunk[]): ProviderStreamEvent[] {
  const mapper = createGeminiEventMapper();
  const result = events.flatMap(event => mapper.next(event) ?? []);
  const last = mapper.end?.();
  return last ? [...result, last] : result;
}

function chunk(parts: {text: string; thought?: boolean}[], finishReason?: FinishReason): GeminiStreamChunk {
  return {candidates: [{content: {parts, role: 'model'}, index: 0, finishReason}]};
}

describe('createGeminiEventMapper', () => {
  it('yields thoughts as reasoning, text as text, then one finish with the last usage', () => {
    const events = mapAll([
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

  it('yields every text part of a chunk in order', () => {
    const events = mapAll([chunk([{text: 'a'}, {text: 'b'}], FinishReason.STOP)]);
    expect(events.slice(0, 2)).toEqual([
      {type: 'text-delta', text: 'a'},
      {type: 'text-delta', text: 'b'},
    ]);
  });

  it('finishes with content-filter for a blocked prompt that has no candidate', () => {
    const events = mapAll([
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

  it('yields no finish when no chunk carried a finishReason (a cut stream)', () => {
    const events = mapAll([chunk([{text: 'Hello'}])]);
    expect(events).toEqual([{type: 'text-delta', text: 'Hello'}]);
  });

  it('returns one event for a one-part chunk, a list for several, nothing for an empty part', () => {
    const mapper = createGeminiEventMapper();
    expect(mapper.next(chunk([{text: 'a'}]))).toEqual({type: 'text-delta', text: 'a'});
    expect(mapper.next(chunk([{text: 'b'}, {text: ''}, {text: 'c', thought: true}]))).toEqual([
      {type: 'text-delta', text: 'b'},
      {type: 'reasoning-delta', text: 'c'},
    ]);
    expect(mapper.next(chunk([{text: ''}]))).toBeUndefined();
  });
});
