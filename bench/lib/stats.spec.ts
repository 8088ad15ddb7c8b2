import {median, pairedRatios, quantileOf, summarize} from './stats';

describe('summarize', () => {
  it('gives the median, extremes and interpolated quartiles of unsorted samples', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({count: 5, median: 3, min: 1, max: 5, q1: 2, q3: 4});
  });

  it('interpolates the median of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(summarize([4, 1, 3, 2]).q1).toBe(1.75);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and non-finite samples', () => {
    expect(() => summarize([])).toThrowError(/no samples/);
    expect(() => summarize([1, Number.NaN])).toThrowError(/non-finite/);
  });
});

describe('pairedRatios', () => {
  it('divides round by round', () => {
    expect(pairedRatios([2, 9], [1, 3])).toEqual([2, 3]);
  });

  it('refuses lists of different lengths', () => {
    expect(() => pairedRatios([1], [1, 2])).toThrowError(/cannot pair/);
  });
});

describe('quantileOf', () => {
  it('interpolates a percentile of unsorted samples, and refuses none', () => {
    expect(quantileOf([10, 0, 5], 0.95)).toBeCloseTo(9.5, 10);
    expect(quantileOf([7], 0.5)).toBe(7);
    expect(() => quantileOf([], 0.5)).toThrowError(/no samples/);
  });
});
