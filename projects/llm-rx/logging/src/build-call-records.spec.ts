import {
  LlmCascadeError,
  LlmObjectError,
  LlmProviderError,
  LlmRefusalError,
  LlmTruncationError,
  type LlmAttempt,
  type LlmUsage,
  reportLlmAttempt,
} from 'llm-rx';
import {usagePart} from 'llm-rx/testing';
import {catchError, EMPTY, lastValueFrom, throwError} from 'rxjs';
import {
  attemptRecord,
  callRecord,
  type LoggedCallContext,
  type LoggedCallEnding,
  offersTools,
  outputNameOf,
  toolLoopOf,
} from './build-call-records';

const noScrub = (text: string) => text;

const context: LoggedCallContext = {
  traceId: 'trace-1',
  provider: 'cascade',
  model: 'claude',
  label: 'summary',
  apiKeyAlias: 'prod',
  outputName: null,
  loopId: null,
  step: null,
  toolCallCount: null,
};

function usage(overrides: Partial<LlmUsage>): LlmUsage {
  return usagePart(overrides).usage;
}

const start = {provider: 'anthropic', model: 'claude-haiku', startedAt: 1_000};

describe('attemptRecord', () => {
  it('writes an in-progress row for an attempt that started, with its own provider and model', () => {
    expect(attemptRecord(context, {id: 'row-1', start}, {index: 0, count: 1}, noScrub)).toEqual({
      id: 'row-1',
      traceId: 'trace-1',
      provider: 'anthropic',
      model: 'claude-haiku',
      label: 'summary',
      outputName: null,
      loopId: null,
      step: null,
      toolCallCount: null,
      apiKeyAlias: 'prod',
      status: 'in-progress',
      startedAt: 1_000,
      firstChunkAt: null,
      endedAt: null,
      timeToFirstChunkMs: null,
      responseTimeMs: null,
      inputTokens: null,
      outputTokens: null,
      cachedInputTokens: null,
      cacheWriteTokens: null,
      reasoningTokens: null,
      inputCost: null,
      outputCost: null,
      totalCost: null,
      finishReason: null,
      finishReasonRaw: null,
      errorType: null,
      errorMessage: null,
      attemptIndex: 0,
      attemptCount: 1,
    });
  });

  it('writes the outcome of an answered attempt with its own timings, billing and finish reason', () => {
    const answered = usage({
      inputTokens: 12,
      outputTokens: 34,
      totalCost: 0.3,
      finishReason: {unified: 'stop', raw: 'end_turn'},
    });
    const row = attemptRecord(
      context,
      {
        id: 'row-2',
        start,
        ended: {...answered.attempts[0], provider: 'anthropic', durationMs: 480, timeToFirstChunkMs: 90},
      },
      {index: 1, count: 2},
      noScrub,
    );
    expect(row).toEqual(
      jasmine.objectContaining({
        status: 'ok',
        startedAt: 1_000,
        firstChunkAt: 1_090,
        endedAt: 1_480,
        timeToFirstChunkMs: 90,
        responseTimeMs: 480,
        inputTokens: 12,
        outputTokens: 34,
        totalCost: 0.3,
        finishReason: 'stop',
        finishReasonRaw: 'end_turn',
        attemptIndex: 1,
        attemptCount: 2,
      }),
    );
  });

  it('keeps the billed usage of a failed attempt and scrubs its error message', () => {
    const error = new LlmProviderError('anthropic: 500 for key sk-abc', {provider: 'anthropic', statusCode: 500});
    const billed = {...usage({}).attempts[0].usage!, inputTokens: 7, totalCost: 0.01};
    const row = attemptRecord(
      context,
      {id: 'row-1', start, ended: {...start, outcome: 'error', error, usage: billed, durationMs: 40}},
      {index: 0, count: 1},
      text => text.replace('sk-abc', '[key]'),
    );
    expect(row).toEqual(
      jasmine.objectContaining({
        status: 'error',
        endedAt: 1_040,
        errorType: 'LlmProviderError',
        errorMessage: 'anthropic: 500 for key [key]',
        inputTokens: 7,
        totalCost: 0.01,
        timeToFirstChunkMs: null,
      }),
    );
  });

  it('writes a cancelled attempt with the time it ran', () => {
    const row = attemptRecord(
      context,
      {id: 'row-1', start, ended: {...start, outcome: 'cancelled', durationMs: 25, timeToFirstChunkMs: 10}},
      {index: 0, count: 1},
      noScrub,
    );
    expect([row.status, row.endedAt, row.firstChunkAt, row.inputTokens]).toEqual(['cancelled', 1_025, 1_010, null]);
  });

  it('describes a non-Error failure by its type', () => {
    const row = attemptRecord(
      context,
      {id: 'row-1', start, ended: {...start, outcome: 'error', error: 'boom'}},
      {index: 0, count: 1},
      noScrub,
    );
    expect([row.errorType, row.errorMessage, row.endedAt]).toEqual(['string', 'boom', null]);
  });
});

