import type {OtlpEncoding, ReceivedMetric, ReceivedPoint} from '../client/otlp-client';
import type {OtlpDataPoint, OtlpMetric, OtlpMetricsRequest} from './otlp-request-types';
import {attributesOf, enumOf, nanosOf, numberOf, scopeOf} from './otlp-values';

const TEMPORALITY_NAMES = [
  'AGGREGATION_TEMPORALITY_UNSPECIFIED',
  'AGGREGATION_TEMPORALITY_DELTA',
  'AGGREGATION_TEMPORALITY_CUMULATIVE',
];
const TEMPORALITIES = ['unspecified', 'delta', 'cumulative'] as const;

/**
 * Flattens an `ExportMetricsServiceRequest` into metrics, each with its resource's and scope's attributes.
 *
 * @param request The request in the OTLP/JSON mapping (the protobuf decoder produces the same shape).
 * @param encoding The encoding it arrived in, recorded on each metric.
 * @returns The metrics in the request's order; a metric with no data field set is left out.
 */
export function metricsOf(request: OtlpMetricsRequest, encoding: OtlpEncoding): ReceivedMetric[] {
  const metrics: ReceivedMetric[] = [];
  for (const resourceMetrics of request.resourceMetrics ?? []) {
    const resource = attributesOf(resourceMetrics.resource?.attributes);
    for (const scopeMetrics of resourceMetrics.scopeMetrics ?? []) {
      const scope = scopeOf(scopeMetrics.scope);
      for (const metric of scopeMetrics.metrics ?? []) {
        const data = dataOf(metric);
        if (!data) continue;
        metrics.push({
          name: metric.name ?? '',
          description: metric.description ?? '',
          unit: metric.unit ?? '',
          ...data,
          resource,
          scope,
          encoding,
        });
      }
    }
  }
  return metrics;
}

type MetricData = Pick<ReceivedMetric, 'kind' | 'temporality' | 'isMonotonic' | 'points'>;

function dataOf(metric: OtlpMetric): MetricData | undefined {
  const temporalityOf = (value: number | string | undefined) =>
    TEMPORALITIES[enumOf(value, TEMPORALITY_NAMES)] ?? 'unspecified';
  if (metric.sum) {
    return {
      kind: 'sum',
      temporality: temporalityOf(metric.sum.aggregationTemporality),
      isMonotonic: metric.sum.isMonotonic ?? false,
      points: pointsOf(metric.sum.dataPoints),
    };
  }
  if (metric.gauge) return {kind: 'gauge', points: pointsOf(metric.gauge.dataPoints)};
  if (metric.histogram) {
    return {
      kind: 'histogram',
      temporality: temporalityOf(metric.histogram.aggregationTemporality),
      points: pointsOf(metric.histogram.dataPoints, true),
    };
  }
  if (metric.exponentialHistogram) {
    return {
      kind: 'exponential-histogram',
      temporality: temporalityOf(metric.exponentialHistogram.aggregationTemporality),
      points: pointsOf(metric.exponentialHistogram.dataPoints, true),
    };
  }
  if (metric.summary) return {kind: 'summary', points: pointsOf(metric.summary.dataPoints, true)};
  return undefined;
}

/** The points; `hasCount` for distributions, whose count proto3 leaves out when it is 0. */
function pointsOf(points: readonly OtlpDataPoint[] | undefined, hasCount = false): ReceivedPoint[] {
  return (points ?? []).map(point => {
    const received: ReceivedPoint = {
      attributes: attributesOf(point.attributes),
      startTimeUnixNano: nanosOf(point.startTimeUnixNano),
      timeUnixNano: nanosOf(point.timeUnixNano),
    };
    const value = numberOf(point.asInt ?? point.asDouble);
    const fields = {
      value,
      count: numberOf(point.count ?? (hasCount ? 0 : undefined)),
      sum: numberOf(point.sum),
      min: numberOf(point.min),
      max: numberOf(point.max),
      bucketCounts: point.bucketCounts?.map(Number),
      explicitBounds: point.explicitBounds?.map(Number),
    };
    for (const [key, field] of Object.entries(fields)) {
      if (field !== undefined) (received as unknown as Record<string, unknown>)[key] = field;
    }
    return received;
  });
}
