import {
  DAY_MS,
  MINUTE_MS,
  msToNextUtcMidnight,
  msToNextUtcMinute,
  utcDayIndex,
  utcDayKey,
  utcMinuteIndex,
} from './utc-clock';

describe('utc-clock', () => {
  const noon = Date.UTC(2026, 11, 3, 12, 0, 0); // 2026-12-03T12:00:00Z

  it('numbers minutes since the epoch, a new one at each :00 second', () => {
    expect(utcMinuteIndex(noon)).toBe(noon / MINUTE_MS);
    expect(utcMinuteIndex(noon + 59_999)).toBe(noon / MINUTE_MS);
    expect(utcMinuteIndex(noon + 60_000)).toBe(noon / MINUTE_MS + 1);
    expect(utcMinuteIndex(noon - 1)).toBe(noon / MINUTE_MS - 1);
  });

  it('numbers and names UTC days, a new one at midnight UTC', () => {
    const midnight = Date.UTC(2026, 11, 4);
    expect(utcDayIndex(midnight - 1)).toBe(utcDayIndex(noon));
    expect(utcDayIndex(midnight)).toBe(utcDayIndex(noon) + 1);
    expect(utcDayKey(noon)).toBe('2026-12-03');
    expect(utcDayKey(midnight - 1)).toBe('2026-12-03');
    expect(utcDayKey(midnight)).toBe('2026-12-04');
    expect(utcDayKey(0)).toBe('1970-01-01');
  });

  it('counts the milliseconds to the end of the minute', () => {
    expect(msToNextUtcMinute(noon)).toBe(60_000);
    expect(msToNextUtcMinute(noon + 1)).toBe(59_999);
    expect(msToNextUtcMinute(noon + 59_999)).toBe(1);
  });

  it('counts the milliseconds to the next UTC midnight', () => {
    expect(msToNextUtcMidnight(noon)).toBe(DAY_MS / 2);
    expect(msToNextUtcMidnight(Date.UTC(2026, 11, 4))).toBe(DAY_MS);
    expect(msToNextUtcMidnight(Date.UTC(2026, 11, 4) - 1)).toBe(1);
  });
});
