import type {SampleSummary} from './lib/stats';

/**
 * Formats a number with a fixed number of decimals, or `–` for a missing one.
 * @param value The number.
 * @param digits Decimals.
 * @returns The text.
 */
export function formatNumber(value: number | undefined, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/**
 * Formats a summary as `median (IQR q1–q3)`.
 * @param summary The summary.
 * @param digits Decimals.
 * @returns The text.
 */
export function medianWithIqr(summary: SampleSummary | undefined, digits = 1): string {
  if (!summary) return '–';
  return `${formatNumber(summary.median, digits)} (${formatNumber(summary.q1, digits)}–${formatNumber(summary.q3, digits)})`;
}

/**
 * Formats a summary's range as `min–max`.
 * @param summary The summary.
 * @param digits Decimals.
 * @returns The text.
 */
export function range(summary: SampleSummary | undefined, digits = 1): string {
  return summary ? `${formatNumber(summary.min, digits)}–${formatNumber(summary.max, digits)}` : '–';
}

/**
 * Formats a ratio summary as `1.05× (0.98–1.12)`: median and min–max.
 * @param summary The ratios.
 * @returns The text.
 */
export function ratio(summary: SampleSummary | undefined): string {
  return summary ? `${formatNumber(summary.median, 2)}× (${range(summary, 2)})` : '–';
}

/**
 * Formats bytes as kB (1000 bytes) with one decimal.
 * @param bytes The size.
 * @returns The text.
 */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * Builds a Markdown table.
 * @param header Column titles.
 * @param rows Cells, row by row.
 * @returns The table, one line per row.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
