import Dexie from 'dexie';
import type {LlmCallRecord, LlmReplayCall, LlmReplayCursor, LlmReplayPage, LlmReplayQuery} from 'llm-rx';
import type {LlmLogDatabase} from './llm-log-database';
import {STALE_IN_PROGRESS_MS} from './log-maintenance';

/** The index that orders calls for a replay: first attempts (`attemptIndex` 0) by start, then trace id. */
const REPLAY_INDEX = '[attemptIndex+startedAt+traceId]';

/**
 * The first rows (attempt 0) of the calls of a query, in replay order: one range of the replay index, from the
 * later of `after` (exclusive) and `from` (inclusive) to `to` (exclusive).
 * @param database The log database.
 * @param query The range.
 * @returns A Dexie collection of first rows.
 */
function firstAttempts(database: LlmLogDatabase, query: LlmReplayQuery) {
  const from = query.from ?? -Infinity;
  const {after} = query;
  // The cursor is the tighter bound when it is at or past `from`: a bound on the trace id too, exclusive.
  const isAfterCursor = after !== null && after !== undefined && after.startedAt >= from;
  const lower = isAfterCursor ? [0, after.startedAt, after.traceId] : [0, from, Dexie.minKey];
  const upper = query.to === undefined ? [0, Infinity, Dexie.maxKey] : [0, query.to, Dexie.minKey];
  return database.calls.where(REPLAY_INDEX).between(lower, upper, !isAfterCursor, query.to === undefined);
}

/**
 * Counts the calls of a replay query: their first rows, without reading them.
 * @param database The log database.
 * @param query Which calls.
 * @returns How many calls (not rows).
 */
export function countReplayCalls(database: LlmLogDatabase, query: LlmReplayQuery): Promise<number> {
  return firstAttempts(database, query).count();
}

/**
 * How long after a failed attempt ended its call counts as maybe still running: longer than a retry's backoff
 * (`retryBeforeFirstChunk`'s `maxRetryAfterMs` and delays) and a cascade's step to its next child.
 */
export const REPLAY_SETTLE_MS = 120_000;

/**
 * Reads the next page of whole calls in replay order (the first attempt's `startedAt`, then `traceId`): a range of
 * first rows, then every row of their traces.
 *
 * The page stops before the first call that is not final yet, so that no call is ever replayed in part: one with
 * an attempt `in-progress`, or one whose rows do not all stand in the database yet (the log writes rows in
 * batches, so an attempt's row can land after the first one's). A call has as many attempts as the highest
 * `attemptCount` among its rows (rows written early carry the count known then); it is complete when its rows are
 * attempts 0 to that count - 1. A call whose rows stay incomplete for `STALE_IN_PROGRESS_MS` after its last row
 * started (a row dropped from a full buffer) is replayed with the rows it has, so that it cannot stop a replay for
 * good. `interrupted` rows are final. A call whose last attempt failed less than `REPLAY_SETTLE_MS` ago waits too:
 * its next attempt (a retry after its backoff) may not have started yet.
 * @param database The log database.
 * @param query Which calls, and the position to read after.
 * @param limit The most calls in the page, an integer ≥ 1.
 * @param now The current time, epoch milliseconds.
 * @returns The page, oldest first.
 */
export function readReplayPage(
  database: LlmLogDatabase,
  query: LlmReplayQuery,
  limit: number,
  now: number,
): Promise<LlmReplayPage> {
  return database.transaction('r', database.calls, async () => {
    // One more than the page, to tell whether calls remain after it.
    const heads = await firstAttempts(database, query)
      .limit(limit + 1)
      .toArray();
    const pageHeads = heads.slice(0, limit);
    const rows = await database.calls
      .where('traceId')
      .anyOf(pageHeads.map(head => head.traceId))
      .toArray();
    const rowsByTrace = new Map<string, LlmCallRecord[]>();
    for (const row of rows) {
      const trace = rowsByTrace.get(row.traceId);
      if (trace === undefined) rowsByTrace.set(row.traceId, [row]);
      else trace.push(row);
    }
    const calls: LlmReplayCall[] = [];
    let cursor: LlmReplayCursor | null = null;
    for (const head of pageHeads) {
      const attempts = (rowsByTrace.get(head.traceId) ?? []).sort((a, b) => a.attemptIndex - b.attemptIndex);
      if (!isFinal(attempts, now)) return {calls, cursor, hasMore: true};
      calls.push({traceId: head.traceId, attempts});
      cursor = {startedAt: head.startedAt, traceId: head.traceId};
    }
    return {calls, cursor, hasMore: heads.length > limit};
  });
}

/**
 * Whether a call's rows can be replayed: none `in-progress`, and all there (or never coming).
 * @param attempts The call's rows, in attempt order.
 * @param now The current time, epoch milliseconds.
 */
function isFinal(attempts: readonly LlmCallRecord[], now: number): boolean {
  if (attempts.some(attempt => attempt.status === 'in-progress')) return false;
  // A call whose last attempt failed a moment ago may have another coming (a retry after its backoff, a cascade's
  // next child), whose row the log cannot know of yet.
  const last = attempts[attempts.length - 1];
  if (last.status === 'error' && (last.endedAt ?? last.startedAt) > now - REPLAY_SETTLE_MS) return false;
  const count = Math.max(...attempts.map(attempt => attempt.attemptCount));
  const isComplete = attempts.length === count && attempts.every((attempt, index) => attempt.attemptIndex === index);
  return isComplete || Math.max(...attempts.map(attempt => attempt.startedAt)) < now - STALE_IN_PROGRESS_MS;
}
