import {createMockPlan, DEFAULT_INPUT_TOKENS, DEFAULT_MOCK_TEXT, textChunksOf} from './mock-plan';

describe('createMockPlan', () => {
  it('streams the default sentence one word per chunk, with default usage', () => {
    const plan = createMockPlan({}, 'gpt-4.1-mini', 1_700_000_000_000);
    expect(plan.textChunks.join('')).toBe(DEFAULT_MOCK_TEXT);
    expect(plan.textChunks.length).toBe(DEFAULT_MOCK_TEXT.split(' ').length);
    expect(plan.textChunks[1]).toBe(' quick');
    expect(plan.reasoningChunks).toEqual([]);
    expect(plan.model).toBe('gpt-4.1-mini');
    expect(plan.created).toBe(1_700_000_000);
    expect(plan.finish).toBe('stop');
    expect(plan.usage).toEqual({
      inputTokens: DEFAULT_INPUT_TOKENS,
      outputTokens: plan.textChunks.length,
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
  });

  it('counts reasoning chunks into output and reasoning tokens by default', () => {
    const plan = createMockPlan({chunks: 2, reasoning: 3}, 'm');
    expect(plan.reasoningChunks.length).toBe(3);
    expect(plan.reasoningChunks.every(chunk => chunk.length > 0)).toBeTrue();
    expect(plan.usage.outputTokens).toBe(5);
    expect(plan.usage.reasoningTokens).toBe(3);
  });

  it('takes usage overrides and the finish reason from the scenario', () => {
    const plan = createMockPlan(
      {
        inputTokens: 1000,
        outputTokens: 50,
        cachedTokens: 600,
        cacheWriteTokens: 100,
        reasoningTokens: 20,
        finish: 'length',
      },
      'm',
    );
    expect(plan.usage).toEqual({
      inputTokens: 1000,
      outputTokens: 50,
      cachedInputTokens: 600,
      cacheWriteTokens: 100,
      reasoningTokens: 20,
    });
    expect(plan.finish).toBe('length');
  });

  it('gives every plan its own response id', () => {
    expect(createMockPlan({}, 'm').responseId).not.toBe(createMockPlan({}, 'm').responseId);
  });
});

describe('textChunksOf', () => {
  it('answers "w1 … wN" for chunks without text', () => {
    expect(textChunksOf({chunks: 3})).toEqual(['w1', ' w2', ' w3']);
    expect(textChunksOf({chunks: 0})).toEqual([]);
  });

  it('splits a given text into the given number of pieces that join back to it', () => {
    const text = 'one two three four five';
    const chunks = textChunksOf({text, chunks: 2});
    expect(chunks.length).toBe(2);
    expect(chunks.join('')).toBe(text);
  });

  it('splits by characters when there are more chunks than words', () => {
    expect(textChunksOf({text: 'Hi there', chunks: 4})).toEqual(['Hi', ' t', 'he', 're']);
  });

  it('keeps a single word whole by default', () => {
    expect(textChunksOf({text: 'Hello'})).toEqual(['Hello']);
  });

  describe('with tools', () => {
    const tools = {
      tools: [
        {name: 'weather', inputSchema: {type: 'object', properties: {city: {type: 'string'}}, required: ['city']}},
        {name: 'clock', inputSchema: {type: 'object'}},
      ],
      rounds: 0,
    };

    it('answers tool calls with arguments matching the schema, until the rounds are over, then text', () => {
      const first = createMockPlan({toolCalls: 2}, 'm', 0, {tools});
      expect(first.toolCalls.map(call => call.name)).toEqual(['weather', 'clock']);
      expect(JSON.parse(first.toolCalls[0].arguments)).toEqual({city: jasmine.any(String)});
      expect(first.toolCalls[0].argumentChunks.join('')).toBe(first.toolCalls[0].arguments);
      expect(first.textChunks).toEqual([]);
      expect(first.finish).toBe('tool-calls');
      const after = createMockPlan({toolCalls: 2}, 'm', 0, {tools: {...tools, rounds: 1}});
      expect(after.toolCalls).toEqual([]);
      expect(after.finish).toBe('stop');
      expect(after.textChunks.join('')).toBe(DEFAULT_MOCK_TEXT);
    });

    it('calls the forced tool, none when tools are forbidden, and keeps calling for toolRounds rounds', () => {
      expect(createMockPlan({}, 'm', 0, {tools: {...tools, forced: 'clock'}}).toolCalls[0].name).toBe('clock');
      expect(createMockPlan({}, 'm', 0, {tools: {...tools, forced: 'none'}}).toolCalls).toEqual([]);
      expect(createMockPlan({toolRounds: 3}, 'm', 0, {tools: {...tools, rounds: 2}}).toolCalls.length).toBe(1);
    });

    it('says finalText once the rounds are over, and text beside the calls', () => {
      const scenario = {text: 'Let me check.', finalText: 'It is sunny.'};
      expect(createMockPlan(scenario, 'm', 0, {tools}).textChunks.join('')).toBe('Let me check.');
      expect(createMockPlan(scenario, 'm', 0, {tools: {...tools, rounds: 1}}).textChunks.join('')).toBe('It is sunny.');
      expect(createMockPlan({finalText: 'It is sunny.'}, 'm', 0, {tools}).textChunks).toEqual([]);
    });

    it('splits the arguments into toolChunks pieces, and plays toolArgs as given', () => {
      const plan = createMockPlan({toolArgs: '{"city": "Paris"}', toolChunks: 4}, 'm', 0, {tools});
      expect(plan.toolCalls[0].argumentChunks.length).toBe(4);
      expect(plan.toolCalls[0].argumentChunks.join('')).toBe('{"city": "Paris"}');
    });
  });
});
