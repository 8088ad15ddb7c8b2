// An llm-rx proxy on a loopback port in front of the mock provider server, for the proxy's integration specs,
// its load and race specs and the bench. Node-only (node:http).
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createLlmProxy, type LlmProxyConfig, type LlmProxyLogEntry, type LlmProxyProviderName} from 'llm-rx/proxy';
import {toNodeListener} from 'llm-rx/proxy/node';
import {MOCK_PROVIDERS_URL, MOCK_SCENARIO_HEADER} from '@llm-rx/mock-providers';

/**
 * The server-side keys the specs' proxy holds, shaped like real ones (so that the key-shape redaction would cut
 * them too): none may ever reach a response or a log line.
 */
export const PROXY_SPEC_KEYS: Readonly<Record<LlmProxyProviderName, string>> = {
  openai: 'sk-proj-Xq7Vb2Lm9Rt4Wz8Kp3Nd6Hs1Fg5Jc0Ya7Ue2Mi9',
  anthropic: 'sk-ant-api03-Pz4Qw8Ex2Rc6Tv0Yb3Un7Im1Ok5Lj9Hg4Fd8',
  gemini: 'AIzaSyKq3Wm7Zx1Cv5Bn9Mj2Lh6Gf0Dk4Sa8Pe3',
  deepseek: 'sk-Rw5Ty9Ui3Op7As1Df6Gh0Jk4Lz8Xc2Vb5Nm9Qa',
  cohere: 'Hb6Nj0Mk4Lp8Qs2Wd5Ef9Rg3Th7Yu1Ik6Ol0Pz4Xc',
};

/** Where the mock provider server serves each provider, as the adapters' base URLs (OpenAI's with `/v1`). */
export function mockUpstreamOf(provider: LlmProxyProviderName, mockUrl: string = MOCK_PROVIDERS_URL): string {
  if (provider === 'openai') return `${mockUrl}/v1`;
  if (provider === 'deepseek') return `${mockUrl}/deepseek`;
  return mockUrl;
}

/**
 * The five providers at the mock server, with the spec keys and the given models (by default every model).
 * @param models The allowed models, by provider.
 * @param mockUrl The mock server.
 * @returns The proxy's `providers`.
 */
export function mockProxyProviders(
  models: Partial<Record<LlmProxyProviderName, readonly string[]>> = {},
  mockUrl: string = MOCK_PROVIDERS_URL,
): LlmProxyConfig['providers'] {
  const names = Object.keys(PROXY_SPEC_KEYS) as LlmProxyProviderName[];
  return Object.fromEntries(
    names.map(name => [
      name,
      {
        apiKey: PROXY_SPEC_KEYS[name],
        models: models[name] ?? ['gpt*', 'claude*', 'gemini*', 'deepseek*', 'command*'],
        baseURL: mockUpstreamOf(name, mockUrl),
      },
    ]),
  );
}

/** One answer the proxy sent, as the caller received it (recorded with `record: true`). */
export interface RecordedProxyResponse {
  readonly url: string;
  readonly status: number;
  /** The response headers, one `name: value` line each. */
  readonly headers: string;
  /** The whole body as text, once it has ended (or was cancelled). */
  body: string;
}

/** A running proxy server. */
export interface LlmProxyServer {
  /** With `record: true`, every answer the proxy sent, body included. */
  readonly responses: RecordedProxyResponse[];
  /** Its origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Every line the proxy logged. */
  readonly logs: LlmProxyLogEntry[];
  /**
   * The base URL an llm-rx adapter is given to call a provider through the proxy.
   * @param provider The provider.
   * @returns E.g. `http://127.0.0.1:40123/api/llm/openai`.
   */
  baseURLOf(provider: LlmProxyProviderName | (string & {})): string;
  /** Closes the server and its open connections. */
  stop(): Promise<void>;
}

/**
 * Starts a proxy on a loopback port, at `basePath` `/api/llm`, in front of the mock server, passing its
 * scenario header on, and logging into `logs`. Every field of the config may be overridden.
 * @param config Overrides: providers, authenticate, limits, store, …
 * @param options `record: true` keeps every answer's status, headers and body in `responses`.
 * @returns The server.
 */
export async function startLlmProxyServer(
  config: Partial<LlmProxyConfig> = {},
  options: {readonly record?: boolean} = {},
): Promise<LlmProxyServer> {
  const logs: LlmProxyLogEntry[] = [];
  const responses: RecordedProxyResponse[] = [];
  const basePath = config.basePath ?? '/api/llm';
  const handler = createLlmProxy({
    providers: mockProxyProviders(),
    authenticate: () => ({userId: 'spec-user'}),
    forwardHeaders: [MOCK_SCENARIO_HEADER],
    log: entry => logs.push(entry),
    ...config,
    basePath,
  });
  const served = options.record ? recording(handler, responses) : handler;
  const server: Server = createServer(toNodeListener(served));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    logs,
    responses,
    baseURLOf: provider => `${url}${basePath}/${provider}`,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The handler, keeping a copy of every answer's bytes as they pass. */
function recording(
  handler: (request: Request) => Promise<Response>,
  responses: RecordedProxyResponse[],
): (request: Request) => Promise<Response> {
  return async request => {
    const response = await handler(request);
    const record: RecordedProxyResponse = {
      url: request.url,
      status: response.status,
      headers: [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n'),
      body: '',
    };
    responses.push(record);
    if (!response.body) return response;
    const decoder = new TextDecoder();
    const copy = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        record.body += decoder.decode(chunk, {stream: true});
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(copy), response);
  };
}
