// The UTC windows the proxy's limits count in: the minute of a request and the day of a budget.

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;

/** Milliseconds in a day (UTC days have no leap seconds in epoch time). */
export const DAY_MS = 86_400_000;

/**
 * The UTC minute a time falls in, as minutes since the epoch.
 * @param nowMs A time, in epoch milliseconds.
 * @returns `floor(nowMs / 60000)`.
 */
export function utcMinuteIndex(nowMs: number): number {
  return Math.floor(nowMs / MINUTE_MS);
}

/**
 * The UTC day a time falls in, as days since the epoch.
 * @param nowMs A time, in epoch milliseconds.
 * @returns `floor(nowMs / 86400000)`.
 */
export function utcDayIndex(nowMs: number): number {
  return Math.floor(nowMs / DAY_MS);
}

/**
 * The UTC day a time falls in, as `YYYY-MM-DD`.
 * @param nowMs A time, in epoch milliseconds.
 * @returns The date, e.g. `2026-12-03`.
 */
export function utcDayKey(nowMs: number): string {
  return new Date(utcDayIndex(nowMs) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * How long until the UTC minute of a time ends.
 * @param nowMs A time, in epoch milliseconds.
 * @returns Milliseconds to the next minute, from 1 to 60000.
 */
export function msToNextUtcMinute(nowMs: number): number {
  return (utcMinuteIndex(nowMs) + 1) * MINUTE_MS - nowMs;
}

/**
 * How long until the next UTC midnight.
 * @param nowMs A time, in epoch milliseconds.
 * @returns Milliseconds to midnight, from 1 to 86400000.
 */
export function msToNextUtcMidnight(nowMs: number): number {
  return (utcDayIndex(nowMs) + 1) * DAY_MS - nowMs;
}
