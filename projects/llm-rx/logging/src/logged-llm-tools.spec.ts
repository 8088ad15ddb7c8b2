import {
  cascade,
  type LlmBodyRecord,
  type LlmCallRecord,
  type LlmChunk,
  type LlmMessage,
  LlmProviderError,
  type LlmRequest,
  type LlmTool,
} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';
import {catchError, EMPTY, firstValueFrom, lastValueFrom} from 'rxjs';
import type {LlmRedactionKind} from './build-body-record';
import {createLlmCallLog} from './create-llm-call-log';
import type {LlmCallLog, LlmCallLogOptions} from './llm-call-log';
import {loggedLlm} from './log-llm-calls';

const weather: LlmTool = {
  name: 'weather',
  description: 'The weather in a city today.',
  inputSchema: {type: 'object', properties: {city: {type: 'string'}, notify: {type: 'string'}}, required: ['city']},
};

/** The parts of one tool call as `fromProviderStream` streams them: start, the arguments in two pieces, end. */
function toolCallChunks(toolCallId: string, input: Record<string, unknown>): LlmChunk[] {
  const text = JSON.stringify(input);
  return [
    {type: 'tool-call-start', toolCallId, toolName: 'weather'},
    {type: 'tool-call-delta', toolCallId, toolName: 'weather', argumentsDelta: text.slice(0, 5)},
    {type: 'tool-call-delta', toolCallId, toolName: 'weather', argumentsDelta: text.slice(5), partialInput: input},
    {type: 'tool-call-end', toolCallId, toolName: 'weather', input, argumentsText: text},
  ];
}

const paris = {city: 'Paris', notify: 'ada@example.com'};
const lyon = {city: 'Lyon'};
const question: LlmMessage = {role: 'user', content: 'The weather in Paris and Lyon? Tell ada@example.com.'};
/** The second step's conversation, as runTools() builds it: the question, the tool calls, their results. */
const secondStepMessages: readonly LlmMessage[] = [
  question,
  {
    role: 'assistant',
    content: '',
    toolCalls: [
      {toolCallId: 'call-1', toolName: 'weather', input: paris},
      {toolCallId: 'call-2', toolName: 'weather', input: lyon},
    ],
  },
  {role: 'tool', toolCallId: 'call-1', toolName: 'weather', output: {sky: 'sunny', notified: 'ada@example.com'}},
  {role: 'tool', toolCallId: 'call-2', toolName: 'weather', output: 'Lyon: station offline', isError: true},
];

const down = new LlmProviderError('anthropic: overloaded', {provider: 'anthropic', statusCode: 529});

/**
 * Streams the two steps of one tool loop as runTools() would: one call per step, each request with the loop's
 * marker. Each step is a cascade whose first model is down, so that every step's call has two rows.
 */
async function runTwoStepLoop(log: LlmCallLog, loopId = 'loop-1'): Promise<void> {
  const answering = new MockLlm({
    provider: 'openai',
    model: 'gpt',
    script: [
      {
        chunks: [...toolCallChunks('call-1', paris), ...toolCallChunks('call-2', lyon)],
        tokens: {inputTokens: 30, outputTokens: 12},
        cost: {inputCost: 0.002, outputCost: 0.001, totalCost: 0.003},
        finishReason: {unified: 'tool-calls', raw: 'tool_calls'},
      },
      {
        chunks: ['Sunny in Paris; no news from Lyon.'],
        tokens: {inputTokens: 60, outputTokens: 9},
        cost: {inputCost: 0.004, outputCost: 0.001, totalCost: 0.005},
      },
    ],
  });
  const llm = loggedLlm(
    cascade([new MockLlm({provider: 'anthropic', model: 'claude', script: {error: down}}), answering]),
    {log},
  );
  const step = (messages: readonly LlmMessage[], index: number): LlmRequest => ({
    messages,
    tools: [weather],
    toolLoop: {id: loopId, step: index},
  });
  await lastValueFrom(llm.stream(step([question], 0)));
  await lastValueFrom(llm.stream(step(secondStepMessages, 1)));
  await log.flush();
}

