import type {OtlpEncoding, ReceivedSpan, ReceivedSpanKind} from '../client/otlp-client';
import type {OtlpSpan, OtlpTraceRequest} from './otlp-request-types';
import {attributesOf, enumOf, nanosOf, scopeOf} from './otlp-values';

const SPAN_KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
];
const SPAN_KINDS: readonly ReceivedSpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_CODE_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];
const STATUS_CODES = ['unset', 'ok', 'error'] as const;

/**
 * Flattens an `ExportTraceServiceRequest` into spans, each with its resource's and scope's attributes.
 *
 * @param request The request in the OTLP/JSON mapping (the protobuf decoder produces the same shape).
 * @param encoding The encoding it arrived in, recorded on each span.
 * @returns The spans in the request's order.
 */
export function spansOf(request: OtlpTraceRequest, encoding: OtlpEncoding): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      const scope = scopeOf(scopeSpans.scope);
      for (const span of scopeSpans.spans ?? []) spans.push(spanOf(span, resource, scope, encoding));
    }
  }
  return spans;
}

function spanOf(
  span: OtlpSpan,
  resource: ReceivedSpan['resource'],
  scope: ReceivedSpan['scope'],
  encoding: OtlpEncoding,
): ReceivedSpan {
  const code = STATUS_CODES[enumOf(span.status?.code, STATUS_CODE_NAMES)] ?? 'unset';
  return {
    traceId: idOf(span.traceId),
    spanId: idOf(span.spanId),
    parentSpanId: idOf(span.parentSpanId),
    name: span.name ?? '',
    kind: SPAN_KINDS[enumOf(span.kind, SPAN_KIND_NAMES)] ?? 'unspecified',
    startTimeUnixNano: nanosOf(span.startTimeUnixNano),
    endTimeUnixNano: nanosOf(span.endTimeUnixNano),
    attributes: attributesOf(span.attributes),
    status: span.status?.message ? {code, message: span.status.message} : {code},
    events: (span.events ?? []).map(event => ({
      name: event.name ?? '',
      timeUnixNano: nanosOf(event.timeUnixNano),
      attributes: attributesOf(event.attributes),
    })),
    links: (span.links ?? []).map(link => ({
      traceId: idOf(link.traceId),
      spanId: idOf(link.spanId),
      attributes: attributesOf(link.attributes),
    })),
    resource,
    scope,
    encoding,
  };
}

/** A hex id in lower case; absent (a root's parent) is `''`. */
function idOf(id: string | undefined): string {
  return (id ?? '').toLowerCase();
}
