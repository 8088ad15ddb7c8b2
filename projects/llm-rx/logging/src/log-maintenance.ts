import type {LlmLogDatabase} from './llm-log-database';
import {liveSessionIds} from './log-sessions';

/** How long to keep rows. Rows beyond either limit are deleted with their bodies. */
export interface LlmLogRetention {
  /** Delete rows that started longer ago than this. */
  readonly maxAgeMs?: number;
  /** Keep at most this many rows, the newest by `startedAt`. */
  readonly maxRows?: number;
}

/**
 * Without Web Locks no tab can tell whether another tab is alive, so an `in-progress` row is only called
 * interrupted once it is older than any sane LLM call.
 */
export const STALE_IN_PROGRESS_MS = 60 * 60 * 1000;

/**
 * Marks `interrupted` the `in-progress` rows of tabs that closed before their calls ended.
 *
 * A row belongs to a closed tab when no Web Lock of its session is held; rows started after the lock query are
 * left alone, as a tab that opened since may own them.
 * @param database The log database.
 * @param ownSessionId This log's session, whose rows are live.
 * @param now The current time, epoch ms.
 * @returns How many rows were marked.
 */
export async function markInterruptedCalls(
  database: LlmLogDatabase,
  ownSessionId: string,
  now: number,
): Promise<number> {
  const live = await liveSessionIds();
  return database.calls
    .where('status')
    .equals('in-progress')
    .and(call =>
      live === undefined
        ? call.startedAt < now - STALE_IN_PROGRESS_MS
        : call.sessionId !== ownSessionId && !live.has(call.sessionId) && call.startedAt <= now,
    )
    .modify({status: 'interrupted'});
}

/**
 * Deletes the rows (and their bodies) that are older than `maxAgeMs` or beyond the newest `maxRows`.
 * @param database The log database.
 * @param retention The limits; none means keep everything.
 * @param now The current time, epoch ms.
 * @returns How many call rows were deleted.
 */
export function applyRetention(database: LlmLogDatabase, retention: LlmLogRetention, now: number): Promise<number> {
  const {maxAgeMs, maxRows} = retention;
  if (maxAgeMs === undefined && maxRows === undefined) return Promise.resolve(0);
  return database.transaction('rw', database.calls, database.bodies, async () => {
    const ids: string[] = [];
    if (maxAgeMs !== undefined)
      ids.push(
        ...(await database.calls
          .where('startedAt')
          .below(now - maxAgeMs)
          .primaryKeys()),
      );
    if (maxRows !== undefined) {
      const excess = (await database.calls.count()) - ids.length - Math.max(0, maxRows);
      // Counted after the age pass, and read from where it stopped, so that no row is deleted twice.
      if (excess > 0) {
        ids.push(
          ...(await database.calls
            .where('startedAt')
            .aboveOrEqual(maxAgeMs === undefined ? -Infinity : now - maxAgeMs)
            .limit(excess)
            .primaryKeys()),
        );
      }
    }
    await database.calls.bulkDelete(ids);
    await database.bodies.bulkDelete(ids);
    return ids.length;
  });
}