/** The rows by step, then attempt. */
async function rowsByStep(log: LlmCallLog): Promise<LlmCallRecord[]> {
  const rows = await log.database.calls.toArray();
  return rows.sort((left, right) => (left.step ?? -1) - (right.step ?? -1) || left.attemptIndex - right.attemptIndex);
}

/** The body of each step, by step. */
async function bodiesByStep(log: LlmCallLog): Promise<(LlmBodyRecord | undefined)[]> {
  const rows = (await rowsByStep(log)).filter(row => row.attemptIndex === 0);
  return Promise.all(rows.map(row => log.database.bodies.get(row.id)));
}

// What the log keeps of a tool loop: each step's call rows linked by the loop's id and step, with the count of tool
// calls; the answer's tool calls in the step's body, and their results in the next step's request.
describe('loggedLlm with tools', () => {
  let databaseName: string;
  let log: LlmCallLog;

  function openLog(options: Omit<LlmCallLogOptions, 'databaseName'> = {}): LlmCallLog {
    log = createLlmCallLog({databaseName, ...options});
    return log;
  }

  beforeEach(() => (databaseName = uniqueDatabaseName()));

  afterEach(async () => {
    await log.close();
    await deleteDatabase(databaseName);
  });

  it("records the loop, the step and the tool call count on every row of each step's call", async () => {
    openLog();
    await runTwoStepLoop(log);
    await lastValueFrom(loggedLlm(new MockLlm({script: {chunks: ['prose']}}), {log}).stream({userPrompt: 'Hi'}));
    await log.flush();

    const rows = await rowsByStep(log);
    expect(
      rows.map(row => [row.provider, row.status, row.loopId, row.step, row.toolCallCount, row.finishReason]),
    ).toEqual([
      ['mock-provider', 'ok', null, null, null, 'stop'],
      ['anthropic', 'error', 'loop-1', 0, 2, null],
      ['openai', 'ok', 'loop-1', 0, 2, 'tool-calls'],
      ['anthropic', 'error', 'loop-1', 1, 0, null],
      ['openai', 'ok', 'loop-1', 1, 0, 'stop'],
    ]);

    // Steps and attempts may start in the same millisecond: compare as sets.
    const loopRows = await firstValueFrom(log.recentCalls({loopId: 'loop-1'}));
    expect(loopRows.map(row => [row.step, row.provider])).toEqual(
      jasmine.arrayWithExactContents([
        [1, 'openai'],
        [1, 'anthropic'],
        [0, 'openai'],
        [0, 'anthropic'],
      ]),
    );
    const loopTotals = await firstValueFrom(log.totals({loopId: 'loop-1'}));
    expect([loopTotals.calls, loopTotals.inputTokens]).toEqual([4, 90]);
    expect(loopTotals.totalCost).toBeCloseTo(0.008, 10);

    const [header, ...lines] = (await log.exportCalls('csv', {loopId: 'loop-1'})).trimEnd().split('\r\n');
    const columns = header.split(',');
    const cells = lines.map(line => {
      const fields = line.split(',');
      return ['loopId', 'step', 'toolCallCount'].map(column => fields[columns.indexOf(column)]);
    });
    expect(cells).toEqual(
      jasmine.arrayWithExactContents([
        ['loop-1', '0', '2'],
        ['loop-1', '0', '2'],
        ['loop-1', '1', '0'],
        ['loop-1', '1', '0'],
      ]),
    );
  });

  it("stores the answer's tool calls in its step's body, and their results in the next step's request", async () => {
    openLog();
    await runTwoStepLoop(log);
    const [first, second] = await bodiesByStep(log);
    expect(first?.response).toEqual({
      text: '',
      reasoning: '',
      toolCalls: [
        {toolCallId: 'call-1', toolName: 'weather', input: paris},
        {toolCallId: 'call-2', toolName: 'weather', input: lyon},
      ],
    });
    expect(second?.request?.messages?.filter(message => message.role === 'tool')).toEqual([
      {role: 'tool', toolCallId: 'call-1', toolName: 'weather', output: {sky: 'sunny', notified: 'ada@example.com'}},
      {role: 'tool', toolCallId: 'call-2', toolName: 'weather', output: 'Lyon: station offline', isError: true},
    ]);
    expect(second?.response).toEqual({text: 'Sunny in Paris; no news from Lyon.', reasoning: ''});
  });

  it("gives a step's details with every step of its loop, its rows and body", async () => {
    openLog();
    await runTwoStepLoop(log);
    await runTwoStepLoop(log, 'loop-2');
    const rows = await rowsByStep(log);
    const firstStepRow = rows.find(row => row.loopId === 'loop-1' && row.step === 0 && row.attemptIndex === 1)!;
    const details = await firstValueFrom(log.callDetails(firstStepRow.id));
    expect(details?.loop.map(step => [step.step, step.attempts.map(row => row.provider)])).toEqual([
      [0, ['anthropic', 'openai']],
      [1, ['anthropic', 'openai']],
    ]);
    expect(details?.loop.flatMap(step => step.attempts.map(row => row.loopId))).toEqual(Array(4).fill('loop-1'));
    expect(details?.loop[0].traceId).toBe(firstStepRow.traceId);
    expect(details?.loop[0].body?.response?.toolCalls?.map(call => call.toolCallId)).toEqual(['call-1', 'call-2']);
    expect(details?.loop[1].body?.request?.messages).toHaveSize(4);

    await lastValueFrom(loggedLlm(new MockLlm({script: {chunks: ['prose']}}), {log}).stream({userPrompt: 'Hi'}));
    await log.flush();
    const prose = (await log.database.calls.toArray()).find(row => row.loopId === null)!;
    expect((await firstValueFrom(log.callDetails(prose.id)))?.loop).toEqual([]);
  });

  it('stores no body with storeBodies false, and still counts the tool calls', async () => {
    openLog({storeBodies: false});
    await runTwoStepLoop(log);
    expect(await log.database.bodies.count()).toBe(0);
    expect((await rowsByStep(log)).map(row => row.toolCallCount)).toEqual([2, 2, 0, 0]);
    const details = await firstValueFrom(log.callDetails((await rowsByStep(log))[0].id));
    expect(details?.loop.map(step => step.body)).toEqual([undefined, undefined]);
  });

  it("passes tool calls' inputs and tool results through the redaction hook", async () => {
    const kinds = new Map<string, LlmRedactionKind>();
    openLog({
      redact: (text, kind) => {
        kinds.set(text, kind);
        return text.replace(/[\w.]+@[\w.]+/g, '[email]');
      },
    });
    await runTwoStepLoop(log);
    const [first, second] = await bodiesByStep(log);
    expect(first?.response?.toolCalls?.[0].input).toEqual({city: 'Paris', notify: '[email]'});
    const messages = second?.request?.messages ?? [];
    expect(messages[1]).toEqual(
      jasmine.objectContaining({
        toolCalls: [jasmine.objectContaining({input: {city: 'Paris', notify: '[email]'}}), jasmine.anything()],
      }),
    );
    expect(messages[2]).toEqual(jasmine.objectContaining({output: {sky: 'sunny', notified: '[email]'}}));
    expect(kinds.get('notify')).toBe('response');
    expect(kinds.get('notified')).toBe('prompt');
    expect(JSON.stringify(await log.database.bodies.toArray())).not.toContain('example.com');
  });

  it('keeps the tool calls that ended before a stream failed, and counts them', async () => {
    openLog();
    const broken = new LlmProviderError('openai: connection reset', {provider: 'openai', statusCode: 502});
    const llm = loggedLlm(
      new MockLlm({
        provider: 'openai',
        model: 'gpt',
        script: {
          chunks: [...toolCallChunks('call-1', lyon), ...toolCallChunks('call-2', paris).slice(0, 2)],
          error: broken,
        },
      }),
      {log},
    );
    await lastValueFrom(
      llm
        .stream({messages: [question], tools: [weather], toolLoop: {id: 'loop-1', step: 0}})
        .pipe(catchError(() => EMPTY)),
      {defaultValue: null},
    );
    await log.flush();
    const [row] = await log.database.calls.toArray();
    expect([row.status, row.loopId, row.step, row.toolCallCount]).toEqual(['error', 'loop-1', 0, 1]);
    expect((await log.database.bodies.get(row.id))?.response?.toolCalls).toEqual([
      {toolCallId: 'call-1', toolName: 'weather', input: lyon},
    ]);
  });
});
