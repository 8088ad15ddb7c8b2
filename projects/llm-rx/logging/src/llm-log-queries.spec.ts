import type {LlmCallPage} from 'llm-rx';
import {LlmLogDatabase} from './llm-log-database';
import {callBreakdown, callDetails, callTotals, recentCalls} from './llm-log-queries';
import {callRow, deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';

describe('call log queries', () => {
  const t0 = Date.UTC(2025, 2, 1, 10);
  let name: string;
  let database: LlmLogDatabase;

  beforeEach(async () => {
    name = uniqueDatabaseName();
    database = new LlmLogDatabase(name);
    await database.calls.bulkAdd([
      callRow({id: 'a1', provider: 'openai', model: 'gpt', startedAt: t0, label: 'chat', totalCost: 1}),
      callRow({
        id: 'a2',
        provider: 'openai',
        model: 'gpt',
        startedAt: t0 + 1_000,
        status: 'error',
        totalCost: null,
        responseTimeMs: 3_000,
      }),
      callRow({
        id: 'b1',
        provider: 'anthropic',
        model: 'claude',
        startedAt: t0 + 2_000,
        totalCost: 2,
        traceId: 'trace-b',
        attemptCount: 2,
      }),
      callRow({
        id: 'b2',
        provider: 'gemini',
        model: 'flash',
        startedAt: t0 + 3_000,
        totalCost: 4,
        traceId: 'trace-b',
        attemptIndex: 1,
        attemptCount: 2,
      }),
      callRow({id: 'c1', provider: 'openai', model: 'mini', startedAt: t0 + 86_400_000, label: 'chat', totalCost: 8}),
    ]);
    await database.bodies.add({
      id: 'b2',
      traceId: 'trace-b',
      request: {userPrompt: 'Q'},
      response: {text: 'A', reasoning: ''},
    });
  });

  afterEach(async () => {
    database.close();
    await deleteDatabase(name);
  });

  it('pages recent calls newest first, with every filter combination', async () => {
    const ids = async (page: LlmCallPage) => (await recentCalls(database, page)).map(call => call.id);
    expect(await ids({})).toEqual(['c1', 'b2', 'b1', 'a2', 'a1']);
    expect(await ids({limit: 2, offset: 1})).toEqual(['b2', 'b1']);
    expect(await ids({provider: 'openai'})).toEqual(['c1', 'a2', 'a1']);
    expect(await ids({provider: 'openai', model: 'gpt', status: 'ok'})).toEqual(['a1']);
    expect(await ids({model: 'gpt', status: 'error'})).toEqual(['a2']);
    expect(await ids({status: 'ok', from: t0 + 1, to: t0 + 3_000})).toEqual(['b2', 'b1']);
    expect(await ids({label: 'chat', offset: 1})).toEqual(['a1']);
    expect(await ids({provider: 'openai', from: t0 + 500, limit: 1})).toEqual(['c1']);
    expect(await ids({to: t0})).toEqual(['a1']);
  });

  it('pages unfiltered recent calls by time, whatever order their ids sort in', async () => {
    // Random ids say nothing about time: the newest id sorts first, the oldest last.
    await database.calls.bulkAdd([
      callRow({id: '0-newest', startedAt: t0 + 10 * 86_400_000}),
      callRow({id: 'zz-oldest', startedAt: t0 - 86_400_000}),
    ]);
    const ids = async (page: LlmCallPage) => (await recentCalls(database, page)).map(call => call.id);
    expect(await ids({})).toEqual(['0-newest', 'c1', 'b2', 'b1', 'a2', 'a1', 'zz-oldest']);
    expect(await ids({limit: 2})).toEqual(['0-newest', 'c1']);
    expect(await ids({offset: 6})).toEqual(['zz-oldest']);
  });

  it('filters by the schema name of structured-output calls, through its index and with every other filter', async () => {
    await database.calls.bulkAdd([
      callRow({
        id: 'o1',
        provider: 'openai',
        model: 'gpt',
        startedAt: t0 + 4_000,
        outputName: 'contact',
        totalCost: 16,
      }),
      callRow({
        id: 'o2',
        provider: 'anthropic',
        model: 'claude',
        startedAt: t0 + 5_000,
        outputName: 'contact',
        status: 'error',
        label: 'crm',
      }),
      callRow({id: 'o3', provider: 'openai', model: 'gpt', startedAt: t0 + 6_000, outputName: 'invoice'}),
    ]);
    const ids = async (page: LlmCallPage) => (await recentCalls(database, page)).map(call => call.id);
    expect(await ids({outputName: 'contact'})).toEqual(['o2', 'o1']);
    expect(await ids({outputName: 'invoice'})).toEqual(['o3']);
    expect(await ids({outputName: 'contact', provider: 'openai'})).toEqual(['o1']);
    expect(await ids({outputName: 'contact', model: 'claude'})).toEqual(['o2']);
    expect(await ids({outputName: 'contact', status: 'ok'})).toEqual(['o1']);
    expect(await ids({outputName: 'contact', label: 'crm'})).toEqual(['o2']);
    expect(await ids({outputName: 'contact', from: t0 + 4_500})).toEqual(['o2']);
    expect(await ids({outputName: 'contact', to: t0 + 4_500})).toEqual(['o1']);
    expect(await ids({provider: 'openai', model: 'gpt', status: 'ok'})).toEqual(['o3', 'o1', 'a1']);
    expect(await ids({outputName: 'none'})).toEqual([]);
    expect((await callTotals(database, {outputName: 'contact'})).totalCost).toBeCloseTo(16.003, 10);
  });

  it("filters by a tool loop through its index, and gives a step's details with the loop's steps by step", async () => {
    const step = (id: string, index: number, startedAt: number, overrides: Parameters<typeof callRow>[0] = {}) =>
      callRow({id, traceId: `trace-${id}`, loopId: 'loop-1', step: index, startedAt, toolCallCount: 1, ...overrides});
    await database.calls.bulkAdd([
      // The second step, whose first attempt failed, started "before" the first: the wall clock went back between
      // them (startedAt is Date.now()), so the steps come in step order, not start order.
      step('s1', 1, t0 + 5_000, {provider: 'anthropic', attemptCount: 2, toolCallCount: 0}),
      step('s1b', 1, t0 + 5_500, {traceId: 'trace-s1', attemptIndex: 1, attemptCount: 2, toolCallCount: 0}),
      step('s0', 0, t0 + 7_000, {label: 'agent'}),
      callRow({id: 'other', loopId: 'loop-2', step: 0, startedAt: t0 + 6_000}),
    ]);
    await database.bodies.add({id: 's0', traceId: 'trace-s0', request: {userPrompt: 'Go'}, response: null});
    const ids = async (page: LlmCallPage) => (await recentCalls(database, page)).map(call => call.id);
    expect(await ids({loopId: 'loop-1'})).toEqual(['s0', 's1b', 's1']);
    expect(await ids({loopId: 'loop-1', provider: 'anthropic'})).toEqual(['s1']);
    expect(await ids({loopId: 'loop-1', label: 'agent'})).toEqual(['s0']);
    expect(await ids({loopId: 'loop-1', from: t0 + 5_200, to: t0 + 6_000})).toEqual(['s1b']);
    expect(await ids({loopId: 'loop-3'})).toEqual([]);
    expect((await callTotals(database, {loopId: 'loop-1'})).calls).toBe(3);

    const details = await callDetails(database, 's1b');
    expect(details?.attempts.map(call => call.id)).toEqual(['s1', 's1b']);
    expect(
      details?.loop.map(({step: index, traceId, attempts}) => [index, traceId, attempts.map(call => call.id)]),
    ).toEqual([
      [0, 'trace-s0', ['s0']],
      [1, 'trace-s1', ['s1', 's1b']],
    ]);
    expect(details?.loop.map(({body}) => body?.id)).toEqual(['s0', undefined]);
    expect((await callDetails(database, 'a1'))?.loop)
      .withContext('a row outside a loop')
      .toEqual([]);
  });

  it('sums totals, with latency percentiles, over a filter', async () => {
    expect(await callTotals(database, {})).toEqual(
      jasmine.objectContaining({
        calls: 5,
        ok: 4,
        errors: 1,
        errorRate: 0.2,
        totalCost: 15,
        unpricedCalls: 1,
        inputTokens: 50,
      }),
    );
    const openAi = await callTotals(database, {provider: 'openai', to: t0 + 1_000});
    expect([openAi.calls, openAi.totalCost]).toEqual([2, 1]);
    expect(openAi.responseTimeMs).toEqual({p50: 1_000, p95: 3_000});
  });

  it('breaks totals down by provider, model and day', async () => {
    expect(
      (await callBreakdown(database, 'provider', {})).map(group => [group.key, group.calls, group.totalCost]),
    ).toEqual([
      ['anthropic', 1, 2],
      ['gemini', 1, 4],
      ['openai', 3, 9],
    ]);
    expect((await callBreakdown(database, 'model', {})).map(group => group.key)).toEqual([
      'claude',
      'flash',
      'gpt',
      'mini',
    ]);
    expect((await callBreakdown(database, 'day', {status: 'ok'})).map(group => [group.key, group.calls])).toEqual([
      ['2025-03-01', 3],
      ['2025-03-02', 1],
    ]);
  });

  it("gives one call with its call's body and every attempt of its trace", async () => {
    const details = await callDetails(database, 'b2');
    expect(details?.call.provider).toBe('gemini');
    expect(details?.body?.response).toEqual({text: 'A', reasoning: ''});
    expect(details?.attempts.map(call => call.id)).toEqual(['b1', 'b2']);
    expect((await callDetails(database, 'b1'))?.body?.id)
      .withContext('any row of the trace finds the body')
      .toBe('b2');
    expect((await callDetails(database, 'a1'))?.body).toBeUndefined();
    expect(await callDetails(database, 'unknown')).toBeUndefined();
  });
});
