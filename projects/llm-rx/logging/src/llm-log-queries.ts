import type {Collection, InsertType} from 'dexie';
import type {
  LlmCallDetails,
  LlmCallFilter,
  LlmCallGrouping,
  LlmCallPage,
  LlmCallRecord,
  LlmCallStats,
  LlmCallStatsGroup,
} from 'llm-rx';
import {groupCallStats, LlmCallStatsAccumulator} from './llm-call-stats';
import type {LlmLogDatabase} from './llm-log-database';

/**
 * The rows matching a filter, in `startedAt` order, read through the narrowest index: `[provider+startedAt]`,
 * `[model+startedAt]`, `[status+startedAt]` or `startedAt`, so that only the time range of one key is scanned.
 * @param database The log database.
 * @param filter The filter.
 * @returns A Dexie collection.
 */
export function filteredCalls(
  database: LlmLogDatabase,
  filter: LlmCallFilter,
): Collection<LlmCallRecord, string, InsertType<LlmCallRecord, 'id'>> {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const {provider, model, status, label} = filter;
  const indexed = (key: 'provider' | 'model' | 'status', value: string) =>
    database.calls.where(`[${key}+startedAt]`).between([value, from], [value, to], true, true);
  const isUnfiltered = [filter.from, filter.to, provider, model, status, label].every(value => value === undefined);
  // Without a filter, getAll() on the table itself skips the index lookups.
  if (isUnfiltered) return database.calls.toCollection();
  const collection =
    provider !== undefined
      ? indexed('provider', provider)
      : model !== undefined
        ? indexed('model', model)
        : status !== undefined
          ? indexed('status', status)
          : database.calls.where('startedAt').between(from, to, true, true);
  const rest: ((call: LlmCallRecord) => boolean)[] = [];
  if (provider !== undefined && model !== undefined) rest.push(call => call.model === model);
  if ((provider !== undefined || model !== undefined) && status !== undefined)
    rest.push(call => call.status === status);
  if (label !== undefined) rest.push(call => call.label === label);
  return rest.length === 0 ? collection : collection.and(call => rest.every(test => test(call)));
}

/**
 * A page of rows, newest first.
 * @param database The log database.
 * @param page The filter and paging.
 * @returns The rows.
 */
export function recentCalls(database: LlmLogDatabase, page: LlmCallPage): Promise<LlmCallRecord[]> {
  // Unfiltered, the table's own order is by id, which says nothing about time: read the startedAt index instead.
  const isUnfiltered = [page.from, page.to, page.provider, page.model, page.status, page.label].every(
    value => value === undefined,
  );
  return (isUnfiltered ? database.calls.orderBy('startedAt') : filteredCalls(database, page))
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
 * One row with its body and its trace's attempts.
 * @param database The log database.
 * @param id The row's id.
 * @returns The details, or `undefined` for an unknown id.
 */
export async function callDetails(database: LlmLogDatabase, id: string): Promise<LlmCallDetails | undefined> {
  const call = await database.calls.get(id);
  if (call === undefined) return undefined;
  const [body, attempts] = await Promise.all([
    // The body belongs to the call's first row; any row of the trace finds it.
    database.bodies.get(id).then(own => own ?? database.bodies.where('traceId').equals(call.traceId).first()),
    database.calls.where('traceId').equals(call.traceId).sortBy('attemptIndex'),
  ]);
  return {call, body, attempts};
}
