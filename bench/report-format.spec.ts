import {formatNumber, kilobytes, markdownTable, medianWithIqr, range, ratio} from './report-format';

const summary = {count: 3, median: 1.05, min: 0.98, max: 1.234, q1: 1, q3: 1.1};

describe('report formatting', () => {
  it('formats numbers, with a dash for missing or non-finite ones', () => {
    expect(formatNumber(3.14159, 2)).toBe('3.14');
    expect(formatNumber(undefined)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('formats summaries as median with IQR, ranges and ratios', () => {
    expect(medianWithIqr(summary, 2)).toBe('1.05 (1.00–1.10)');
    expect(range(summary, 1)).toBe('1.0–1.2');
    expect(ratio(summary)).toBe('1.05× (0.98–1.23)');
    expect(ratio(undefined)).toBe('–');
  });

  it('formats kilobytes', () => {
    expect(kilobytes(12_345)).toBe('12.3 kB');
  });

  it('builds a Markdown table and escapes pipes in cells', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});
