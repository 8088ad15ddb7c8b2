import {parseRetryAfterMs} from './parse-retry-after';

describe('parseRetryAfterMs', () => {
  it('prefers retry-after-ms', () => {
    expect(parseRetryAfterMs(new Headers({'retry-after-ms': '250', 'retry-after': '3'}))).toBe(250);
  });

  it('reads retry-after in seconds, fractions included', () => {
    expect(parseRetryAfterMs(new Headers({'retry-after': '2'}))).toBe(2000);
    expect(parseRetryAfterMs(new Headers({'retry-after': '0.5'}))).toBe(500);
  });

  it('reads retry-after as an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs(new Headers({'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT'}), now)).toBe(7000);
    expect(parseRetryAfterMs(new Headers({'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT'}), now)).toBe(0);
  });

  it('falls back to retry-after when retry-after-ms is negative or unreadable', () => {
    expect(parseRetryAfterMs(new Headers({'retry-after-ms': '-5', 'retry-after': '1'}))).toBe(1000);
    expect(parseRetryAfterMs(new Headers({'retry-after-ms': 'soon', 'retry-after': '2'}))).toBe(2000);
  });

  it('gives undefined without a usable header', () => {
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
    expect(parseRetryAfterMs(new Headers())).toBeUndefined();
    expect(parseRetryAfterMs(new Headers({'retry-after': 'soon'}))).toBeUndefined();
  });
});
