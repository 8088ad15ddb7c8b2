import type {DBCore, DBCoreMutateRequest} from 'dexie';
import type {LlmCallDraft} from './build-call-records';
import {LlmLogDatabase} from './llm-log-database';
import type {LlmLogError} from './llm-log-error';
import {LlmLogWriter} from './llm-log-writer';
import {callRow, deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';

function draft(id: string, overrides: Partial<LlmCallDraft> = {}): LlmCallDraft {
  const {sessionId: _session, apiKeyHash: _hash, day: _day, ...row} = callRow({id, ...overrides});
  return row;
}

describe('LlmLogWriter', () => {
  let name: string;
  let database: LlmLogDatabase;
  let writer: LlmLogWriter;
  let isFailing: boolean;
  const reported: LlmLogError[] = [];
  const noHash = Promise.resolve(null);

  function createWriter(maxPendingRecords = 100): LlmLogWriter {
    // A long interval: the specs flush by hand.
    return new LlmLogWriter(database, {flushIntervalMs: 60_000, maxPendingRecords, retention: {}}, error =>
      reported.push(error),
    );
  }

  beforeEach(() => {
    name = uniqueDatabaseName();
    database = new LlmLogDatabase(name);
    isFailing = false;
    reported.length = 0;
    database.use({
      stack: 'dbcore',
      name: 'failing-writes',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: tableName => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request: DBCoreMutateRequest) =>
              isFailing ? Promise.reject(new DOMException('disk error', 'UnknownError')) : table.mutate(request),
          };
        },
      }),
    });
    writer = createWriter();
  });

  afterEach(async () => {
    isFailing = false;
    await writer.close();
    database.close();
    await deleteDatabase(name);
  });

  it('writes a call once, in its latest state, stamped with session, day and key hash', async () => {
    writer.enqueue(
      [draft('a', {status: 'in-progress', startedAt: Date.UTC(2025, 3, 2, 23)})],
      Promise.resolve('0123456789abcdef'),
    );
    writer.enqueue(
      [draft('a', {status: 'ok', startedAt: Date.UTC(2025, 3, 2, 23)})],
      Promise.resolve('0123456789abcdef'),
    );
    expect(writer.pendingCount).toBe(1);
    await writer.flush();
    expect(writer.pendingCount).toBe(0);
    expect(await database.calls.toArray()).toEqual([
      jasmine.objectContaining({
        id: 'a',
        status: 'ok',
        sessionId: writer.sessionId,
        day: '2025-04-02',
        apiKeyHash: '0123456789abcdef',
      }),
    ]);
  });

  it('keeps a failed batch, lets a newer version of a row win, and writes it on the next flush', async () => {
    isFailing = true;
    writer.enqueue([draft('a', {status: 'in-progress'})], noHash);
    const failing = writer.flush();
    writer.enqueue([draft('a', {status: 'ok'}), draft('b')], noHash);
    await failing;
    expect(reported.map(error => error.kind)).toEqual(['write']);
    expect(reported[0].cause).toEqual(jasmine.objectContaining({name: 'UnknownError'}));
    expect(writer.pendingCount).toBe(2);

    isFailing = false;
    await writer.flush();
    expect((await database.calls.orderBy('id').toArray()).map(call => [call.id, call.status])).toEqual([
      ['a', 'ok'],
      ['b', 'ok'],
    ]);
  });

  it('reports each kind of failure once until a write succeeds', async () => {
    isFailing = true;
    writer.enqueue([draft('a')], noHash);
    await writer.flush();
    await writer.flush();
    expect(reported).toHaveSize(1);
    isFailing = false;
    await writer.flush();
    isFailing = true;
    writer.enqueue([draft('b')], noHash);
    await writer.flush();
    expect(reported.map(error => error.kind)).toEqual(['write', 'write']);
  });

  it('drops the oldest rows beyond maxPendingRecords, with their bodies, and reports it', async () => {
    await writer.close();
    writer = createWriter(2);
    isFailing = true;
    for (const id of ['a', 'b', 'c']) {
      writer.enqueue([draft(id)], noHash, {id, traceId: id, request: null, response: {text: id, reasoning: ''}});
    }
    expect(writer.pendingCount).toBe(2);
    expect(reported.map(error => error.kind)).toEqual(['dropped']);
    isFailing = false;
    await writer.flush();
    expect(await database.calls.toCollection().primaryKeys()).toEqual(['b', 'c']);
    expect(await database.bodies.toCollection().primaryKeys()).toEqual(['b', 'c']);
  });

  it('flushes by itself after the batching interval', async () => {
    await writer.close();
    writer = new LlmLogWriter(database, {flushIntervalMs: 10, maxPendingRecords: 100, retention: {}}, () => undefined);
    writer.enqueue([draft('a')], noHash);
    const deadline = Date.now() + 5_000;
    while ((await database.calls.count()) === 0 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    expect(await database.calls.count()).toBe(1);
  });

  describe('as the page unloads', () => {
    const stashKeys = () => Object.keys(localStorage).filter(key => key.startsWith(`llm-rx-log-stash:${name}:`));
    afterEach(() => stashKeys().forEach(key => localStorage.removeItem(key)));

    it('writes the buffer in the same task, through IndexedDB and localStorage, and later rows at once', async () => {
      await writer.prepare();
      writer.enqueue([draft('a', {status: 'in-progress'})], noHash);
      writer.writeBeforeUnload();
      // A row that changes while the page unloads: written at once, not at a next flush that will not come.
      writer.enqueue([draft('a', {status: 'error'}), draft('b', {status: 'in-progress'})], noHash);
      expect(writer.pendingCount).toBe(0);
      expect(stashKeys().length).withContext('kept in localStorage too').toBe(1);
      // Read through another connection: what IndexedDB itself committed.
      const other = new LlmLogDatabase(name);
      const rows = await other.calls.toArray();
      other.close();
      expect(rows.map(row => [row.id, row.status]).sort()).toEqual([
        ['a', 'error'],
        ['b', 'in-progress'],
      ]);
    });

    it('never writes an older version over a newer one, the batch Dexie was writing included', async () => {
      await writer.prepare();
      writer.enqueue([draft('a', {status: 'in-progress'})], noHash);
      // Dexie takes this version into its batch at once; the newer one waits in the buffer.
      writer.flushNow();
      writer.enqueue([draft('a', {status: 'ok'})], noHash);
      // pagehide after beforeunload: the second call must not write the batch's older version again.
      writer.writeBeforeUnload();
      writer.writeBeforeUnload();
      await new Promise(resolve => setTimeout(resolve, 50));
      expect((await database.calls.get('a'))?.status).toBe('ok');
    });

    it('keeps what it could not write before the database opened for the next log to open', async () => {
      writer.enqueue([draft('c', {status: 'in-progress'})], noHash);
      writer.writeBeforeUnload();
      expect(stashKeys().length).toBe(1);
      const next = new LlmLogWriter(
        new LlmLogDatabase(name),
        {flushIntervalMs: 60_000, maxPendingRecords: 10, retention: {}},
        () => undefined,
      );
      await next.prepare();
      expect((await database.calls.get('c'))?.id).toBe('c');
      expect(stashKeys()).withContext('taken, not imported twice').toEqual([]);
      await next.close();
    });

    it('takes its rows back when the page stays after all, and writes them itself', async () => {
      writer.enqueue([draft('d', {status: 'in-progress'})], noHash);
      writer.writeBeforeUnload();
      writer.resume();
      expect(stashKeys()).toEqual([]);
      await writer.prepare();
      await new Promise(resolve => setTimeout(resolve, 50));
      expect((await database.calls.get('d'))?.status).toBe('in-progress');
    });
  });
});
