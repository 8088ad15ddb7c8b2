import type {Collection, InsertType} from 'dexie';
import type {
  LlmCallDetails,
  LlmCallFilter,
  LlmCallGrouping,
  LlmCallPage,
  LlmCallRecord,
  LlmCallStats,
  LlmCallStatsGroup,
  LlmLoopStep,
} from 'llm-rx';
import {groupCallStats, LlmCallStatsAccumulator} from './llm-call-stats';
import type {LlmLogDatabase} from './llm-log-database';

/** The filter fields with a compound `[field+startedAt]` index, the most selective first. */
const INDEXED_FIELDS = ['loopId', 'provider', 'model', 'outputName', 'status'] as const;

/** The filter fields, besides the time range. */
const FIELDS = [...INDEXED_FIELDS, 'label'] as const;

/**
 * The rows matching a filter, in `startedAt` order, read through the narrowest index: `[loopId+startedAt]`,
 * `[provider+startedAt]`, `[model+startedAt]`, `[outputName+startedAt]`, `[status+startedAt]` or `startedAt`, so
 * that only the time range of one key is scanned; the other fields are tested on the rows read.
 * @param database The log database.
 * @param filter The filter.
 * @returns A Dexie collection.
 */
export function filteredCalls(
  database: LlmLogDatabase,
  filter: LlmCallFilter,
): Collection<LlmCallRecord, string, InsertType<LlmCallRecord, 'id'>> {
  // Without a filter, getAll() on the table itself skips the index lookups.
  if (isUnfiltered(filter)) return database.calls.toCollection();
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const indexed = INDEXED_FIELDS.find(field => filter[field] !== undefined);
  const collection =
    indexed === undefined
      ? database.calls.where('startedAt').between(from, to, true, true)
      : database.calls
          .where(`[${indexed}+startedAt]`)
          .between([filter[indexed], from], [filter[indexed], to], true, true);
  const rest = FIELDS.filter(field => field !== indexed && filter[field] !== undefined);
  return rest.length === 0 ? collection : collection.and(call => rest.every(field => call[field] === filter[field]));
}

/** Whether a filter selects every row. */
function isUnfiltered(filter: LlmCallFilter): boolean {
  return filter.from === undefined && filter.to === undefined && FIELDS.every(field => filter[field] === undefined);
}

/**
 * A page of rows, newest first.
 * @param database The log database.
 * @param page The filter and paging.
 * @returns The rows.
 */
export function recentCalls(database: LlmLogDatabase, page: LlmCallPage): Promise<LlmCallRecord[]> {
  // Unfiltered, the table's own order is by id, which says nothing about time: read the startedAt index instead.
  return (isUnfiltered(page) ? database.calls.orderBy('startedAt') : filteredCalls(database, page))
    .reverse()
    .offset(page.offset ?? 0)
    .limit(page.limit ?? 50)
    .toArray();
}

/**
 * Totals of the rows matching a filter.
 * @param database The log database.
 * @param filter The filter.
 * @returns Counts, tokens, cost and latency percentiles.
 */
export async function callTotals(database: LlmLogDatabase, filter: LlmCallFilter): Promise<LlmCallStats> {
  const accumulator = new LlmCallStatsAccumulator();
  // One getAll() over the index range is several times faster than a cursor in Chromium; call rows are small
  // because bodies live in their own table.
  for (const call of await filteredCalls(database, filter).toArray()) accumulator.add(call);
  return accumulator.result();
}

/**
 * Totals of the rows matching a filter, grouped by provider, model or day.
 * @param database The log database.
 * @param grouping What to group by.
 * @param filter The filter.
 * @returns One group per key, in key order.
 */
export async function callBreakdown(
  database: LlmLogDatabase,
  grouping: LlmCallGrouping,
  filter: LlmCallFilter,
): Promise<LlmCallStatsGroup[]> {
  return groupCallStats(await filteredCalls(database, filter).toArray(), grouping);
}

/**
 * One row with its body, its trace's attempts and, for a step of a tool loop, the loop's steps.
 * @param database The log database.
 * @param id The row's id.
 * @returns The details, or `undefined` for an unknown id.
 */
export async function callDetails(database: LlmLogDatabase, id: string): Promise<LlmCallDetails | undefined> {
  const call = await database.calls.get(id);
  if (call === undefined) return undefined;
  const [body, attempts, loop] = await Promise.all([
    // The body belongs to the call's first row; any row of the trace finds it.
    database.bodies.get(id).then(own => own ?? database.bodies.where('traceId').equals(call.traceId).first()),
    database.calls.where('traceId').equals(call.traceId).sortBy('attemptIndex'),
    typeof call.loopId === 'string' ? loopSteps(database, call.loopId) : [],
  ]);
  return {call, body, attempts, loop};
}

/**
 * The steps of a tool loop: its rows (one index range) grouped by call, each with its body.
 * @param database The log database.
 * @param loopId The loop's id.
 * @returns One step per call of the loop, by step (by start for two calls of one step).
 */
async function loopSteps(database: LlmLogDatabase, loopId: string): Promise<LlmLoopStep[]> {
  const byTrace = new Map<string, LlmCallRecord[]>();
  for (const row of await filteredCalls(database, {loopId}).toArray()) {
    const rows = byTrace.get(row.traceId);
    if (rows === undefined) byTrace.set(row.traceId, [row]);
    else rows.push(row);
  }
  const bodies = await database.bodies
    .where('traceId')
    .anyOf([...byTrace.keys()])
    .toArray();
  const bodyOf = new Map(bodies.map(body => [body.traceId, body]));
  return [...byTrace]
    .map(([traceId, rows]) => ({
      step: rows[0].step ?? 0,
      traceId,
      attempts: rows.sort((first, second) => first.attemptIndex - second.attemptIndex),
      body: bodyOf.get(traceId),
    }))
    .sort((first, second) => first.step - second.step);
}
