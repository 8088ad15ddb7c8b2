import {formatBytes, formatCost, formatCount, formatDuration, formatWait} from './format';

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

  it('shows a wait rounded up in seconds, minutes or hours', () => {
    expect([formatWait(0), formatWait(1), formatWait(40_000), formatWait(59_001)]).toEqual([
      '1 s',
      '1 s',
      '40 s',
      '1 min',
    ]);
    expect([formatWait(61_000), formatWait(3_540_000), formatWait(3_599_000)]).toEqual(['2 min', '59 min', '1 h']);
    expect([formatWait(3_600_001), formatWait(3 * 3_600_000)]).toEqual(['2 h', '3 h']);
  });

  it('shows sizes in B, kB or MB, in decimal units', () => {
    expect([formatBytes(800), formatBytes(12_345), formatBytes(4_500_000)]).toEqual(['800 B', '12.3 kB', '4.5 MB']);
  });
});
