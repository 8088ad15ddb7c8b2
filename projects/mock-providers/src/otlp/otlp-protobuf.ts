import protobuf from 'protobufjs';
import {OTLP_PROTO_SOURCES} from './otlp-proto-sources';
import type {OtlpMetricsRequest, OtlpTraceRequest} from './otlp-request-types';

/** The parsed OTLP messages: built once, never changed. */
const ROOT = buildRoot();
const TRACE_REQUEST = ROOT.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
const METRICS_REQUEST = ROOT.lookupType('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest');

/** The OTLP message types by full name, e.g. to encode a response or a request in a spec. */
export function otlpProtoType(name: string): protobuf.Type {
  return ROOT.lookupType(name);
}

/**
 * To the OTLP/JSON shape: 64-bit integers as decimal strings, enums as integers, bytes as base64 (ids are turned
 * into hex afterwards), proto3 defaults left out as the JSON mapping allows.
 */
const TO_OBJECT: protobuf.IConversionOptions = {longs: String, enums: Number, bytes: String, defaults: false};

/**
 * Decodes a protobuf `ExportTraceServiceRequest` into the OTLP/JSON shape.
 *
 * @param bytes The request body, uncompressed.
 * @returns The request, trace and span ids as lower-case hex.
 * @throws Error when the bytes are not such a message.
 */
export function decodeTraceRequest(bytes: Uint8Array): OtlpTraceRequest {
  const request = TRACE_REQUEST.toObject(TRACE_REQUEST.decode(bytes), TO_OBJECT) as OtlpTraceRequest;
  for (const resourceSpans of request.resourceSpans ?? []) {
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        span.traceId = hexOf(span.traceId);
        span.spanId = hexOf(span.spanId);
        span.parentSpanId = hexOf(span.parentSpanId);
        for (const link of span.links ?? []) {
          link.traceId = hexOf(link.traceId);
          link.spanId = hexOf(link.spanId);
        }
      }
    }
  }
  return request;
}

/**
 * Decodes a protobuf `ExportMetricsServiceRequest` into the OTLP/JSON shape.
 *
 * @param bytes The request body, uncompressed.
 * @returns The request.
 * @throws Error when the bytes are not such a message.
 */
export function decodeMetricsRequest(bytes: Uint8Array): OtlpMetricsRequest {
  return METRICS_REQUEST.toObject(METRICS_REQUEST.decode(bytes), TO_OBJECT) as OtlpMetricsRequest;
}

/**
 * Encodes an empty export response, which is what a receiver that took everything answers.
 *
 * @param signal Which service's response.
 * @returns The protobuf bytes (an empty message encodes to zero bytes).
 */
export function encodeEmptyResponse(signal: 'traces' | 'metrics'): Uint8Array {
  const type = ROOT.lookupType(
    signal === 'traces'
      ? 'opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse'
      : 'opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse',
  );
  return type.encode(type.create({})).finish();
}

function buildRoot(): protobuf.Root {
  const root = new protobuf.Root();
  for (const source of OTLP_PROTO_SOURCES) protobuf.parse(source, root);
  root.resolveAll();
  return root;
}

function hexOf(base64: string | undefined): string {
  return base64 ? Buffer.from(base64, 'base64').toString('hex') : '';
}
