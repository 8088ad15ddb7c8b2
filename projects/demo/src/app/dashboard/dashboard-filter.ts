import type {LlmCallFilter, LlmCallStatus} from 'llm-rx';

/** The dashboard's filter as its form holds it: an empty string means "any". */
export interface DashboardFilter {
  readonly provider: string;
  readonly model: string;
  readonly status: LlmCallStatus | '';
  /** The first day shown, `YYYY-MM-DD` in local time (an `<input type="date">` value). */
  readonly fromDate: string;
  /** The last day shown, included. */
  readonly toDate: string;
}

/** No filter: every call. */
export const NO_DASHBOARD_FILTER: DashboardFilter = {provider: '', model: '', status: '', fromDate: '', toDate: ''};

/** The statuses a call can have, in the order the filter lists them. */
export const CALL_STATUSES: readonly LlmCallStatus[] = ['ok', 'error', 'cancelled', 'interrupted', 'in-progress'];

/**
 * The log's filter for the form's: days become epoch ms from the first day's local midnight to the last day's end.
 * @param filter The form's values.
 * @returns The filter for `recentCalls()`, `totals()` and `breakdown()`.
 */
export function toCallFilter(filter: DashboardFilter): LlmCallFilter {
  const from = localDayStart(filter.fromDate);
  const toStart = localDayStart(filter.toDate);
  return {
    ...(filter.provider && {provider: filter.provider}),
    ...(filter.model && {model: filter.model}),
    ...(filter.status && {status: filter.status}),
    ...(from !== undefined && {from}),
    ...(toStart !== undefined && {to: nextLocalDay(toStart) - 1}),
  };
}

/**
 * Whether the form filters anything.
 * @param filter The form's values.
 * @returns `true` unless every field is "any".
 */
export function isFiltering(filter: DashboardFilter): boolean {
  return Object.values(filter).some(value => value !== '');
}

function localDayStart(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

function nextLocalDay(start: number): number {
  const date = new Date(start);
  // Through the calendar rather than + 24 h, so that a daylight-saving day keeps its 23 or 25 hours.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}
