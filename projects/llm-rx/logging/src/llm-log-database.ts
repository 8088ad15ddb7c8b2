import Dexie, {type DexieOptions, type EntityTable} from 'dexie';
import type {LlmBodyRecord, LlmCallRecord, LlmReplayCursor} from 'llm-rx';
import {utcDay} from './utc-day';

/** The database name `LlmCallLog` uses unless told otherwise. */
export const DEFAULT_LLM_LOG_DATABASE_NAME = 'llm-rx-log';

/** One row of the `replayCursors` table: where the replay of this name stands. */
export interface LlmReplayCursorRecord extends LlmReplayCursor {
  /** The replay's name, e.g. `otel`. */
  readonly name: string;
}

/**
 * The IndexedDB database of the call log, typed with Dexie's `EntityTable`.
 *
 * Schema history (never edit a released version; add one with upgrade code):
 * 1. `calls` by id, with indices on `traceId`, `startedAt`, `status` and the compound `[provider+startedAt]`,
 *    `[model+startedAt]` and `[status+startedAt]`, so that filtered, time-ordered pages read one index range;
 *    `bodies` by id (the call's) and `traceId`, apart so that dashboards never load prompts and answers.
 * 2. `calls.day` (`YYYY-MM-DD`, UTC) with its index, for per-day breakdowns without date maths per row; the
 *    upgrade computes it for every existing row.
 * 3. `calls.outputName` (the schema name of a structured-output call, `null` for prose) with the compound
 *    `[outputName+startedAt]`, so that a page of one schema's calls reads one index range (rows with `null` are not
 *    in it: IndexedDB indexes no `null` key); the upgrade sets `null` on every existing row.
 * 4. `calls.loopId` and `calls.step` (the tool loop a call is a step of, `null` outside a loop) and
 *    `calls.toolCallCount` (the tool calls its answer made, `null` without tools), with the compound
 *    `[loopId+startedAt]`, so that one loop's rows read one index range in step order; the upgrade sets the three to
 *    `null` on every existing row.
 * 5. The compound `[attemptIndex+startedAt+traceId]` on `calls`, so that a replay reads the first rows of calls
 *    (attempt 0) after a position, in call order, as one index range; and `replayCursors` by `name`, the position
 *    each replay reached. No upgrade code: existing rows already have the three fields.
 *
 * ```ts
 * const database = new LlmLogDatabase('my-app-llm-log');
 * const failures = await database.calls.where('[status+startedAt]').between(['error', Date.now() - 3_600_000], ['error', Infinity]).toArray();
 * ```
 */
export class LlmLogDatabase extends Dexie {
  /** One row per attempt: who, when, how long, tokens, cost, outcome. */
  declare readonly calls: EntityTable<LlmCallRecord, 'id'>;
  /** The request and response of a call, keyed by the call's id. */
  declare readonly bodies: EntityTable<LlmBodyRecord, 'id'>;
  /** The position each replay reached, by its name (schema version 5). */
  declare readonly replayCursors: EntityTable<LlmReplayCursorRecord, 'name'>;

  /**
   * @param name The database name; default `llm-rx-log`.
   * @param options Passed to Dexie, e.g. `{indexedDB, IDBKeyRange}` from `fake-indexeddb` outside a browser.
   */
  constructor(name: string = DEFAULT_LLM_LOG_DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      calls: 'id, traceId, startedAt, status, [provider+startedAt], [model+startedAt], [status+startedAt]',
      bodies: 'id, traceId',
    });
    this.version(2)
      .stores({
        calls: 'id, traceId, startedAt, status, day, [provider+startedAt], [model+startedAt], [status+startedAt]',
      })
      .upgrade(transaction =>
        transaction
          .table<{startedAt: number; day?: string}>('calls')
          .toCollection()
          .modify(call => {
            call.day = utcDay(call.startedAt);
          }),
      );
    this.version(3)
      .stores({
        calls:
          'id, traceId, startedAt, status, day, [provider+startedAt], [model+startedAt], [status+startedAt], ' +
          '[outputName+startedAt]',
      })
      .upgrade(transaction =>
        transaction
          .table<{outputName?: string | null}>('calls')
          .toCollection()
          .modify(call => {
            call.outputName ??= null;
          }),
      );
    this.version(4)
      .stores({
        calls:
          'id, traceId, startedAt, status, day, [provider+startedAt], [model+startedAt], [status+startedAt], ' +
          '[outputName+startedAt], [loopId+startedAt]',
      })
      .upgrade(transaction =>
        transaction
          .table<{loopId?: string | null; step?: number | null; toolCallCount?: number | null}>('calls')
          .toCollection()
          .modify(call => {
            call.loopId ??= null;
            call.step ??= null;
            call.toolCallCount ??= null;
          }),
      );
    this.version(5).stores({
      calls:
        'id, traceId, startedAt, status, day, [provider+startedAt], [model+startedAt], [status+startedAt], ' +
        '[outputName+startedAt], [loopId+startedAt], [attemptIndex+startedAt+traceId]',
      replayCursors: 'name',
    });
  }
}
