/*
 * The tool-call behaviour every provider adapter must show against the mock provider server, shared by the openai
 * (chat and responses), deepseek, anthropic, gemini and cohere specs. Real SDK, real timers, one unique tag per
 * spec. It defines no specs by itself: call describeToolCallMatrix() inside a describe().
 */
import {
  cascade,
  LlmProviderError,
  runTools,
  type Llm,
  type LlmChunk,
  type LlmMessage,
  type LlmProviderOptions,
  type LlmRequest,
  type LlmTool,
  type LlmToolCallDelta,
  type LlmToolCallEnd,
  type LlmUsage,
} from 'llm-rx';
import {fetchMockRequests, type MockScenario} from '@llm-rx/mock-providers';
import {z} from 'zod';
import {runStream, type StreamOutcome} from './run-stream';
import {scenarioRequest, uniqueTag} from './scenario-request';

/** The adapter under test, and where its request carries the tools. */
export interface ToolCallTarget {
  /** Tag prefix, unique per target. */
  readonly label: string;
  /** The provider name expected in usage and errors. */
  readonly provider: string;
  readonly model: string;
  readonly apiKey: string;
  /** Creates the model pointed at the mock server. */
  readonly create: (options: LlmProviderOptions) => Llm;
  /** The names of the tools a request body sent to the mock carries, in order. */
  readonly toolNamesInBody: (body: unknown) => readonly string[];
  /**
   * Whether the provider sends each call whole (Gemini's `functionCall` parts): one argument delta per call, and
   * nothing of a call before it is complete.
   */
  readonly wholeCalls?: boolean;
}

/** The weather tool of the matrix: a city, and a unit with a default. */
export const WEATHER_TOOL: LlmTool<{city: string; unit: 'celsius' | 'fahrenheit'}> = {
  name: 'weather',
  description: 'The weather in a city today.',
  inputSchema: z.object({city: z.string(), unit: z.enum(['celsius', 'fahrenheit']).default('celsius')}),
};

/** A second tool, with a plain JSON Schema. */
export const CLOCK_TOOL: LlmTool = {
  name: 'clock',
  description: 'The current time in a time zone.',
  inputSchema: {
    type: 'object',
    properties: {zone: {type: 'string'}},
    required: ['zone'],
    additionalProperties: false,
  },
};

/** Arguments with every awkward piece a model may split: escapes, `\u`, an emoji's two halves, nested values. */
export const AWKWARD_WEATHER_ARGUMENTS =
  '{"city": "Z\\u00fcrich \\"Old Town\\" \\ud83c\\udfd4\\n", "unit": "fahrenheit"}';

/** What `weatherAndClockTurn()` varies: the calls' ids, the assistant's text, and the clock's result. */
export interface WeatherAndClockTurn {
  readonly weatherId: string;
  readonly clockId: string;
  /** The assistant's text beside its calls; default `Let me look.` */
  readonly text?: string;
  /** The weather tool's result; default `{temperature: 21}`. */
  readonly weather?: unknown;
  /** The clock's result; default `09:30`. */
  readonly clock?: unknown;
  /** Whether the clock's result is an error; left out by default. */
  readonly clockFailed?: boolean;
}

/**
 * A conversation of one tool round: the user's question, the assistant's text with a weather and a clock call, and
 * both results. The specs of each adapter check how it sends them.
 * @param turn The ids, the text and the results.
 * @returns The messages, ending with the two results.
 */
export function weatherAndClockTurn(turn: WeatherAndClockTurn): LlmMessage[] {
  return [
    {role: 'user', content: 'Weather in Paris and the time in Tokyo?'},
    {
      role: 'assistant',
      content: turn.text ?? 'Let me look.',
      toolCalls: [
        {toolCallId: turn.weatherId, toolName: 'weather', input: {city: 'Paris', unit: 'celsius'}},
        {toolCallId: turn.clockId, toolName: 'clock', input: {zone: 'Asia/Tokyo'}},
      ],
    },
    {role: 'tool', toolCallId: turn.weatherId, toolName: 'weather', output: turn.weather ?? {temperature: 21}},
    {
      role: 'tool',
      toolCallId: turn.clockId,
      toolName: 'clock',
      output: turn.clock ?? '09:30',
      ...(turn.clockFailed !== undefined && {isError: turn.clockFailed}),
    },
  ];
}

