import type {TelemetryPerChunkRow} from './telemetry-per-chunk';
import type {TelemetryReplayResults} from './telemetry-replay';

/** What the telemetry bench runs (its per-chunk answer, warm-ups and rounds are the bench's). */
export interface TelemetryBenchSettings {
  /** Rows of the in-memory log each replay sends. */
  readonly replayRows: number;
  /** Measured rounds of the replay, per exporter. */
  readonly replayRounds: number;
}

/** The telemetry section's results; a part is absent when it failed. */
export interface TelemetryResults {
  /** The same model bare, traced, and traced with content, per chunk. */
  readonly perChunk?: readonly TelemetryPerChunkRow[];
  /** `replayLlmCalls()` throughput per exporter. */
  readonly replay?: TelemetryReplayResults;
}
