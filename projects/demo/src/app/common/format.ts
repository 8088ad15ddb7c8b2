/**
 * A cost in US dollars, with enough digits for the fractions of a cent single calls cost.
 * @param cost The cost, or `null` when the model has no known price.
 * @returns e.g. `$0.000123`, or `unknown`.
 */
export function formatCost(cost: number | null): string {
  if (cost === null) return 'unknown';
  if (cost === 0) return '$0';
  return cost >= 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toPrecision(3)}`;
}

/**
 * A duration for people.
 * @param milliseconds The duration, or `null` when unknown.
 * @returns e.g. `850 ms`, `2.35 s`, or `–`.
 */
export function formatDuration(milliseconds: number | null): string {
  if (milliseconds === null) return '–';
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

/**
 * A count with thousands separators.
 * @param value The count, or `null` when unknown.
 * @returns e.g. `12,345`, or `–`.
 */
export function formatCount(value: number | null): string {
  return value === null ? '–' : value.toLocaleString('en-US');
}

/**
 * A wait for people, rounded up to the unit that reads best: seconds under a minute, minutes under an hour, hours.
 * @param milliseconds The wait.
 * @returns e.g. `40 s`, `12 min`, `3 h`.
 */
export function formatWait(milliseconds: number): string {
  const seconds = Math.max(1, Math.ceil(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.ceil(minutes / 60)} h`;
}

/**
 * A size in bytes for people, in decimal units.
 * @param bytes The size.
 * @returns e.g. `800 B`, `12.3 kB`, `4.5 MB`.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
