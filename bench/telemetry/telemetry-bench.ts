import type {TelemetryPerCallResult} from './telemetry-per-call';
import type {TelemetryPerChunkRow} from './telemetry-per-chunk';
import type {TelemetryReplayResults} from './telemetry-replay';

/** What the telemetry bench runs (its per-chunk answer, warm-ups and rounds are the bench's). */
export interface TelemetryBenchSettings {
  /** Rows of the in-memory log each replay sends. */
  readonly replayRows: number;
  /** Measured rounds of the replay, per exporter. */
  readonly replayRounds: number;
  /** In-memory calls per sample of the per-call part. */
  readonly perCallCalls: number;
}

/** The telemetry section's results; a part is absent when it failed. */
export interface TelemetryResults {
  /** The same model bare, traced, and traced with content, per chunk. */
  readonly perChunk?: readonly TelemetryPerChunkRow[];
  /** What `traceLlm()` adds to one call, without a network. */
  readonly perCall?: TelemetryPerCallResult;
  /** `replayLlmCalls()` throughput per exporter. */
  readonly replay?: TelemetryReplayResults;
}