function usageOf(chunks: readonly LlmChunk[]): LlmUsage | undefined {
  const last = chunks[chunks.length - 1];
  return last?.type === 'usage' ? last.usage : undefined;
}

function partsOf<T extends LlmChunk['type']>(chunks: readonly LlmChunk[], type: T): Extract<LlmChunk, {type: T}>[] {
  return chunks.filter((chunk): chunk is Extract<LlmChunk, {type: T}> => chunk.type === type);
}

/**
 * Defines the tool-call specs of one adapter.
 * @param target The adapter, and where its request carries the tools.
 */
export function describeToolCallMatrix(target: ToolCallTarget): void {
  const llm = () => target.create({apiKey: target.apiKey});
  const tag = (name: string) => uniqueTag(`${target.label}-tools`, name);
  const ask = (scenario: MockScenario, request: Partial<LlmRequest> = {}) =>
    scenarioRequest(scenario, {
      userPrompt: 'What is the weather in Paris?',
      tools: [WEATHER_TOOL, CLOCK_TOOL],
      ...request,
    });
  const run = (scenario: MockScenario, request: Partial<LlmRequest> = {}): Promise<StreamOutcome> =>
    runStream(llm().stream(ask(scenario, request)));
  // The argument text the stream shows for the text the mock sent: a provider that sends whole calls gives the
  // arguments parsed (its SDK parses them), so the adapter streams them as JSON again, without the original
  // spacing and escapes.
  const streamedArguments = (text: string) => (target.wholeCalls ? JSON.stringify(JSON.parse(text)) : text);

  it('sends the tools, streams a call as start, argument deltas and one validated end, then tool-calls usage', async () => {
    const scenarioTag = tag('single');
    const outcome = await run({tag: scenarioTag, toolArgs: '{"city": "Paris"}', toolChunks: 5, outputTokens: 11});
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const types = outcome.chunks.map(chunk => chunk.type);
    expect(types[0]).toBe('tool-call-start');
    expect(types.slice(-2)).toEqual(['tool-call-end', 'usage']);
    const [start] = partsOf(outcome.chunks, 'tool-call-start');
    expect(start.toolName).toBe('weather');
    expect(start.toolCallId).not.toBe('');
    const deltas = partsOf(outcome.chunks, 'tool-call-delta');
    expect(deltas.map(delta => delta.argumentsDelta).join('')).toBe(streamedArguments('{"city": "Paris"}'));
    expect(deltas.every(delta => delta.toolCallId === start.toolCallId && delta.toolName === 'weather')).toBeTrue();
    if (target.wholeCalls) {
      expect(deltas.length).toBe(1);
    } else {
      expect(deltas.length).toBe(5);
      // The arguments are shown as they grow: part of the city appears before the call ends (the mock's five
      // pieces of '{"city": "Paris"}' end at '"Pari').
      const cities = deltas.map(delta => (delta.partialInput as {city?: string} | undefined)?.city ?? '');
      expect(cities.some(city => city !== '' && city !== 'Paris' && 'Paris'.startsWith(city)))
        .withContext(JSON.stringify(cities))
        .toBeTrue();
    }
    const [end] = partsOf(outcome.chunks, 'tool-call-end');
    // Validated by the tool's schema: its default is applied.
    expect(end).toEqual(
      jasmine.objectContaining({
        toolCallId: start.toolCallId,
        toolName: 'weather',
        input: {city: 'Paris', unit: 'celsius'},
      }),
    );
    expect(end.issues).toBeUndefined();
    const usage = usageOf(outcome.chunks);
    expect(usage?.finishReason.unified).toBe('tool-calls');
    expect(usage?.outputTokens).toBe(11);
    expect(usage?.provider).toBe(target.provider);
    const [record] = await fetchMockRequests(scenarioTag);
    expect(target.toolNamesInBody(record.body)).toEqual(['weather', 'clock']);
  });

  it('streams parallel calls with their own ids, in order', async () => {
    const outcome = await run({tag: tag('parallel'), toolCalls: 3});
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const ends = partsOf(outcome.chunks, 'tool-call-end');
    expect(ends.map(end => end.toolName)).toEqual(['weather', 'clock', 'weather']);
    expect(new Set(ends.map(end => end.toolCallId)).size).toBe(3);
    expect(ends.every(end => end.issues === undefined))
      .withContext(JSON.stringify(ends))
      .toBeTrue();
    expect(partsOf(outcome.chunks, 'tool-call-start').map(start => start.toolCallId)).toEqual(
      ends.map(end => end.toolCallId),
    );
    expect(usageOf(outcome.chunks)?.finishReason.unified).toBe('tool-calls');
  });

  it('parses arguments split at every character, escapes and surrogate pairs included', async () => {
    const outcome = await run({
      tag: tag('split'),
      toolArgs: AWKWARD_WEATHER_ARGUMENTS,
      toolChunks: Array.from(AWKWARD_WEATHER_ARGUMENTS).length,
    });
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [end] = partsOf(outcome.chunks, 'tool-call-end');
    expect(end.input).toEqual(JSON.parse(AWKWARD_WEATHER_ARGUMENTS));
    expect(end.argumentsText).toBe(streamedArguments(AWKWARD_WEATHER_ARGUMENTS));
    for (const delta of partsOf(outcome.chunks, 'tool-call-delta')) {
      const city = (delta.partialInput as {city?: string} | undefined)?.city ?? '';
      expect(/[\ud800-\udbff]$/.test(city))
        .withContext(city)
        .toBeFalse();
    }
  });

  if (!target.wholeCalls) {
    // A provider that sends whole calls has only valid JSON arguments (its SDK parses them).
    it('ends a call whose arguments are not JSON with issues, and the stream goes on to its usage', async () => {
      const outcome = await run({tag: tag('bad-json'), toolArgs: '{"city": "Par'});
      expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
      const [end] = partsOf(outcome.chunks, 'tool-call-end') as LlmToolCallEnd[];
      expect(end.input).toBeUndefined();
      expect(end.argumentsText).toBe('{"city": "Par');
      expect(end.issues?.[0].position).toBe('{"city": "Par'.length);
      expect(usageOf(outcome.chunks)?.finishReason.unified).toBe('tool-calls');
    });
  }

  it('ends a call whose arguments do not match the schema with the issues and the parsed value', async () => {
    const outcome = await run({tag: tag('mismatch'), toolArgs: '{"city": 7, "unit": "kelvin"}'});
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [end] = partsOf(outcome.chunks, 'tool-call-end');
    expect(end.input).toEqual({city: 7, unit: 'kelvin'});
    expect(end.issues?.map(issue => issue.path.join('.')).sort()).toEqual(['city', 'unit']);
  });

  it('ends a call of a tool the request does not have with an issue naming it', async () => {
    const outcome = await run({tag: tag('unknown'), toolName: 'stocks', toolArgs: '{}'});
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [end] = partsOf(outcome.chunks, 'tool-call-end');
    expect(end.toolName).toBe('stocks');
    expect(end.issues?.[0].message).toContain('"stocks"');
  });

  it('sends a named tool choice (the model calls that tool) and "none" (the model answers in text)', async () => {
    const forced = await run({tag: tag('forced')}, {toolChoice: {tool: 'clock'}});
    expect(forced.error).withContext(String(forced.error)).toBeUndefined();
    expect(partsOf(forced.chunks, 'tool-call-end').map(end => end.toolName)).toEqual(['clock']);
    const none = await run({tag: tag('none'), text: 'It is sunny.'}, {toolChoice: 'none'});
    expect(none.error).withContext(String(none.error)).toBeUndefined();
    expect(partsOf(none.chunks, 'tool-call-start')).toEqual([]);
    expect(usageOf(none.chunks)?.finishReason.unified).toBe('stop');
  });

  it('sends the assistant tool calls and the tool results of a conversation, and the model answers', async () => {
    const scenarioTag = tag('multi-turn');
    const messages = weatherAndClockTurn({
      weatherId: 'call_w1',
      clockId: 'call_c1',
      weather: {temperature: 21, sky: 'clear'},
      clockFailed: false,
    });
    const outcome = await runStream(
      llm().stream(
        scenarioRequest(
          {tag: scenarioTag, text: 'Sunny, 21 °C; 09:30 in Tokyo.'},
          {
            userPrompt: undefined,
            messages,
            tools: [WEATHER_TOOL, CLOCK_TOOL],
          },
        ),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    // The mock counted one tool round in the body it received: the model answers instead of calling again.
    expect(partsOf(outcome.chunks, 'tool-call-start')).toEqual([]);
    expect(outcome.chunks.filter(chunk => chunk.type === 'text-delta').length).toBeGreaterThan(0);
    const [record] = await fetchMockRequests(scenarioTag);
    const body = JSON.stringify(record.body);
    // Both calls' ids (or names, for a provider without ids) and both results reached the provider.
    expect(body).toContain('Asia/Tokyo');
    expect(body).toContain('09:30');
    expect(body).toContain('clear');
  });

  it('reports a mid-stream error inside a call as an LlmProviderError, never as a finished call', async () => {
    const outcome = await run({tag: tag('error'), toolArgs: '{"city": "Paris"}', toolChunks: 4, errorAfter: 3});
    expect(LlmProviderError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect(partsOf(outcome.chunks, 'tool-call-end')).toEqual([]);
    if (!target.wholeCalls) expect(partsOf(outcome.chunks, 'tool-call-start').length).toBe(1);
  });

  it('runs a tool loop over the real SDK: the tool runs, its result goes back, the model answers', async () => {
    const scenarioTag = tag('loop');
    const cities: string[] = [];
    const weather: LlmTool = {
      ...WEATHER_TOOL,
      execute: async (input: unknown) => {
        cities.push((input as {city: string}).city);
        return {temperature: 21, sky: 'clear'};
      },
    };
    const outcome = await runStream(
      runTools(
        llm(),
        scenarioRequest({tag: scenarioTag, toolArgs: '{"city": "Paris"}'}, {userPrompt: 'Weather?', tools: [weather]}),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    expect(cities).toEqual(['Paris']);
    expect(partsOf(outcome.chunks, 'tool-result')).toEqual([
      jasmine.objectContaining({toolName: 'weather', output: {temperature: 21, sky: 'clear'}, step: 0}),
    ]);
    const usage = usageOf(outcome.chunks);
    expect(usage?.steps?.length).toBe(2);
    expect(usage?.attempts.length).toBe(2);
    expect(usage?.finishReason.unified).toBe('stop');
    expect(usage?.inputTokens).toBe((usage?.steps ?? []).reduce((sum, step) => sum + step.inputTokens, 0));
    const records = await fetchMockRequests(scenarioTag);
    expect(records.length).toBe(2);
    expect(JSON.stringify(records[1].body)).toContain('clear');
  });

  it('stops a model that calls tools forever at the step limit', async () => {
    const scenarioTag = tag('forever');
    let runs = 0;
    const ping: LlmTool = {...CLOCK_TOOL, execute: () => ++runs};
    const outcome = await runStream(
      runTools(
        llm(),
        scenarioRequest({tag: scenarioTag, toolRounds: 1000, toolArgs: '{"zone": "UTC"}'}, {tools: [ping]}),
        {maxSteps: 3},
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    expect((await fetchMockRequests(scenarioTag)).length).toBe(3);
    expect(runs).toBe(3);
    expect(usageOf(outcome.chunks)?.finishReason.unified).toBe('tool-calls');
  });

  it('fails over before a call starts, and never after: a started call is content', async () => {
    const backup = () => target.create({apiKey: target.apiKey});
    const before = await runStream(
      cascade([llm(), backup()]).stream(ask({tag: tag('failover'), status: 503, failTimes: 1})),
    );
    expect(before.error).withContext(String(before.error)).toBeUndefined();
    expect(usageOf(before.chunks)?.attempts.map(attempt => attempt.outcome)).toEqual(['error', 'ok']);
    if (target.wholeCalls) return;
    const after = await runStream(
      cascade([llm(), backup()]).stream(
        ask({tag: tag('no-failover'), toolArgs: '{"city": "Paris"}', toolChunks: 4, errorAfter: 2}),
      ),
    );
    expect(LlmProviderError.isInstance(after.error)).withContext(String(after.error)).toBeTrue();
    expect(partsOf(after.chunks, 'tool-call-start').length).toBe(1);
    expect(
      (after.chunks as LlmChunk[]).filter((chunk): chunk is LlmToolCallDelta => chunk.type === 'tool-call-delta')
        .length,
    ).toBe(1);
  });
}
