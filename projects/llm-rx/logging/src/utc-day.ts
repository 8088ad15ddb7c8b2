/**
 * The UTC calendar day of a timestamp, the `day` field of a call row.
 * @param epochMs Milliseconds since the epoch.
 * @returns The day as `YYYY-MM-DD`.
 */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
