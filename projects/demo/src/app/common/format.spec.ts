import {formatCost, formatCount, formatDuration} from './format';

describe('format', () => {
  it('shows an unknown cost as unknown, never as $0', () => {
    expect(formatCost(null)).toBe('unknown');
    expect(formatCost(0)).toBe('$0');
  });

  it('keeps three significant digits for small costs and four decimals for larger ones', () => {
    expect(formatCost(0.000012345)).toBe('$0.0000123');
    expect(formatCost(1.23456)).toBe('$1.2346');
  });

  it('shows durations in ms below a second and in s above', () => {
    expect(formatDuration(849.6)).toBe('850 ms');
    expect(formatDuration(2345)).toBe('2.35 s');
    expect(formatDuration(null)).toBe('–');
  });

  it('separates thousands', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(null)).toBe('–');
  });
});
