import {BlockedReason, FinishReason, type Part} from '@google/genai';
import type {ProviderStreamEvent} from 'llm-rx';
import {createGeminiEventMapper, type GeminiStreamChunk} from './gemini-event-mapper';

// Feeds the events to a new mapper as fromProviderStream() does, then ends it.
function mapAll(events: readonly GeminiStreamChunk[]): ProviderStreamEvent[] {
  const mapper = createGeminiEventMapper();
  const result = events.flatMap(event => mapper.next(event) ?? []);
  const last = mapper.end?.();
  return last ? [...result, last] : result;
}

function chunk(parts: Part[], finishReason?: FinishReason): GeminiStreamChunk {
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

  it('tells the response id and model version once, from the first chunk that has either, before its content', () => {
    const named = (parts: Part[], finishReason?: FinishReason): GeminiStreamChunk => ({
      ...chunk(parts, finishReason),
      responseId: 'jb1GaLeTDfGJz7IP3YW5mAY',
      modelVersion: 'gemini-2.5-flash',
    });
    const mapper = createGeminiEventMapper();
    expect(mapper.next({usageMetadata: {promptTokenCount: 3}})).toBeUndefined();
    expect(mapper.next(named([{text: 'Hi'}]))).toEqual([
      {type: 'response-metadata', responseId: 'jb1GaLeTDfGJz7IP3YW5mAY', responseModel: 'gemini-2.5-flash'},
      {type: 'text-delta', text: 'Hi'},
    ]);
    expect(mapper.next(named([{text: ' there'}]))).toEqual({type: 'text-delta', text: ' there'});
    // A chunk without parts (a blocked prompt) still tells them; a model version alone is enough.
    expect(createGeminiEventMapper().next({modelVersion: 'gemini-2.5-pro', promptFeedback: {}})).toEqual({
      type: 'response-metadata',
      responseModel: 'gemini-2.5-pro',
    });
  });

  describe('function calls', () => {
    it('yields each whole call as start, one delta of its arguments as JSON, and end, in order', () => {
      const events = mapAll([
        {
          ...chunk([{text: 'Let me look.'}, {functionCall: {id: 'fc1', name: 'weather', args: {city: 'Zürich'}}}]),
          responseId: 'r1',
        },
        {
          ...chunk([{functionCall: {id: 'fc2', name: 'clock', args: {zone: 'UTC'}}}], FinishReason.STOP),
          usageMetadata: {promptTokenCount: 5, candidatesTokenCount: 9},
          responseId: 'r1',
        },
      ]);
      expect(events).toEqual([
        {type: 'response-metadata', responseId: 'r1'},
        {type: 'text-delta', text: 'Let me look.'},
        {type: 'tool-call-start', toolCallId: 'fc1', toolName: 'weather'},
        {type: 'tool-call-delta', toolCallId: 'fc1', argumentsDelta: '{"city":"Zürich"}'},
        {type: 'tool-call-end', toolCallId: 'fc1'},
        {type: 'tool-call-start', toolCallId: 'fc2', toolName: 'clock'},
        {type: 'tool-call-delta', toolCallId: 'fc2', argumentsDelta: '{"zone":"UTC"}'},
        {type: 'tool-call-end', toolCallId: 'fc2'},
        {
          type: 'finish',
          tokens: {inputTokens: 5, outputTokens: 9, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0},
          // Gemini's reason for an answer of calls: the core makes it tool-calls.
          finishReason: {unified: 'stop', raw: 'STOP'},
        },
      ]);
    });

    it('makes an id for each call without one, from the response id and the call count, unique in the answer', () => {
      const events = mapAll([
        {
          ...chunk([
            {functionCall: {name: 'weather', args: {city: 'Paris'}}},
            {functionCall: {name: 'weather', args: {city: 'Rome'}}},
          ]),
          responseId: 'resp-7',
        },
        {...chunk([{functionCall: {id: '', name: 'clock'}}], FinishReason.STOP), responseId: 'resp-7'},
      ]);
      const starts = events.filter(event => event.type === 'tool-call-start');
      expect(starts.map(start => start.toolCallId)).toEqual(['resp-7_0', 'resp-7_1', 'resp-7_2']);
      // A call without args has empty arguments.
      expect(events.filter(event => event.type === 'tool-call-delta').pop()).toEqual({
        type: 'tool-call-delta',
        toolCallId: 'resp-7_2',
        argumentsDelta: '{}',
      });
    });

    it('makes ids unique to the stream when the chunks carry no response id', () => {
      const idsOf = () =>
        mapAll([chunk([{functionCall: {name: 'f', args: {}}}], FinishReason.STOP)])
          .filter(event => event.type === 'tool-call-start')
          .map(start => start.toolCallId);
      const [first] = idsOf();
      expect(first).toMatch(/^gemini_[a-z0-9]+_0$/);
      expect(idsOf()).not.toEqual([first]);
    });

    it("puts a call's thought signature in the end's providerData, and ignores one on a text part", () => {
      const events = mapAll([
        chunk([
          {functionCall: {id: 'a', name: 'f', args: {}}, thoughtSignature: 'c2lnLWE='},
          {functionCall: {id: 'b', name: 'f', args: {}}},
          {text: '', thoughtSignature: 'c2lnLXQ='},
        ]),
      ]);
      expect(events.filter(event => event.type === 'tool-call-end')).toEqual([
        {type: 'tool-call-end', toolCallId: 'a', providerData: {gemini: {thoughtSignature: 'c2lnLWE='}}},
        {type: 'tool-call-end', toolCallId: 'b'},
      ]);
      expect(events.length).toBe(6);
    });

    it('returns the three events of a one-call chunk as a list', () => {
      const mapper = createGeminiEventMapper();
      expect(mapper.next(chunk([{functionCall: {id: 'x', name: 'f', args: {n: 1}}}]))).toEqual([
        {type: 'tool-call-start', toolCallId: 'x', toolName: 'f'},
        {type: 'tool-call-delta', toolCallId: 'x', argumentsDelta: '{"n":1}'},
        {type: 'tool-call-end', toolCallId: 'x'},
      ]);
    });
  });
});
