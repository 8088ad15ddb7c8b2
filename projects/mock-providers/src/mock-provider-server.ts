import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {setTimeout as delay} from 'node:timers/promises';
import {handleControlRoute, sendJson} from './control-routes';
import {answerPreflight, setCorsHeaders} from './cors';
import {createMockPlan} from './mock-plan';
import {handleOtlpRoute} from './otlp/otlp-routes';
import {OtlpStore} from './otlp/otlp-store';
import {maskHeaders, maskPath, RequestLog, type MockRequestRecord} from './request-log';
import {faultOf, MockScenarioError, parseScenario, SCENARIO_HEADER, type MockScenario} from './scenario';
import type {MockPlan, ProviderWire} from './wire/provider-wire';
import {findProviderWire, PROVIDER_WIRES} from './wire/provider-wires';

/** The port the mock server listens on by default. */
export const DEFAULT_MOCK_PROVIDERS_PORT = 4010;

/** How long a stalled stream stays open when the client does not go away. */
const STALL_LIMIT_MS = 60_000;

/** Options of {@link startMockProviderServer}. */
export interface MockProviderServerOptions {
  /** The port; default 4010, and 0 picks a free one. */
  port?: number;
  /** The host; default `127.0.0.1` (loopback keeps Chromium's private-network checks out of the way). */
  host?: string;
  /** The wires to route to; default every wire in `provider-wires.ts`. */
  wires?: readonly ProviderWire[];
}

/** A running mock server. */
export interface MockProviderServer {
  /** The base URL, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  /** Stops listening and closes every open connection, stalled streams included. */
  close(): Promise<void>;
}

/**
 * Starts the mock provider server: real provider wire formats, driven by the `x-mock-scenario` request header.
 *
 * @param options Port, host and wires.
 * @returns The running server, once it listens.
 */
