/*
 * The OTLP export requests in the OTLP/JSON mapping: lowerCamelCase field names, trace and span ids as hex, 64-bit
 * integers as a number or a decimal string, enums as integers (names accepted too). The protobuf decoder produces
 * the same shape, so one normaliser serves both encodings. Every field is optional, as in proto3.
 */

/** A 64-bit integer: a JSON number or a decimal string (protobuf longs decode to strings). */
export type OtlpLong = number | string;

export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: OtlpLong;
  /** A number, or `"NaN"`, `"Infinity"`, `"-Infinity"`. */
  doubleValue?: number | string;
  arrayValue?: {values?: OtlpAnyValue[]};
  kvlistValue?: {values?: OtlpKeyValue[]};
  /** Base64. */
  bytesValue?: string;
}

export interface OtlpKeyValue {
  key?: string;
  value?: OtlpAnyValue;
}

export interface OtlpResource {
  attributes?: OtlpKeyValue[];
}

export interface OtlpScope {
  name?: string;
  version?: string;
}

export interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  kind?: number | string;
  startTimeUnixNano?: OtlpLong;
  endTimeUnixNano?: OtlpLong;
  attributes?: OtlpKeyValue[];
  events?: {timeUnixNano?: OtlpLong; name?: string; attributes?: OtlpKeyValue[]}[];
  links?: {traceId?: string; spanId?: string; attributes?: OtlpKeyValue[]}[];
  status?: {code?: number | string; message?: string};
}

/** `ExportTraceServiceRequest`. */
export interface OtlpTraceRequest {
  resourceSpans?: {resource?: OtlpResource; scopeSpans?: {scope?: OtlpScope; spans?: OtlpSpan[]}[]}[];
}

export interface OtlpDataPoint {
  attributes?: OtlpKeyValue[];
  startTimeUnixNano?: OtlpLong;
  timeUnixNano?: OtlpLong;
  asInt?: OtlpLong;
  asDouble?: number | string;
  count?: OtlpLong;
  sum?: number | string;
  min?: number | string;
  max?: number | string;
  bucketCounts?: OtlpLong[];
  explicitBounds?: (number | string)[];
}

export interface OtlpMetric {
  name?: string;
  description?: string;
  unit?: string;
  gauge?: {dataPoints?: OtlpDataPoint[]};
  sum?: {dataPoints?: OtlpDataPoint[]; aggregationTemporality?: number | string; isMonotonic?: boolean};
  histogram?: {dataPoints?: OtlpDataPoint[]; aggregationTemporality?: number | string};
  exponentialHistogram?: {dataPoints?: OtlpDataPoint[]; aggregationTemporality?: number | string};
  summary?: {dataPoints?: OtlpDataPoint[]};
}

/** `ExportMetricsServiceRequest`. */
export interface OtlpMetricsRequest {
  resourceMetrics?: {resource?: OtlpResource; scopeMetrics?: {scope?: OtlpScope; metrics?: OtlpMetric[]}[]}[];
}
