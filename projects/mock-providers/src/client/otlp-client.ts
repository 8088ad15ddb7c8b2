/**
 * The client of the mock server's loopback OTLP/HTTP receiver (`POST /v1/traces`, `POST /v1/metrics`): the shapes
 * it normalises both OTLP encodings into, and the polling reads for specs. Browser-safe: uses `fetch` only.
 */
import {MOCK_PROVIDERS_URL} from './mock-provider-client';

/**
 * An attribute value as received: OTLP's `AnyValue` with `intValue` as a number (exact up to 2^53), `bytesValue` as
 * base64, arrays and key-value lists as arrays and objects (of such values), and an empty value as `null`. Not a
 * recursive type: jasmine's `toEqual()` typing would expand it without end.
 */
export type ReceivedAttributeValue = string | number | boolean | null | unknown[] | {[key: string]: unknown};

/** Attributes (of a resource, scope, span, event or data point) by key. */
export type ReceivedAttributes = Record<string, ReceivedAttributeValue>;

/** The OTLP encoding a span or metric arrived in. */
export type OtlpEncoding = 'json' | 'protobuf';

/** An instrumentation scope: the tracer's or meter's name and version. */
export interface ReceivedScope {
  name: string;
  version?: string;
}

/** A span kind, OTLP's `SPAN_KIND_*` in lower case. */
export type ReceivedSpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** One span the receiver decoded, with its resource and scope. */
export interface ReceivedSpan {
  /** 32 lower-case hex digits. */
  traceId: string;
  /** 16 lower-case hex digits. */
  spanId: string;
  /** The parent's span id, or `''` for a root span. */
  parentSpanId: string;
  name: string;
  kind: ReceivedSpanKind;
  /** Nanoseconds since the epoch, as a decimal string (a number would lose precision). */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: ReceivedAttributes;
  status: {code: 'unset' | 'ok' | 'error'; message?: string};
  events: {name: string; timeUnixNano: string; attributes: ReceivedAttributes}[];
  links: {traceId: string; spanId: string; attributes: ReceivedAttributes}[];
  resource: ReceivedAttributes;
  scope: ReceivedScope;
  encoding: OtlpEncoding;
}

/** One data point of a metric; which fields are set depends on the metric's kind. */
export interface ReceivedPoint {
  attributes: ReceivedAttributes;
  startTimeUnixNano: string;
  timeUnixNano: string;
  /** A sum's or gauge's value (`asInt` or `asDouble`). */
  value?: number;
  /** A histogram's or summary's number of measurements. */
  count?: number;
  sum?: number;
  min?: number;
  max?: number;
  /** An explicit-bucket histogram's counts, one more than `explicitBounds`. */
  bucketCounts?: number[];
  explicitBounds?: number[];
}

/** The kind of a metric, after the OTLP `Metric.data` field that is set. */
export type ReceivedMetricKind = 'sum' | 'gauge' | 'histogram' | 'exponential-histogram' | 'summary';

/** One metric of one export, with its resource, scope and points. */
export interface ReceivedMetric {
  name: string;
  description: string;
  unit: string;
  kind: ReceivedMetricKind;
  /** For sums and histograms. */
  temporality?: 'delta' | 'cumulative' | 'unspecified';
  /** For sums. */
  isMonotonic?: boolean;
  points: ReceivedPoint[];
  resource: ReceivedAttributes;
  scope: ReceivedScope;
  encoding: OtlpEncoding;
}

/** Options of {@link receivedSpans} and {@link receivedMetrics}. */
export interface ReceivedOptions {
  /** How many items to wait for (exporters batch and send late); default 1, and 0 reads once. */
  minCount?: number;
  /** How long to poll before failing; default 5000 ms. */
  timeoutMs?: number;
  /** The pause between polls; default 25 ms. */
  intervalMs?: number;
  /** The server's base URL; default {@link MOCK_PROVIDERS_URL}. */
  baseUrl?: string;
}

/**
 * Reads the spans the receiver got from one service (the `service.name` resource attribute; give each test its
 * own, since specs run in parallel processes against one server), polling until at least `minCount` arrived.
 *
 * @param service The `service.name` of the exporting resource.
 * @param options Count to wait for, timeout, poll interval and base URL.
 * @returns The spans in arrival order (span end order within a batch).
 * @throws Error when fewer than `minCount` spans arrived within the timeout; the message names those that did.
 *
 * @example
 * ```ts
 * await provider.forceFlush();
 * const spans = await receivedSpans('cascade-spec-1', {minCount: 3});
 * expect(formatSpanTree(buildSpanTree(spans))).toEqual(['llm.stream', '  llm.attempt', '  llm.attempt']);
 * ```
 */
export function receivedSpans(service: string, options: ReceivedOptions = {}): Promise<ReceivedSpan[]> {
  return pollReceived<ReceivedSpan>('spans', service, options);
}

/**
 * Reads the metrics the receiver got from one service, polling until at least `minCount` arrived. Each export
 * adds its metrics again (a cumulative reader re-sends every metric), so look at the last one of a name.
 *
 * @param service The `service.name` of the exporting resource.
 * @param options Count to wait for, timeout, poll interval and base URL.
 * @returns The metrics in arrival order.
 * @throws Error when fewer than `minCount` metrics arrived within the timeout.
 */
export function receivedMetrics(service: string, options: ReceivedOptions = {}): Promise<ReceivedMetric[]> {
  return pollReceived<ReceivedMetric>('metrics', service, options);
}

/**
 * Forgets the spans and metrics received from one service.
 *
 * @param service The `service.name` of the exporting resource.
 * @param baseUrl The server's base URL; default {@link MOCK_PROVIDERS_URL}.
 * @returns How many spans and metrics were removed.
 */
export async function clearReceived(
  service: string,
  baseUrl: string = MOCK_PROVIDERS_URL,
): Promise<{spans: number; metrics: number}> {
  const response = await fetch(`${baseUrl}/__mock/otlp?service=${encodeURIComponent(service)}`, {method: 'DELETE'});
  if (!response.ok) throw new Error(`llm-rx: the mock provider server answered ${response.status} at ${baseUrl}.`);
  return (await response.json()) as {spans: number; metrics: number};
}

async function pollReceived<T extends {name: string}>(
  what: 'spans' | 'metrics',
  service: string,
  options: ReceivedOptions,
): Promise<T[]> {
  const baseUrl = options.baseUrl ?? MOCK_PROVIDERS_URL;
  const minCount = options.minCount ?? 1;
  const timeoutMs = options.timeoutMs ?? 5000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${baseUrl}/__mock/otlp/${what}?service=${encodeURIComponent(service)}`);
    if (!response.ok) throw new Error(`llm-rx: the mock provider server answered ${response.status} at ${baseUrl}.`);
    const items = (await response.json()) as T[];
    if (items.length >= minCount) return items;
    if (Date.now() >= deadline) {
      throw new Error(
        `llm-rx: ${items.length} of ${minCount} OTLP ${what} from service "${service}" arrived within ${timeoutMs} ms` +
          `: ${JSON.stringify(items.map(item => item.name))}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
