import type {ResolvedProxyRoute} from './resolve-proxy-route';

/** Request headers passed upstream besides the key: what the APIs read. Anything else (cookies, the app's own
 * tokens, `openai-organization`, which would pick whose account pays) stays at the proxy. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'anthropic-version', 'anthropic-beta'];

/** Response headers passed back: the body's type, and what the llm-rx client reads (retry delays, request ids). */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'cache-control',
  'retry-after',
  'retry-after-ms',
  'x-request-id',
  'request-id',
];

/** What the upstream call needs besides the route. */
export interface UpstreamCall {
  readonly baseURL: string;
  readonly apiKey: string;
  readonly body: string;
  /** Extra request headers to pass on (the config's `forwardHeaders`), lower case. */
  readonly forwardHeaders: readonly string[];
  readonly signal: AbortSignal;
  readonly fetch: typeof fetch;
}

/**
 * Sends a checked request to the provider with the server's key in the provider's key header, and only the
 * headers the API needs.
 * @param request The caller's request (its headers are read).
 * @param route Where it goes.
 * @param call The base URL, key, body and signal.
 * @returns The upstream's response (its body not read yet).
 */
export function forwardUpstream(request: Request, route: ResolvedProxyRoute, call: UpstreamCall): Promise<Response> {
  const headers = new Headers();
  for (const name of [...FORWARDED_REQUEST_HEADERS, ...call.forwardHeaders]) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set('content-type', 'application/json');
  headers.set(route.route.keyHeader, route.route.keyHeader === 'authorization' ? `Bearer ${call.apiKey}` : call.apiKey);
  const query = route.query.toString();
  const url = `${call.baseURL.replace(/\/+$/, '')}${route.path}${query ? `?${query}` : ''}`;
  return call.fetch(url, {method: 'POST', headers, body: call.body, signal: call.signal, redirect: 'manual'});
}

/**
 * The headers of the answer to the caller: the upstream's that the client needs, and the CORS headers.
 * @param upstream The upstream's response.
 * @param cors The CORS headers for this caller.
 * @returns The headers.
 */
export function answerHeaders(upstream: Response, cors: Headers): Headers {
  const headers = new Headers(cors);
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set('cache-control', 'no-store');
  headers.set('x-accel-buffering', 'no');
  return headers;
}

/**
 * The credential the SDK sent as its key: the placeholder llm-rx sends without an `apiKey`, or an app token.
 * @param request The caller's request.
 * @returns The value of `authorization` (without `Bearer`), `x-api-key`, `x-goog-api-key` or `?key=`.
 */
export function callerCredentialOf(request: Request): string | undefined {
  const bearer = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
  return (
    bearer ||
    request.headers.get('x-api-key') ||
    request.headers.get('x-goog-api-key') ||
    new URL(request.url).searchParams.get('key') ||
    undefined
  );
}
