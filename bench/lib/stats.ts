/** The median and spread of a set of samples. */
export interface SampleSummary {
  readonly count: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** First quartile (linear interpolation). */
  readonly q1: number;
  /** Third quartile (linear interpolation). */
  readonly q3: number;
}

/**
 * Summarises samples: median, min, max and quartiles.
 * @param samples The samples; at least one.
 * @returns The summary.
 * @throws Error for no samples or a non-finite sample.
 */
export function summarize(samples: readonly number[]): SampleSummary {
  if (samples.length === 0) throw new Error('bench: no samples to summarize');
  if (samples.some(sample => !Number.isFinite(sample))) throw new Error(`bench: non-finite sample in ${samples}`);
  const sorted = [...samples].sort((left, right) => left - right);
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/**
 * The median of samples.
 * @param samples The samples; at least one.
 * @returns The median.
 */
export function median(samples: readonly number[]): number {
  return summarize(samples).median;
}

/**
 * Element-wise ratios of two paired sample lists (round i of `numerators` over round i of `denominators`), the
 * fair comparison for interleaved rounds that share the machine's state.
 * @param numerators The first list.
 * @param denominators The second list, as long as the first.
 * @returns The ratios.
 * @throws Error when the lists differ in length.
 */
export function pairedRatios(numerators: readonly number[], denominators: readonly number[]): number[] {
  if (numerators.length !== denominators.length) {
    throw new Error(`bench: cannot pair ${numerators.length} samples with ${denominators.length}`);
  }
  return numerators.map((numerator, index) => numerator / (denominators[index] as number));
}

/**
 * A quantile of samples, e.g. 0.95 for the 95th percentile (linear interpolation between closest ranks).
 * @param samples The samples; at least one.
 * @param fraction Between 0 and 1.
 * @returns The quantile.
 */
export function quantileOf(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('bench: no samples for a quantile');
  return quantile(
    [...samples].sort((left, right) => left - right),
    fraction,
  );
}

// Linear interpolation between closest ranks (the "R-7" / NumPy default definition).
function quantile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lowerValue = sorted[lower] as number;
  return lowerValue + ((sorted[upper] as number) - lowerValue) * (position - lower);
}
