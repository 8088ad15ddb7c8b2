import {summaryOf} from '../object/object-results-fixtures';
import type {TelemetryResults} from './telemetry-bench';
import type {TelemetryMode} from './telemetry-per-chunk';

/**
 * The telemetry bench's results, for the report's and the targets' specs: 10 µs of CPU per chunk bare.
 * @param onRatio The traced model's CPU over the bare one's.
 * @param spread That ratio's IQR half-width, relative.
 * @param otlpRowsPerSecond The replay's rows per second with the OTLP exporter.
 * @returns The results.
 */
export function telemetryResults(onRatio = 1.02, spread = 0, otlpRowsPerSecond = 18_000): TelemetryResults {
  const row = (mode: TelemetryMode, toOff: number, ratioSpread = 0) => ({
    mode,
    cpuMicrosPerChunk: summaryOf(10 * toOff, 0.05),
    wallMicrosPerChunk: summaryOf(12 * toOff, 0.05),
    cpuRatioToOff: summaryOf(toOff, ratioSpread),
  });
  const replayRow = (exporter: 'counting exporter' | 'OTLP/HTTP JSON, loopback', rowsPerSecond: number) => ({
    exporter,
    rowsPerSecond: summaryOf(rowsPerSecond, 0.1),
    spansPerSecond: summaryOf(rowsPerSecond * 1.9, 0.1),
    cpuMicrosPerRow: summaryOf(1e6 / rowsPerSecond),
  });
  return {
    perChunk: [row('off', 1), row('on', onRatio, spread), row('on, captureContent', 1.04)],
    replay: {
      rows: 10_000,
      calls: 9_091,
      spans: 19_091,
      batchSize: 500,
      exporters: [replayRow('counting exporter', 50_000), replayRow('OTLP/HTTP JSON, loopback', otlpRowsPerSecond)],
    },
  };
}
