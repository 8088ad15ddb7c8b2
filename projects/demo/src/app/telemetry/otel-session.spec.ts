import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {callRow} from '@llm-rx/spec-support';
import type {LlmCallReplaySource, LlmReplayCursor} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, toArray} from 'rxjs';
import {type OtelSession, startOtelSession} from './otel-session';
import type {RecordedMetricExport} from './recording-metric-exporter';
import type {RecordedSpanBatch} from './recording-span-exporter';

/** What an OTLP/JSON receiver got: the request bodies by path. */
interface Received {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: {resourceSpans?: unknown[]; resourceMetrics?: unknown[]};
}

interface JsonSpan {
  readonly name: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly attributes: {key: string}[];
}

/** A loopback OTLP/HTTP receiver that answers each export with `status`. */
async function startReceiver(status: number): Promise<{server: Server; url: string; received: Received[]}> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        contentType: request.headers['content-type'],
        body: JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as Received['body'],
      });
      response.writeHead(status, {'content-type': 'application/json'}).end('{}');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received};
}

function spansOf(received: readonly Received[]): JsonSpan[] {
  const requests = received.filter(each => each.path === '/v1/traces').map(each => each.body);
  return requests.flatMap(body =>
    (body.resourceSpans as {scopeSpans: {spans: JsonSpan[]}[]}[]).flatMap(resource =>
      resource.scopeSpans.flatMap(scope => scope.spans),
    ),
  );
}

describe('startOtelSession', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let session: OtelSession | undefined;
  let batches: RecordedSpanBatch[];
  let metricExports: RecordedMetricExport[];

  const start = (captureContent = false) =>
    startOtelSession({
      urls: {traces: `${receiver.url}/v1/traces`, metrics: `${receiver.url}/v1/metrics`},
      serviceName: 'llm-rx-demo-spec',
      captureContent,
      onSpans: batch => batches.push(batch),
      onMetrics: recorded => metricExports.push(recorded),
    });
  const callOnce = (telemetry: OtelSession['telemetry']) =>
    lastValueFrom(
      telemetry
        .traceLlm(new MockLlm({model: 'gpt-5-mini', script: {chunks: ['Hel', 'lo']}}))
        .stream({userPrompt: 'a secret prompt'}),
    );

  beforeEach(() => {
    batches = [];
    metricExports = [];
  });

  afterEach(async () => {
    await session?.shutdown();
    session = undefined;
    await new Promise(resolve => receiver.server.close(resolve));
  });

  it("sends a call's span and its attempt's as OTLP JSON under the service name, and records the batch", async () => {
    receiver = await startReceiver(200);
    session = start();
    await callOnce(session.telemetry);
    await session.flush();
    const spans = spansOf(receiver.received);
    const call = spans.find(span => span.name === 'chat gpt-5-mini');
    const attempt = spans.find(span => span.name === 'attempt gpt-5-mini');
    expect(call).toBeDefined();
    expect(attempt?.parentSpanId).toBe(call?.spanId);
    expect(receiver.received.find(each => each.path === '/v1/traces')?.contentType).toContain('application/json');
    expect(JSON.stringify(receiver.received)).toContain('"llm-rx-demo-spec"');
    expect(batches.flatMap(batch => batch.spans.map(span => span.name)).sort()).toEqual([
      'attempt gpt-5-mini',
      'chat gpt-5-mini',
    ]);
    expect(batches.every(batch => batch.isExported)).toBe(true);
  });

  it('sends the GenAI metrics, and counts their points', async () => {
    receiver = await startReceiver(200);
    session = start();
    await callOnce(session.telemetry);
    await session.flush();
    expect(receiver.received.some(each => each.path === '/v1/metrics')).toBe(true);
    expect(metricExports.some(recorded => (recorded.points['gen_ai.client.operation.duration'] ?? 0) > 0)).toBe(true);
  });

  it('sends prompts only with captureContent', async () => {
    receiver = await startReceiver(200);
    session = start();
    await callOnce(session.telemetry);
    await session.flush();
    expect(JSON.stringify(receiver.received)).not.toContain('a secret prompt');
    await session.shutdown();
    session = start(true);
    await callOnce(session.telemetry);
    await session.flush();
    expect(JSON.stringify(receiver.received)).toContain('a secret prompt');
  });

  it("replays a log's call as spans, sent before the log remembers the call as sent", async () => {
    receiver = await startReceiver(200);
    session = start();
    const row = callRow({model: 'gpt-4.1'});
    const saved: {cursor: LlmReplayCursor | null; spansReceived: number}[] = [];
    let cursor: LlmReplayCursor | null = null;
    const source: LlmCallReplaySource = {
      countReplayCalls: () => Promise.resolve(cursor === null ? 1 : 0),
      readReplayPage: query =>
        Promise.resolve(
          query.after === null || query.after === undefined
            ? {
                calls: [{traceId: row.traceId, attempts: [row]}],
                cursor: {startedAt: row.startedAt, traceId: row.traceId},
                hasMore: false,
              }
            : {calls: [], cursor: null, hasMore: false},
        ),
      readReplayCursor: () => Promise.resolve(cursor),
      saveReplayCursor: (_name, next) => {
        saved.push({cursor: next, spansReceived: spansOf(receiver.received).length});
        cursor = next;
        return Promise.resolve();
      },
    };
    const progress = await lastValueFrom(session.replay(source).pipe(toArray()));
    expect(progress.at(-1)).toEqual(jasmine.objectContaining({replayed: 1, total: 1, done: true}));
    expect(saved).toEqual([{cursor: {startedAt: row.startedAt, traceId: row.traceId}, spansReceived: 2}]);
    expect(
      spansOf(receiver.received)
        .map(span => span.name)
        .sort(),
    ).toEqual(['attempt gpt-4.1', 'chat gpt-4.1']);
    // Resumed: nothing left to send.
    const again = await lastValueFrom(session.replay(source));
    expect(again).toEqual(jasmine.objectContaining({replayed: 0, total: 0, done: true}));
  });

  it('records a batch the endpoint refused as not exported', async () => {
    receiver = await startReceiver(404);
    session = start();
    await callOnce(session.telemetry);
    await session.flush().catch(() => undefined);
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every(batch => !batch.isExported && batch.error !== undefined)).toBe(true);
  });
});
