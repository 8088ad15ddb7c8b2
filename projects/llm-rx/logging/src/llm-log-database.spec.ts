import Dexie from 'dexie';
import {DEFAULT_LLM_LOG_DATABASE_NAME, LlmLogDatabase} from './llm-log-database';
import {callRow, deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';

// Version 1 exactly as released: written out here, so that a change to the class cannot hide an upgrade bug.
const V1_STORES = {
  calls: 'id, traceId, startedAt, status, [provider+startedAt], [model+startedAt], [status+startedAt]',
  bodies: 'id, traceId',
};

describe('LlmLogDatabase', () => {
  let name: string;

  beforeEach(() => (name = uniqueDatabaseName()));
  afterEach(() => deleteDatabase(name));

  it('is named llm-rx-log by default', () => {
    const database = new LlmLogDatabase();
    expect(database.name).toBe(DEFAULT_LLM_LOG_DATABASE_NAME);
    expect(DEFAULT_LLM_LOG_DATABASE_NAME).toBe('llm-rx-log');
  });

  it('creates version 2 with the dashboard indices', async () => {
    const database = new LlmLogDatabase(name);
    await database.open();
    expect(database.verno).toBe(2);
    const indices = database.calls.schema.indexes.map(index => index.name).sort();
    expect(indices).toEqual(
      [
        '[model+startedAt]',
        '[provider+startedAt]',
        '[status+startedAt]',
        'day',
        'startedAt',
        'status',
        'traceId',
      ].sort(),
    );
    expect(database.bodies.schema.indexes.map(index => index.name)).toEqual(['traceId']);
    database.close();
  });

  it('upgrades a version 1 database, computing the day of every row and keeping everything else', async () => {
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const late = Date.UTC(2024, 11, 31, 23, 30);
    const early = Date.UTC(2025, 0, 1, 0, 15);
    const {day: _lateDay, ...lateRow} = callRow({id: 'late', startedAt: late, totalCost: 0.5});
    const {day: _earlyDay, ...earlyRow} = callRow({id: 'early', startedAt: early, status: 'error'});
    await v1.table('calls').bulkAdd([lateRow, earlyRow]);
    await v1.table('bodies').add({id: 'late', traceId: lateRow.traceId, request: {userPrompt: 'Hi'}, response: null});
    v1.close();

    const database = new LlmLogDatabase(name);
    await database.open();
    expect(database.verno).toBe(2);
    expect(await database.calls.get('late')).toEqual({...lateRow, day: '2024-12-31'});
    expect(await database.calls.get('early')).toEqual({...earlyRow, day: '2025-01-01'});
    expect(await database.calls.where('day').equals('2025-01-01').primaryKeys()).toEqual(['early']);
    expect((await database.bodies.get('late'))?.request).toEqual({userPrompt: 'Hi'});
    database.close();
  });
});