describe('callRecord', () => {
  const ending = (overrides: Partial<LoggedCallEnding>): LoggedCallEnding => ({
    id: 'call-1',
    status: 'ok',
    startedAt: 1_000,
    firstChunkAt: 1_100,
    endedAt: 1_500,
    ...overrides,
  });

  it("writes one row for a call that reported no attempt, from the wrapped Llm's provider and its own timings", () => {
    const row = callRecord(context, ending({status: 'cancelled'}), noScrub);
    expect(row).toEqual(
      jasmine.objectContaining({
        id: 'call-1',
        provider: 'cascade',
        model: 'claude',
        status: 'cancelled',
        timeToFirstChunkMs: 100,
        responseTimeMs: 500,
        inputTokens: null,
        attemptIndex: 0,
        attemptCount: 1,
      }),
    );
  });

  it('takes who answered, tokens, cost, timings and finish reason from the usage part', () => {
    const answered = usage({
      provider: 'openai',
      model: 'gpt-5-mini',
      inputTokens: 12,
      timeToFirstChunkMs: 90,
      responseTimeMs: 480,
    });
    const row = callRecord(context, ending({usage: answered}), noScrub);
    expect([
      row.provider,
      row.model,
      row.inputTokens,
      row.timeToFirstChunkMs,
      row.responseTimeMs,
      row.finishReason,
    ]).toEqual(['openai', 'gpt-5-mini', 12, 90, 480, 'stop']);
  });

  it('names the failing provider of an error, keeps its billing, and shows the last error of a cascade', () => {
    const error = new LlmProviderError('connection reset', {
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      usage: {...usage({}).attempts[0].usage!, inputTokens: 9},
    });
    const row = callRecord(context, ending({status: 'error', error}), noScrub);
    expect([row.provider, row.model, row.inputTokens, row.errorMessage]).toEqual([
      'gemini',
      'gemini-2.5-flash',
      9,
      'connection reset',
    ]);
    const cascadeError = new LlmCascadeError([
      {provider: 'a', model: 'm', outcome: 'error', error: new Error('a down')},
    ]);
    expect(callRecord(context, ending({status: 'error', error: cascadeError}), noScrub).errorMessage).toBe('a down');
  });

  it('keeps the usage and finish reason of a truncated answer', () => {
    const cut = usage({outputTokens: 50, finishReason: {unified: 'length', raw: 'max_tokens'}});
    const row = callRecord(
      context,
      ending({status: 'error', error: new LlmTruncationError('partial', cut, 50)}),
      noScrub,
    );
    expect([row.errorType, row.outputTokens, row.finishReason]).toEqual(['LlmTruncationError', 50, 'length']);
  });
});

describe('outputNameOf', () => {
  const schema = {type: 'object', properties: {}};

  it("is the output's name, response without one, and null for prose", () => {
    expect(outputNameOf({userPrompt: 'Hi', output: {schema, name: 'contact'}})).toBe('contact');
    expect(outputNameOf({userPrompt: 'Hi', output: {schema}})).toBe('response');
    expect(outputNameOf({userPrompt: 'Hi'})).toBeNull();
    expect(outputNameOf(undefined)).toBeNull();
  });

  it('keeps a name the core refuses as given, so that the failing call site can be found', () => {
    expect(outputNameOf({userPrompt: 'Hi', output: {schema, name: 'not a valid name!'}})).toBe('not a valid name!');
  });
});

