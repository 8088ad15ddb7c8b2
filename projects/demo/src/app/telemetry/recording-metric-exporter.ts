import {type ExportResult, ExportResultCode} from '@opentelemetry/core';
import {AggregationTemporality, AggregationType} from '@opentelemetry/sdk-metrics';
import type {AggregationOption, InstrumentType, PushMetricExporter, ResourceMetrics} from '@opentelemetry/sdk-metrics';

/** One metrics export a `RecordingMetricExporter` handed to its exporter: data points per metric, and the outcome. */
export interface RecordedMetricExport {
  /** Data points by metric name, e.g. `{'gen_ai.client.operation.duration': 2}`. */
  readonly points: Readonly<Record<string, number>>;
  /** Whether the exporter reported success. */
  readonly isExported: boolean;
}

/**
 * A tee for metrics: exports through the wrapped exporter (e.g. `OTLPMetricExporter`) and reports each export's
 * data points and outcome to `onExport`. The aggregation choices are the wrapped exporter's, so the reader
 * aggregates as it would without the tee.
 */
export class RecordingMetricExporter implements PushMetricExporter {
  readonly #exporter: PushMetricExporter;
  readonly #onExport: (recorded: RecordedMetricExport) => void;

  /**
   * @param exporter The exporter that sends.
   * @param onExport Called once per export, after it ended.
   */
  constructor(exporter: PushMetricExporter, onExport: (recorded: RecordedMetricExport) => void) {
    this.#exporter = exporter;
    this.#onExport = onExport;
  }

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    const points = dataPointsOf(metrics);
    this.#exporter.export(metrics, result => {
      try {
        this.#onExport({points, isExported: result.code === ExportResultCode.SUCCESS});
      } finally {
        resultCallback(result);
      }
    });
  }

  forceFlush(): Promise<void> {
    return this.#exporter.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.#exporter.shutdown();
  }

  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality {
    // An exporter without a choice gets the reader's defaults (cumulative, the instrument's default aggregation).
    return this.#exporter.selectAggregationTemporality?.(instrumentType) ?? AggregationTemporality.CUMULATIVE;
  }

  selectAggregation(instrumentType: InstrumentType): AggregationOption {
    return this.#exporter.selectAggregation?.(instrumentType) ?? {type: AggregationType.DEFAULT};
  }
}

/**
 * Counts the data points of an export, by metric name.
 * @param metrics The export.
 * @returns Points per metric name (metrics without points are left out).
 */
export function dataPointsOf(metrics: ResourceMetrics): Record<string, number> {
  const points: Record<string, number> = {};
  for (const scope of metrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      if (metric.dataPoints.length === 0) continue;
      points[metric.descriptor.name] = (points[metric.descriptor.name] ?? 0) + metric.dataPoints.length;
    }
  }
  return points;
}
