import {decodeMetricsRequest, decodeTraceRequest, encodeEmptyResponse, otlpProtoType} from './otlp-protobuf';

describe('OTLP protobuf', () => {
  const encode = (name: string, object: object) => {
    const type = otlpProtoType(name);
    return type.encode(type.fromObject(object)).finish();
  };

  it('decodes a trace request into the JSON shape: hex ids, longs as decimal strings, enums as numbers', () => {
    const bytes = encode('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest', {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.from('0102030405060708090a0b0c0d0e0f10', 'hex'),
                  spanId: Buffer.from('a1a2a3a4a5a6a7a8', 'hex'),
                  parentSpanId: Buffer.from('b1b2b3b4b5b6b7b8', 'hex'),
                  kind: 3,
                  startTimeUnixNano: '1700000000123456789',
                  attributes: [{key: 'n', value: {intValue: '-9007199254740993'}}],
                  links: [{traceId: Buffer.from('ff'.repeat(16), 'hex'), spanId: Buffer.from('ee'.repeat(8), 'hex')}],
                  status: {code: 2},
                },
              ],
            },
          ],
        },
      ],
    });
    const [span] = decodeTraceRequest(bytes).resourceSpans![0].scopeSpans![0].spans!;
    expect(span).toEqual({
      traceId: '0102030405060708090a0b0c0d0e0f10',
      spanId: 'a1a2a3a4a5a6a7a8',
      parentSpanId: 'b1b2b3b4b5b6b7b8',
      kind: 3,
      startTimeUnixNano: '1700000000123456789',
      attributes: [{key: 'n', value: {intValue: '-9007199254740993'}}],
      links: [{traceId: 'ff'.repeat(16), spanId: 'ee'.repeat(8)}],
      status: {code: 2},
    });
  });

  it('gives a root span an empty parent id', () => {
    const bytes = encode('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest', {
      resourceSpans: [{scopeSpans: [{spans: [{name: 'root'}]}]}],
    });
    expect(decodeTraceRequest(bytes).resourceSpans![0].scopeSpans![0].spans![0]).toEqual({
      name: 'root',
      traceId: '',
      spanId: '',
      parentSpanId: '',
    });
  });

  it('decodes a metrics request with fixed64 counts as strings and optional sums', () => {
    const bytes = encode('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest', {
      resourceMetrics: [
        {
          scopeMetrics: [{metrics: [{name: 'h', histogram: {dataPoints: [{count: 3, sum: 0, bucketCounts: [1, 2]}]}}]}],
        },
      ],
    });
    const [metric] = decodeMetricsRequest(bytes).resourceMetrics![0].scopeMetrics![0].metrics!;
    expect(metric).toEqual({name: 'h', histogram: {dataPoints: [{count: '3', sum: 0, bucketCounts: ['1', '2']}]}});
  });

  it('throws on bytes that are not the message, and encodes an empty response as zero bytes', () => {
    expect(() => decodeTraceRequest(new Uint8Array([0x0a, 0xff, 0xff]))).toThrowError();
    expect(encodeEmptyResponse('traces').length).toBe(0);
    expect(encodeEmptyResponse('metrics').length).toBe(0);
  });
});