describe('toolLoopOf and offersTools', () => {
  const tool = {name: 'weather', inputSchema: {type: 'object', properties: {}}};

  it("is the loop's id and step as runTools() sets them, and null outside a loop", () => {
    expect(toolLoopOf({userPrompt: 'Hi', toolLoop: {id: 'loop-1', step: 2}})).toEqual({loopId: 'loop-1', step: 2});
    expect(toolLoopOf({userPrompt: 'Hi', toolLoop: {id: 'loop-1', step: 0}})).toEqual({loopId: 'loop-1', step: 0});
    expect(toolLoopOf({userPrompt: 'Hi'})).toEqual({loopId: null, step: null});
    expect(toolLoopOf(undefined)).toEqual({loopId: null, step: null});
  });

  it('records no loop marker that runTools() could not have written', () => {
    for (const toolLoop of [
      {id: 7, step: 0},
      {id: 'loop-1', step: -1},
      {id: 'loop-1', step: 1.5},
      {id: 'loop-1'},
      null,
    ]) {
      const request = {userPrompt: 'Hi', toolLoop} as unknown as Parameters<typeof toolLoopOf>[0];
      expect(toolLoopOf(request)).withContext(JSON.stringify(toolLoop)).toEqual({loopId: null, step: null});
    }
  });

  it('tells a request that offers tools from one without', () => {
    expect(offersTools({userPrompt: 'Hi', tools: [tool]})).toBeTrue();
    expect(offersTools({userPrompt: 'Hi', tools: []})).toBeFalse();
    expect(offersTools({userPrompt: 'Hi'})).toBeFalse();
    expect(offersTools(undefined)).toBeFalse();
  });

  it("puts the loop, the step and the tool call count on the attempt's row and the call's row", () => {
    const loopContext = {...context, loopId: 'loop-1', step: 1, toolCallCount: 2};
    const rows = [
      attemptRecord(loopContext, {id: 'row-1', start}, {index: 0, count: 1}, noScrub),
      callRecord(
        loopContext,
        {id: 'call-1', status: 'ok', startedAt: 1_000, firstChunkAt: null, endedAt: 1_500},
        noScrub,
      ),
    ];
    for (const row of rows) expect([row.loopId, row.step, row.toolCallCount]).toEqual(['loop-1', 1, 2]);
  });
});

describe('the rows of an answer error (object or refusal)', () => {
  const billedUsage = usage({
    provider: 'openai',
    model: 'gpt-4.1-mini',
    inputTokens: 42,
    outputTokens: 9,
    inputCost: 0.0001,
    outputCost: 0.0002,
    totalCost: 0.0003,
    finishReason: {unified: 'stop', raw: 'stop'},
  });
  const objectError = new LlmObjectError(
    {
      kind: 'schema-mismatch',
      schemaName: 'contact',
      rawText: '{"name": 1}',
      issues: [{message: 'bad', path: ['name']}],
    },
    billedUsage,
  );
  const refusal = new LlmRefusalError("I can't help with that.", {
    ...billedUsage,
    finishReason: {unified: 'content-filter', raw: 'refusal'},
  });
  const objectContext = {...context, outputName: 'contact'};

  /** The attempt a stream that fails with the error reports, as fromProviderStream and MockLlm report theirs. */
  async function reportedAttempt(error: unknown): Promise<LlmAttempt> {
    let attempt: LlmAttempt | undefined;
    await lastValueFrom(
      throwError(() => error).pipe(
        reportLlmAttempt(
          {userPrompt: 'Hi', onAttempt: () => done => (attempt = done)},
          {provider: 'openai', model: 'gpt-4.1-mini'},
        ),
        catchError(() => EMPTY),
      ),
      {defaultValue: null},
    );
    expect(attempt?.outcome).toBe('error');
    return attempt!;
  }

  for (const [name, error] of [
    ['LlmObjectError', objectError],
    ['LlmRefusalError', refusal],
  ] as const) {
    it(`keeps the tokens, cost and errorType of an ${name} on the attempt row and the call row`, async () => {
      const attempt = await reportedAttempt(error);
      const attemptRow = attemptRecord(
        objectContext,
        {id: 'row-1', start, ended: attempt},
        {index: 0, count: 1},
        noScrub,
      );
      const callRow = callRecord(
        objectContext,
        {id: 'call-1', status: 'error', startedAt: 1_000, firstChunkAt: 1_100, endedAt: 1_500, error},
        noScrub,
      );
      for (const row of [attemptRow, callRow]) {
        expect(row).toEqual(
          jasmine.objectContaining({
            status: 'error',
            outputName: 'contact',
            errorType: name,
            inputTokens: 42,
            outputTokens: 9,
            inputCost: 0.0001,
            outputCost: 0.0002,
            totalCost: 0.0003,
            finishReason: error.usage.finishReason.unified,
          }),
        );
      }
    });
  }
});
