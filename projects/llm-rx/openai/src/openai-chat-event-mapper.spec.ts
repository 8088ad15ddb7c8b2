import type {ProviderStreamEvent} from 'llm-rx';
import type OpenAI from 'openai';
import {createOpenAiChatEventMapper, type OpenAiChatEventMapperOptions} from './openai-chat-event-mapper';

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

// Feeds the chunks to a new mapper as fromProviderStream() does, then ends it.
function mapAll(chunks: readonly Chunk[], options?: OpenAiChatEventMapperOptions): ProviderStreamEvent[] {
  const mapper = createOpenAiChatEventMapper(options);
  const result = chunks.flatMap(chunk => mapper.next(chunk) ?? []);
  const last = mapper.end?.();
  return last ? [...result, last] : result;
}

// What the first chunk tells of the response: every chunk repeats it.
const METADATA: ProviderStreamEvent = {
  type: 'response-metadata',
  responseId: 'chatcmpl-1',
  responseModel: 'gpt-4.1-mini',
};

const USAGE: OpenAI.CompletionUsage = {
  prompt_tokens: 9,
  completion_tokens: 4,
  total_tokens: 13,
  prompt_tokens_details: {cached_tokens: 3},
  completion_tokens_details: {reasoning_tokens: 2},
};

describe('createOpenAiChatEventMapper', () => {
  it('yields reasoning and text deltas, then one finish with usage and finish reason', () => {
    const events = mapAll([
      chunk({role: 'assistant', content: ''}),
      chunk({reasoning_content: 'Think'}),
      chunk({content: 'Hello'}),
      chunk({content: ' world'}),
      chunk({}, 'stop'),
      usageChunk(USAGE),
    ]);
    expect(events).toEqual([
      METADATA,
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

  it('yields no finish when the usage chunk is missing', () => {
    const events = mapAll([chunk({content: 'Hi'}), chunk({}, 'stop')]);
    expect(events).toEqual([METADATA, {type: 'text-delta', text: 'Hi'}]);
  });

  it('yields no finish when the finish reason is missing', () => {
    const events = mapAll([chunk({content: 'Hi'}), usageChunk(USAGE)]);
    expect(events).toEqual([METADATA, {type: 'text-delta', text: 'Hi'}]);
  });

  it('maps a length finish and uses the given usage and finish-reason mappers', () => {
    const [, , finish] = mapAll([chunk({content: 'Hi'}, 'length'), usageChunk(USAGE)], {
      convertUsage: usage => ({
        inputTokens: usage.prompt_tokens,
        outputTokens: 1,
        cachedInputTokens: 7,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      }),
      mapFinishReason: raw => ({unified: 'other', raw: `custom-${raw}`}),
    });
    expect(finish).toEqual({
      type: 'finish',
      tokens: {inputTokens: 9, outputTokens: 1, cachedInputTokens: 7, cacheWriteTokens: 0, reasoningTokens: 0},
      finishReason: {unified: 'other', raw: 'custom-length'},
    });
  });

  it('returns one event per content chunk, both reasoning and text when a delta has both, nothing for others', () => {
    const mapper = createOpenAiChatEventMapper();
    expect(mapper.next(chunk({role: 'assistant', content: ''}))).toEqual(METADATA);
    expect(mapper.next(chunk({content: 'Hi'}))).toEqual({type: 'text-delta', text: 'Hi'});
    expect(mapper.next(chunk({reasoning_content: 'Hm', content: 'Yes'}))).toEqual([
      {type: 'reasoning-delta', text: 'Hm'},
      {type: 'text-delta', text: 'Yes'},
    ]);
    expect(mapper.next(chunk({content: ''}))).toBeUndefined();
    expect(mapper.next(usageChunk(USAGE))).toBeUndefined();
    expect(mapper.done).toBeUndefined();
  });

  it('joins refusal deltas into the finish event, streaming none of them as text', () => {
    const events = mapAll([
      chunk({role: 'assistant', content: null, refusal: ''}),
      chunk({refusal: "I'm sorry,"}),
      chunk({refusal: " I can't help."}),
      chunk({}, 'stop'),
      usageChunk(USAGE),
    ]);
    expect(events).toEqual([
      METADATA,
      {
        type: 'finish',
        tokens: {inputTokens: 9, outputTokens: 4, cachedInputTokens: 3, cacheWriteTokens: 0, reasoningTokens: 2},
        finishReason: {unified: 'stop', raw: 'stop'},
        refusal: "I'm sorry, I can't help.",
      },
    ]);
  });

  it('sets no refusal for a null or empty one', () => {
    const events = mapAll([
      chunk({role: 'assistant', content: '', refusal: null}),
      chunk({content: '{}', refusal: ''}),
      chunk({}, 'stop'),
      usageChunk(USAGE),
    ]);
    expect(events[events.length - 1]).not.toEqual(jasmine.objectContaining({refusal: jasmine.anything()}));
    expect('refusal' in events[events.length - 1]).toBeFalse();
  });

  it('streams tool calls by index and ends them once the finish reason and the usage are both in', () => {
    const mapper = createOpenAiChatEventMapper();
    const call = (index: number, fields: Record<string, unknown>) => chunk({tool_calls: [{index, ...fields}]});
    expect(mapper.next(chunk({role: 'assistant', content: null}))).toEqual(METADATA);
    expect(mapper.next(call(0, {id: 'call_a', type: 'function', function: {name: 'weather', arguments: ''}}))).toEqual({
      type: 'tool-call-start',
      toolCallId: 'call_a',
      toolName: 'weather',
    });
    expect(mapper.next(call(0, {function: {arguments: '{"city":'}}))).toEqual({
      type: 'tool-call-delta',
      toolCallId: 'call_a',
      argumentsDelta: '{"city":',
    });
    expect(mapper.next(chunk({}, 'tool_calls'))).toBeUndefined();
    expect(mapper.next(usageChunk(USAGE))).toEqual({type: 'tool-call-end', toolCallId: 'call_a'});
    expect(mapper.end?.()).toEqual(
      jasmine.objectContaining({type: 'finish', finishReason: {unified: 'tool-calls', raw: 'tool_calls'}}),
    );
  });

  it('for a service that may stream no usage, ends the calls on the finish reason and finishes with zero tokens', () => {
    const mapper = createOpenAiChatEventMapper({usageOptional: true});
    mapper.next(chunk({tool_calls: [{index: 0, id: 'call_a', type: 'function', function: {name: 'clock'}}]}));
    expect(mapper.next(chunk({}, 'tool_calls'))).toEqual({type: 'tool-call-end', toolCallId: 'call_a'});
    expect(mapper.end?.()).toEqual(
      jasmine.objectContaining({type: 'finish', tokens: jasmine.objectContaining({inputTokens: 0, outputTokens: 0})}),
    );
  });

  it("reads a compatible service's reasoning field and its usage inside the choice", () => {
    const withChoiceUsage = {...chunk({}, 'stop'), choices: [{...chunk({}, 'stop').choices[0], usage: USAGE}]};
    const events = mapAll([chunk({reasoning: 'Hmm.'}), chunk({content: 'Hi'}), withChoiceUsage as Chunk], {
      reasoningField: 'reasoning',
      usageInChoice: true,
    });
    expect(events).toContain({type: 'reasoning-delta', text: 'Hmm.'});
    expect(events.at(-1)).toEqual(
      jasmine.objectContaining({type: 'finish', tokens: jasmine.objectContaining({inputTokens: 9, outputTokens: 4})}),
    );
  });

  it('ends no call of a stream cut before its usage (the stream is then incomplete)', () => {
    const events = mapAll([
      chunk({tool_calls: [{index: 0, id: 'call_a', type: 'function', function: {name: 'clock', arguments: '{}'}}]}),
      chunk({}, 'tool_calls'),
    ]);
    expect(events.map(event => event.type)).toEqual(['response-metadata', 'tool-call-start', 'tool-call-delta']);
  });

  it("keeps a turn's reasoning in each call's providerData for a service that wants it back", () => {
    const chunks = [
      chunk({role: 'assistant', content: null, reasoning_content: ''}),
      chunk({content: null, reasoning_content: 'Need the '}),
      chunk({content: null, reasoning_content: 'weather.'}),
      chunk({tool_calls: [{index: 0, id: 'call_a', function: {name: 'weather', arguments: '{}'}}]}),
      chunk({tool_calls: [{index: 1, id: 'call_b', function: {name: 'clock', arguments: '{}'}}]}),
      chunk({content: ''}, 'tool_calls'),
      usageChunk(USAGE),
    ];
    const providerData = {deepseek: {reasoningContent: 'Need the weather.'}};
    expect(mapAll(chunks, {toolCallReasoning: 'deepseek'}).filter(event => event.type === 'tool-call-end')).toEqual([
      {type: 'tool-call-end', toolCallId: 'call_a', providerData},
      {type: 'tool-call-end', toolCallId: 'call_b', providerData},
    ]);
    expect(mapAll(chunks).filter(event => event.type === 'tool-call-end')).toEqual([
      {type: 'tool-call-end', toolCallId: 'call_a'},
      {type: 'tool-call-end', toolCallId: 'call_b'},
    ]);
    // A turn without reasoning (a model that does not think) keeps none.
    const withoutReasoning = mapAll(chunks.slice(3), {toolCallReasoning: 'deepseek'});
    expect(withoutReasoning.filter(event => event.type === 'tool-call-end')).toEqual([
      {type: 'tool-call-end', toolCallId: 'call_a'},
      {type: 'tool-call-end', toolCallId: 'call_b'},
    ]);
  });

  it('tells the response id and model once, from the first chunk that has either, before its content', () => {
    const mapper = createOpenAiChatEventMapper();
    const nameless = {...chunk({content: 'A'}), id: '', model: ''};
    expect(mapper.next(nameless)).toEqual({type: 'text-delta', text: 'A'});
    expect(mapper.next({...chunk({content: 'B'}), id: 'chatcmpl-9', model: 'gpt-4o-2024-08-06'})).toEqual([
      {type: 'response-metadata', responseId: 'chatcmpl-9', responseModel: 'gpt-4o-2024-08-06'},
      {type: 'text-delta', text: 'B'},
    ]);
    expect(mapper.next({...chunk({content: 'C'}), id: 'chatcmpl-9', model: 'gpt-4o-2024-08-06'})).toEqual({
      type: 'text-delta',
      text: 'C',
    });
    expect(mapAll([{...chunk({content: 'D'}), model: ''}])).toEqual([
      {type: 'response-metadata', responseId: 'chatcmpl-1'},
      {type: 'text-delta', text: 'D'},
    ]);
  });
});
