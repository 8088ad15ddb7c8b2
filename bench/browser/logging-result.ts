import type {SampleSummary} from '../lib/stats';

/** One dashboard query's time over the synthetic rows. */
export interface LoggingQueryTime {
  readonly query: string;
  readonly ms: SampleSummary;
}

/** What the Chromium logging bench measured. */
export interface LoggingResult {
  readonly chunks: number;
  /** Main-thread busy time per chunk, microseconds, plain and with `loggedLlm`. */
  readonly plainTaskMicros: SampleSummary;
  readonly loggedTaskMicros: SampleSummary;
  /** Logged over plain, round by round. */
  readonly taskRatio: SampleSummary;
  readonly plainWallMicros: SampleSummary;
  readonly loggedWallMicros: SampleSummary;
  /** Rows written by `importCalls()` and the rows per second achieved. */
  readonly insertedRows: number;
  readonly insertBatch: number;
  readonly insertRowsPerSecond: number;
  readonly queries: readonly LoggingQueryTime[];
}
