import {LlmLogDatabase} from './llm-log-database';
import {applyRetention, markInterruptedCalls, STALE_IN_PROGRESS_MS} from './log-maintenance';
import {holdSessionLock} from './log-sessions';
import {callRow, deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';

describe('log maintenance', () => {
  let name: string;
  let database: LlmLogDatabase;

  beforeEach(() => {
    name = uniqueDatabaseName();
    database = new LlmLogDatabase(name);
  });

  afterEach(async () => {
    database.close();
    await deleteDatabase(name);
  });

  describe('markInterruptedCalls', () => {
    it('marks in-progress rows of sessions without a held lock, never those of live or own sessions', async () => {
      const liveLock = holdSessionLock('live-session');
      await liveLock.held;
      const now = Date.now();
      await database.calls.bulkAdd([
        callRow({id: 'orphan', status: 'in-progress', sessionId: 'closed-session', startedAt: now - 10}),
        callRow({id: 'live', status: 'in-progress', sessionId: 'live-session', startedAt: now - 10}),
        callRow({id: 'own', status: 'in-progress', sessionId: 'own-session', startedAt: now - 10}),
        callRow({id: 'newer', status: 'in-progress', sessionId: 'closed-session', startedAt: now + 60_000}),
        callRow({id: 'done', status: 'ok', sessionId: 'closed-session', startedAt: now - 10}),
      ]);
      expect(await markInterruptedCalls(database, 'own-session', now)).toBe(1);
      const statuses = Object.fromEntries((await database.calls.toArray()).map(call => [call.id, call.status]));
      expect(statuses).toEqual({
        orphan: 'interrupted',
        live: 'in-progress',
        own: 'in-progress',
        newer: 'in-progress',
        done: 'ok',
      });
      liveLock.release();
    });

    it('falls back to the row age without Web Locks', async () => {
      // Shadows Navigator.prototype.locks on the instance; deleting the own property restores it.
      Object.defineProperty(navigator, 'locks', {value: undefined, configurable: true});
      try {
        const now = Date.now();
        await database.calls.bulkAdd([
          callRow({id: 'stale', status: 'in-progress', sessionId: 'x', startedAt: now - STALE_IN_PROGRESS_MS - 1}),
          callRow({id: 'recent', status: 'in-progress', sessionId: 'x', startedAt: now - 1000}),
        ]);
        expect(await markInterruptedCalls(database, 'own', now)).toBe(1);
        expect((await database.calls.get('stale'))?.status).toBe('interrupted');
        expect((await database.calls.get('recent'))?.status).toBe('in-progress');
      } finally {
        delete (navigator as {locks?: unknown}).locks;
      }
    });
  });

  describe('applyRetention', () => {
    const now = Date.UTC(2025, 5, 1);
    const rows = [5, 4, 3, 2, 1].map(minutesAgo =>
      callRow({id: `m${minutesAgo}`, startedAt: now - minutesAgo * 60_000}),
    );

    beforeEach(async () => {
      await database.calls.bulkAdd(rows);
      await database.bodies.bulkAdd(
        rows.map(row => ({id: row.id, traceId: row.traceId, request: null, response: null})),
      );
    });

    it('keeps the newest maxRows rows and deletes the bodies of the others', async () => {
      expect(await applyRetention(database, {maxRows: 2}, now)).toBe(3);
      expect((await database.calls.toCollection().primaryKeys()).sort()).toEqual(['m1', 'm2']);
      expect((await database.bodies.toCollection().primaryKeys()).sort()).toEqual(['m1', 'm2']);
    });

    it('deletes rows older than maxAgeMs', async () => {
      expect(await applyRetention(database, {maxAgeMs: 3.5 * 60_000}, now)).toBe(2);
      expect((await database.calls.toCollection().primaryKeys()).sort()).toEqual(['m1', 'm2', 'm3']);
      expect(await database.bodies.count()).toBe(3);
    });

    it('applies both limits together without deleting a row twice', async () => {
      expect(await applyRetention(database, {maxAgeMs: 3.5 * 60_000, maxRows: 1}, now)).toBe(4);
      expect(await database.calls.toCollection().primaryKeys()).toEqual(['m1']);
    });

    it('keeps everything without limits', async () => {
      expect(await applyRetention(database, {}, now)).toBe(0);
      expect(await database.calls.count()).toBe(5);
    });
  });
});
