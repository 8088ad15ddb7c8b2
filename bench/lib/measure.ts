/** The cost of one measured run. */
export interface RunCost<T> {
  /** CPU time of this process (user + system, all threads), in microseconds. */
  readonly cpuMicros: number;
  /** Wall time, in milliseconds. */
  readonly wallMs: number;
  /** What the run returned. */
  readonly result: T;
}

/**
 * Measures the CPU and wall time of one async run in this process. Garbage is collected first when Node runs with
 * `--expose-gc`, so that one run's garbage is not charged to the next.
 * @param run The work to measure.
 * @param settleMs Milliseconds to wait after the collection before measuring, so that the collector's helper
 *   threads finish their part of it first (their CPU counts in `process.cpuUsage()`); for short runs, where a few
 *   milliseconds matter.
 * @returns Its cost and result.
 */
export async function measureRun<T>(run: () => Promise<T>, settleMs = 0): Promise<RunCost<T>> {
  collectGarbage();
  if (settleMs > 0) await new Promise(resolve => setTimeout(resolve, settleMs));
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const result = await run();
  const wallMs = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  return {cpuMicros: cpu.user + cpu.system, wallMs, result};
}

/**
 * Runs a full garbage collection when Node exposes it (`--expose-gc`).
 * @returns Whether a collection ran.
 */
export function collectGarbage(): boolean {
  const gc = (globalThis as {gc?: () => void}).gc;
  if (!gc) return false;
  gc();
  return true;
}

/** How many rounds to run. */
export interface RoundsConfig {
  /** Unmeasured rounds first, to load code and let the JIT settle. */
  readonly warmups: number;
  /** Measured rounds. */
  readonly rounds: number;
}

/**
 * Runs every contender once per round, interleaved, starting each round at the next contender so that no one
 * always runs first or last, after warm-up rounds that are thrown away.
 * @param contenders The things to compare.
 * @param config Warm-up and measured round counts.
 * @param runOne Measures one contender once; `round` is negative during warm-ups.
 * @returns For each contender (same order), its measured samples in round order.
 */
export async function interleavedRounds<C, S>(
  contenders: readonly C[],
  config: RoundsConfig,
  runOne: (contender: C, round: number) => Promise<S>,
): Promise<S[][]> {
  const samples: S[][] = contenders.map(() => []);
  for (let round = -config.warmups; round < config.rounds; round++) {
    const offset = ((round % contenders.length) + contenders.length) % contenders.length;
    for (let step = 0; step < contenders.length; step++) {
      const index = (offset + step) % contenders.length;
      const sample = await runOne(contenders[index] as C, round);
      if (round >= 0) (samples[index] as S[]).push(sample);
    }
  }
  return samples;
}
