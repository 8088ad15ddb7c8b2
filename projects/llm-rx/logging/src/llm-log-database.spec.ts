import Dexie from 'dexie';
import {DEFAULT_LLM_LOG_DATABASE_NAME, LlmLogDatabase} from './llm-log-database';
import {callRow, deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';

// Versions 1 to 4 exactly as released: written out here, so that a change to the class cannot hide an upgrade bug.
const V1_STORES = {
  calls: 'id, traceId, startedAt, status, [provider+startedAt], [model+startedAt], [status+startedAt]',
  bodies: 'id, traceId',
};
const V2_STORES = {
  calls: 'id, traceId, startedAt, status, day, [provider+startedAt], [model+startedAt], [status+startedAt]',
};
const V3_STORES = {
  calls:
    'id, traceId, startedAt, status, day, [provider+startedAt], [model+startedAt], [status+startedAt], ' +
    '[outputName+startedAt]',
};
const V4_STORES = {
  calls:
    'id, traceId, startedAt, status, day, [provider+startedAt], [model+startedAt], [status+startedAt], ' +
    '[outputName+startedAt], [loopId+startedAt]',
};

/** A row as version 3 wrote it: without loopId, step and toolCallCount. */
function v3Row(overrides: Parameters<typeof callRow>[0]) {
  const {loopId: _loopId, step: _step, toolCallCount: _toolCallCount, ...row} = callRow(overrides);
  return row;
}

/** A row as versions 1 and 2 wrote it: also without outputName. */
function oldRow(overrides: Parameters<typeof callRow>[0]) {
  const {outputName: _outputName, ...row} = v3Row(overrides);
  return row;
}

/** What the upgrade to version 4 adds to every older row. */
const NO_LOOP = {loopId: null, step: null, toolCallCount: null};

describe('LlmLogDatabase', () => {
  let name: string;

  beforeEach(() => (name = uniqueDatabaseName()));
  afterEach(() => deleteDatabase(name));

  it('is named llm-rx-log by default', () => {
    const database = new LlmLogDatabase();
    expect(database.name).toBe(DEFAULT_LLM_LOG_DATABASE_NAME);
    expect(DEFAULT_LLM_LOG_DATABASE_NAME).toBe('llm-rx-log');
  });

  it('creates version 5 with the dashboard and replay indices, and the replay cursors', async () => {
    const database = new LlmLogDatabase(name);
    await database.open();
    expect(database.verno).toBe(5);
    const indices = database.calls.schema.indexes.map(index => index.name).sort();
    expect(indices).toEqual(
      [
        '[attemptIndex+startedAt+traceId]',
        '[loopId+startedAt]',
        '[model+startedAt]',
        '[outputName+startedAt]',
        '[provider+startedAt]',
        '[status+startedAt]',
        'day',
        'startedAt',
        'status',
        'traceId',
      ].sort(),
    );
    expect(database.bodies.schema.indexes.map(index => index.name)).toEqual(['traceId']);
    expect(database.replayCursors.schema.primKey.name).toBe('name');
    expect(database.replayCursors.schema.indexes).toEqual([]);
    database.close();
  });

  it('upgrades a version 1 database, computing the day of every row, outputName null, and keeping the rest', async () => {
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const late = Date.UTC(2024, 11, 31, 23, 30);
    const early = Date.UTC(2025, 0, 1, 0, 15);
    const {day: _lateDay, ...lateRow} = oldRow({id: 'late', startedAt: late, totalCost: 0.5});
    const {day: _earlyDay, ...earlyRow} = oldRow({id: 'early', startedAt: early, status: 'error'});
    await v1.table('calls').bulkAdd([lateRow, earlyRow]);
    await v1.table('bodies').add({id: 'late', traceId: lateRow.traceId, request: {userPrompt: 'Hi'}, response: null});
    v1.close();

    const database = new LlmLogDatabase(name);
    await database.open();
    expect(database.verno).toBe(5);
    expect(await database.calls.get('late')).toEqual({...lateRow, day: '2024-12-31', outputName: null, ...NO_LOOP});
    expect(await database.calls.get('early')).toEqual({...earlyRow, day: '2025-01-01', outputName: null, ...NO_LOOP});
    expect(await database.calls.where('day').equals('2025-01-01').primaryKeys()).toEqual(['early']);
    expect((await database.bodies.get('late'))?.request).toEqual({userPrompt: 'Hi'});
    database.close();
  });

  it('upgrades a version 2 database, setting outputName null on every row and keeping everything else', async () => {
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    const rows = [
      oldRow({id: 'a', label: 'chat', totalCost: 0.5}),
      oldRow({id: 'b', status: 'error', errorType: 'LlmProviderError', errorMessage: 'down', inputTokens: null}),
    ];
    await v2.table('calls').bulkAdd(rows);
    const body = {
      id: 'a',
      traceId: rows[0].traceId,
      request: {userPrompt: 'Hi'},
      response: {text: 'Yo', reasoning: ''},
    };
    await v2.table('bodies').add(body);
    v2.close();

    const database = new LlmLogDatabase(name);
    await database.open();
    expect(database.verno).toBe(5);
    expect(await database.calls.toArray()).toEqual(
      jasmine.arrayWithExactContents(rows.map(row => ({...row, outputName: null, ...NO_LOOP}))),
    );
    expect(await database.bodies.get('a')).toEqual(body);
    // New rows go into the new index; the old ones, null, are in none of its ranges.
    await database.calls.add(callRow({id: 'c', outputName: 'contact'}));
    expect(
      await database.calls.where('[outputName+startedAt]').between(['contact', 0], ['contact', Infinity]).primaryKeys(),
    ).toEqual(['c']);
    expect(
      await database.calls
        .where('[outputName+startedAt]')
        .between([Dexie.minKey, Dexie.minKey], [Dexie.maxKey, Dexie.maxKey])
        .count(),
    ).toBe(1);
    database.close();
  });

  it('upgrades a version 3 database, setting loopId, step and toolCallCount null on every row, keeping the rest', async () => {
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores(V2_STORES);
    v3.version(3).stores(V3_STORES);
    const rows = [
      v3Row({id: 'a', outputName: 'contact', totalCost: 0.5}),
      v3Row({id: 'b', status: 'error', errorType: 'LlmProviderError', errorMessage: 'down', attemptCount: 2}),
    ];
    await v3.table('calls').bulkAdd(rows);
    const body = {
      id: 'a',
      traceId: rows[0].traceId,
      request: {userPrompt: 'Hi'},
      response: {text: '{}', reasoning: ''},
    };
    await v3.table('bodies').add(body);
    v3.close();

    const database = new LlmLogDatabase(name);
    await database.open();
    expect(database.verno).toBe(5);
    expect(await database.calls.toArray()).toEqual(
      jasmine.arrayWithExactContents(rows.map(row => ({...row, ...NO_LOOP}))),
    );
    expect(await database.bodies.get('a')).toEqual(body);
    expect(
      await database.calls.where('[outputName+startedAt]').between(['contact', 0], ['contact', Infinity]).primaryKeys(),
    ).toEqual(['a']);
    // New rows go into the loop index, in start order; the old ones, null, are in none of its ranges.
    await database.calls.bulkAdd([
      callRow({id: 'step-1', loopId: 'loop-1', step: 1, toolCallCount: 0, startedAt: 2_000}),
      callRow({id: 'step-0', loopId: 'loop-1', step: 0, toolCallCount: 2, startedAt: 1_000}),
    ]);
    expect(
      await database.calls.where('[loopId+startedAt]').between(['loop-1', 0], ['loop-1', Infinity]).primaryKeys(),
    ).toEqual(['step-0', 'step-1']);
    expect(
      await database.calls
        .where('[loopId+startedAt]')
        .between([Dexie.minKey, Dexie.minKey], [Dexie.maxKey, Dexie.maxKey])
        .count(),
    ).toBe(2);
    database.close();
  });

  it('upgrades a version 4 database, keeping every row, indexing the rows for replay, with no cursors', async () => {
    const v4 = new Dexie(name);
    v4.version(1).stores(V1_STORES);
    v4.version(2).stores(V2_STORES);
    v4.version(3).stores(V3_STORES);
    v4.version(4).stores(V4_STORES);
    const rows = [
      callRow({id: 'b-0', traceId: 'b', startedAt: 1_000, attemptCount: 2}),
      callRow({id: 'b-1', traceId: 'b', startedAt: 1_500, attemptIndex: 1, attemptCount: 2}),
      callRow({id: 'a-0', traceId: 'a', startedAt: 1_000, loopId: 'loop-1', step: 0, toolCallCount: 1}),
    ];
    await v4.table('calls').bulkAdd(rows);
    v4.close();

    const database = new LlmLogDatabase(name);
    await database.open();
    expect(database.verno).toBe(5);
    expect(await database.calls.toArray()).toEqual(jasmine.arrayWithExactContents(rows));
    // The old rows are in the replay index, first attempts by start then trace id.
    expect(
      await database.calls
        .where('[attemptIndex+startedAt+traceId]')
        .between([0, -Infinity, Dexie.minKey], [0, Infinity, Dexie.maxKey])
        .primaryKeys(),
    ).toEqual(['a-0', 'b-0']);
    expect(await database.replayCursors.count()).toBe(0);
    await database.replayCursors.put({name: 'otel', startedAt: 1_000, traceId: 'b'});
    expect(await database.replayCursors.get('otel')).toEqual({name: 'otel', startedAt: 1_000, traceId: 'b'});
    database.close();
  });
});
