import {utcDay} from './utc-day';

describe('utcDay', () => {
  it('gives the UTC day, not the local one', () => {
    expect(utcDay(Date.UTC(2025, 0, 31, 23, 59, 59, 999))).toBe('2025-01-31');
    expect(utcDay(Date.UTC(2025, 1, 1, 0, 0, 0, 0))).toBe('2025-02-01');
  });

  it('pads months and days', () => {
    expect(utcDay(Date.UTC(2024, 2, 5))).toBe('2024-03-05');
  });
});
