import {gzipSync} from 'node:zlib';
import {clearReceived, receivedMetrics, receivedSpans} from '../client/otlp-client';
import {startMockProviderServer, type MockProviderServer} from '../mock-provider-server';
import {otlpProtoType} from './otlp-protobuf';

describe('the OTLP receiver routes', () => {
  let server: MockProviderServer;
  let serviceNumber = 0;
  const uniqueService = () => `otlp-route-spec-${process.pid}-${Date.now()}-${serviceNumber++}`;

  /** A minimal JSON export of one span (or one gauge) from a service. */
  const jsonTraces = (service: string, name = 'span') =>
    JSON.stringify({
      resourceSpans: [
        {
          resource: {attributes: [{key: 'service.name', value: {stringValue: service}}]},
          scopeSpans: [{scope: {name: 'spec'}, spans: [{traceId: 'AB'.repeat(16), spanId: 'CD'.repeat(8), name}]}],
        },
      ],
    });
  const jsonMetrics = (service: string) =>
    JSON.stringify({
      resourceMetrics: [
        {
          resource: {attributes: [{key: 'service.name', value: {stringValue: service}}]},
          scopeMetrics: [{scope: {name: 'spec'}, metrics: [{name: 'm', gauge: {dataPoints: [{asInt: '5'}]}}]}],
        },
      ],
    });
  const post = (path: string, body: BodyInit, headers: Record<string, string>) =>
    fetch(`${server.url}${path}`, {method: 'POST', headers, body});

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers a JSON export with 200 and {} and a protobuf one with an empty ExportTraceServiceResponse', async () => {
    const service = uniqueService();
    const json = await post('/v1/traces', jsonTraces(service), {'content-type': 'application/json'});
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(await json.json()).toEqual({});

    const request = otlpProtoType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
    // A copy, typed over a plain ArrayBuffer as fetch's body wants.
    const bytes = new Uint8Array(request.encode(request.fromObject(JSON.parse(jsonTraces(service)))).finish());
    const protobuf = await post('/v1/traces', bytes, {'content-type': 'application/x-protobuf'});
    expect(protobuf.status).toBe(200);
    expect(protobuf.headers.get('content-type')).toBe('application/x-protobuf');
    const response = otlpProtoType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse');
    expect(response.toObject(response.decode(new Uint8Array(await protobuf.arrayBuffer())))).toEqual({});
    expect((await receivedSpans(service, {minCount: 2, baseUrl: server.url})).map(span => span.encoding)).toEqual([
      'json',
      'protobuf',
    ]);
  });

  it('inflates a gzip body and keeps OTLP exports out of the provider request log', async () => {
    const service = uniqueService();
    const response = await post('/v1/metrics', gzipSync(jsonMetrics(service)), {
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(200);
    const [metric] = await receivedMetrics(service, {baseUrl: server.url});
    expect(metric.points).toEqual([{attributes: {}, startTimeUnixNano: '0', timeUnixNano: '0', value: 5}]);
    // Every request this server's log holds, whatever its tag: none, since it only took OTLP exports.
    expect(((await (await fetch(`${server.url}/__mock/requests`)).json()) as unknown[]).length).toBe(0);
  });

  it('refuses another content type or encoding with 415 and a body that does not decode with 400', async () => {
    const service = uniqueService();
    expect((await post('/v1/traces', jsonTraces(service), {'content-type': 'text/plain'})).status).toBe(415);
    const deflate = {'content-type': 'application/json', 'content-encoding': 'deflate'};
    expect((await post('/v1/traces', jsonTraces(service), deflate)).status).toBe(415);
    const badJson = await post('/v1/traces', '{"resourceSpans": [', {'content-type': 'application/json'});
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as {code: number}).code).toBe(3);
    expect((await post('/v1/traces', '[]', {'content-type': 'application/json'})).status).toBe(400);
    const badProtobuf = new Uint8Array([0x0a, 0xff, 0xff]);
    expect((await post('/v1/traces', badProtobuf, {'content-type': 'application/x-protobuf'})).status).toBe(400);
    const badGzip = {'content-type': 'application/json', 'content-encoding': 'gzip'};
    expect((await post('/v1/traces', 'not gzip', badGzip)).status).toBe(400);
    expect(await receivedSpans(service, {minCount: 0, baseUrl: server.url})).toEqual([]);
  });

  it('reads and clears one service only, and refuses control routes without ?service=', async () => {
    const [mine, theirs] = [uniqueService(), uniqueService()];
    for (const service of [mine, theirs]) {
      await post('/v1/traces', jsonTraces(service), {'content-type': 'application/json'});
      await post('/v1/metrics', jsonMetrics(service), {'content-type': 'application/json'});
    }
    expect(await clearReceived(mine, server.url)).toEqual({spans: 1, metrics: 1});
    expect(await receivedSpans(mine, {minCount: 0, baseUrl: server.url})).toEqual([]);
    expect(await receivedMetrics(mine, {minCount: 0, baseUrl: server.url})).toEqual([]);
    expect((await receivedSpans(theirs, {baseUrl: server.url})).length).toBe(1);
    expect((await receivedMetrics(theirs, {baseUrl: server.url})).length).toBe(1);
    for (const [method, path] of [
      ['GET', '/__mock/otlp/spans'],
      ['GET', '/__mock/otlp/metrics'],
      ['DELETE', '/__mock/otlp'],
    ]) {
      expect((await fetch(`${server.url}${path}`, {method})).status).toBe(400);
    }
    expect((await fetch(`${server.url}/__mock/otlp/nope?service=${theirs}`)).status).toBe(404);
  });

  it('polls until minCount items arrived, and fails naming what did after the timeout', async () => {
    const service = uniqueService();
    const waiting = receivedSpans(service, {minCount: 2, baseUrl: server.url});
    await post('/v1/traces', jsonTraces(service, 'first'), {'content-type': 'application/json'});
    await post('/v1/traces', jsonTraces(service, 'second'), {'content-type': 'application/json'});
    expect((await waiting).map(span => span.name)).toEqual(['first', 'second']);
    await expectAsync(receivedSpans(service, {minCount: 3, timeoutMs: 50, baseUrl: server.url})).toBeRejectedWithError(
      /2 of 3 OTLP spans from service "otlp-route-spec-.*" arrived within 50 ms: \["first","second"\]/,
    );
  });

  it('answers the preflight a browser exporter sends before a cross-origin export, and CORS on the export', async () => {
    for (const path of ['/v1/traces', '/v1/metrics']) {
      const preflight = await fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:9876',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    }
    const service = uniqueService();
    const response = await post('/v1/traces', jsonTraces(service), {
      'content-type': 'application/json',
      origin: 'http://localhost:9876',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