export async function startMockProviderServer(options: MockProviderServerOptions = {}): Promise<MockProviderServer> {
  const host = options.host ?? '127.0.0.1';
  const wires = options.wires ?? PROVIDER_WIRES;
  const log = new RequestLog();
  const otlp = new OtlpStore();
  const server = createServer((request, response) => {
    handleRequest(request, response, log, otlp, wires).catch(error => {
      // A bug in the mock must not kill the process that other test runs share.
      console.error('mock-providers: request failed', error);
      if (!response.headersSent) sendJson(response, 500, {error: `mock-providers: ${String(error)}`});
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_MOCK_PROVIDERS_PORT, host, () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  log: RequestLog,
  otlp: OtlpStore,
  wires: readonly ProviderWire[],
): Promise<void> {
  setCorsHeaders(response);
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://mock-providers');
  if (method === 'OPTIONS') return answerPreflight(request, response);
  // The OTLP receiver's exports and control routes stay out of the provider request log.
  if (await handleOtlpRoute(method, url, request, response, otlp)) return;
  if (handleControlRoute(method, url, log, wires, response)) return;

  const wire = findProviderWire(method, url.pathname, wires);
  const body = parseBody(await readBody(request));
  let requested: MockScenario = {};
  let scenarioError: MockScenarioError | undefined;
  try {
    requested = parseScenario(headerOf(request, SCENARIO_HEADER));
  } catch (error) {
    if (!(error instanceof MockScenarioError)) throw error;
    scenarioError = error;
  }
  // Counted before this request is added: `failTimes` heals the requests that come after that many.
  const {fault, scenario} = faultOf(requested, requested.tag === undefined ? 0 : log.count(requested.tag));
  const record = log.add({
    tag: requested.tag ?? null,
    wire: wire?.name ?? null,
    method,
    path: maskPath(request.url ?? '/'),
    headers: maskHeaders(request.headers),
    body,
    scenario: requested,
    fault: scenarioError ? null : fault,
    receivedAt: new Date().toISOString(),
  });
  const echo = scenario.echoKey ? ` (key used: ${credentialOf(request, url)})` : '';
  response.setHeader('x-request-id', record.id);
  response.setHeader('request-id', record.id);

  const exchange = new Exchange(response, record);
  if (!wire) {
    return exchange.sendError(404, {
      error: {message: `mock-providers: no provider route for ${method} ${url.pathname}`, type: 'not_found'},
    });
  }
  if (scenarioError) return exchange.sendError(400, wire.errorBody(400, scenarioError.message));
  const refusal = wire.refusalOf?.(body);
  if (refusal) return exchange.sendError(refusal.status, refusal.body);
  if (scenario.headerDelay) await exchange.wait(scenario.headerDelay);
  if (exchange.isClientGone) return;
  if (scenario.status !== undefined) {
    if (scenario.retryAfter !== undefined) response.setHeader('retry-after', String(scenario.retryAfter));
    const message =
      `mock-providers: simulated HTTP ${scenario.status} (${SCENARIO_HEADER} status=${scenario.status})` + echo;
    return exchange.sendError(scenario.status, wire.errorBody(scenario.status, message, scenario.retryAfter));
  }
  const plan = createMockPlan(scenario, wire.modelOf(url.pathname, body), Date.now(), {
    body,
    outputSchema: wire.outputSchemaOf?.(body),
    tools: wire.toolsOf?.(body),
  });
  await streamAnswer(exchange, wire, plan, scenario, echo);
}

/**
 * The credential a request carried, for `echoKey`: what a faulty upstream might quote back.
 *
 * @param request The request.
 * @param url Its parsed URL.
 * @returns The key from `authorization` (without `Bearer `), `x-api-key`, `x-goog-api-key` or `?key=`.
 */
function credentialOf(request: IncomingMessage, url: URL): string {
  const authorization = headerOf(request, 'authorization')?.replace(/^Bearer\s+/i, '');
  return (
    authorization ??
    headerOf(request, 'x-api-key') ??
    headerOf(request, 'x-goog-api-key') ??
    url.searchParams.get('key') ??
    'none'
  );
}

/** Milliseconds between the last written event and a simulated drop: long enough for a loaded machine's browser. */
const DROP_GRACE_MS = 100;

/** Writes the opening events, the content chunks with any injected failure, then the closing events. */
async function streamAnswer(
  exchange: Exchange,
  wire: ProviderWire,
  plan: MockPlan,
  scenario: MockScenario,
  echo: string,
) {
  const contents = [
    ...plan.reasoningChunks.map((text, index) => () => wire.reasoningEvents(plan, text, index)),
    ...plan.textChunks.map((text, index) => () => wire.textEvents(plan, text, index)),
    // Each tool call's start, argument pieces and end count as content events (`errorAfter` may land inside one).
    ...plan.toolCalls.flatMap((call, index) => [
      () => wire.toolCallStartEvents?.(plan, call, index) ?? [],
      ...call.argumentChunks.map(text => () => wire.toolCallDeltaEvents?.(plan, call, text, index) ?? []),
      () => wire.toolCallEndEvents?.(plan, call, index) ?? [],
    ]),
  ];
  const at = (count: number | undefined) => (count === undefined ? undefined : Math.min(count, contents.length));
  const errorAt = at(scenario.errorAfter);
  const dropAt = at(scenario.dropAfter);
  const stallAt = at(scenario.stallAfter);
  const malformedAt = at(scenario.malformedAfter);
  const chunkDelay = scenario.chunkDelay ?? 0;

  exchange.startStream();
  if (!(await exchange.writeEvents(wire.openingEvents(plan), false))) return;
  for (let written = 0; written <= contents.length; written++) {
    if (written === errorAt) {
      await exchange.writeEvents(
        wire.midStreamErrorEvents(plan, `mock-providers: simulated mid-stream error${echo}`),
        true,
      );
      return exchange.end();
    }
    if (written === dropAt) {
      // Let the client read what was written before: a browser may discard received bytes it has not yet handed
      // to the reader when the socket resets, and the scenario means "content, then a drop".
      if (!(await exchange.wait(Math.max(chunkDelay, DROP_GRACE_MS)))) return;
      return exchange.drop();
    }
    if (written === stallAt) return exchange.stall(STALL_LIMIT_MS);
    if (written === malformedAt) {
      await exchange.writeEvents([wire.malformedEvent()], true);
      return exchange.end();
    }
    if (written === contents.length) break;
    if (chunkDelay && !(await exchange.wait(chunkDelay))) return;
    const isLast = scenario.noFinal === true && written === contents.length - 1;
    if (!(await exchange.writeEvents(contents[written](), isLast))) return;
  }
  if (!scenario.noFinal) {
    if (chunkDelay && !(await exchange.wait(chunkDelay))) return;
    if (!(await exchange.writeEvents(wire.closingEvents(plan), true))) return;
  }
  exchange.end();
}

/** One request's response: writes with back-pressure, notices the client going, and keeps the log record current. */
class Exchange {
  readonly #response: ServerResponse;
  readonly #record: MockRequestRecord;
  readonly #gone = new AbortController();
  #isLastEventWritten = false;
  #isDroppedByServer = false;

  constructor(response: ServerResponse, record: MockRequestRecord) {
    this.#response = response;
    this.#record = record;
    response.on('finish', () => (record.completed = true));
    response.on('close', () => {
      // OpenAI chat and Cohere close right after [DONE]: that is not early, so only a close before the last
      // event counts, and never one the server caused itself.
      if (!this.#isLastEventWritten && !this.#isDroppedByServer) record.closedEarly = true;
      this.#gone.abort();
    });
  }

  get isClientGone(): boolean {
    return this.#gone.signal.aborted;
  }

  /** Waits, ending early when the connection closes; resolves whether the connection is still open. */
  async wait(milliseconds: number): Promise<boolean> {
    await delay(milliseconds, undefined, {signal: this.#gone.signal}).catch(() => undefined);
    return !this.isClientGone;
  }

  sendError(status: number, body: unknown): void {
    this.#isLastEventWritten = true;
    this.#record.status = status;
    sendJson(this.#response, status, body);
  }

  startStream(): void {
    this.#record.status = 200;
    this.#response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    this.#response.flushHeaders();
  }

  /** Writes each event with its own write(); resolves whether the connection is still open. */
  async writeEvents(events: readonly string[], isLastGroup: boolean): Promise<boolean> {
    for (const [index, event] of events.entries()) {
      if (this.isClientGone) return false;
      if (isLastGroup && index === events.length - 1) this.#isLastEventWritten = true;
      await new Promise<void>(resolve => this.#response.write(event, () => resolve()));
    }
    if (isLastGroup && events.length === 0) this.#isLastEventWritten = true;
    return !this.isClientGone;
  }

  end(): void {
    this.#isLastEventWritten = true;
    if (!this.isClientGone) this.#response.end();
  }

  drop(): void {
    this.#isDroppedByServer = true;
    this.#response.socket?.destroy();
  }

  async stall(limitMs: number): Promise<void> {
    if (await this.wait(limitMs)) this.drop();
  }
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(';') : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
