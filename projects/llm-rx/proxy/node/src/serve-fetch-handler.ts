import type {IncomingMessage, ServerResponse} from 'node:http';
import {LlmAbortError, redactSecrets} from 'llm-rx';
import {fetchRequestFromNode, type FetchRequestSource} from './fetch-request-from-node';
import {writeFetchResponse} from './write-fetch-response';

/** A standard fetch handler, such as `createLlmProxy()` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** How `toNodeListener()` and `toExpressMiddleware()` serve a fetch handler. */
export interface NodeFetchAdapterOptions {
  /**
   * Only requests under this path reach the handler, e.g. `'/api/llm'` (the proxy's own `basePath`); others are
   * answered 404 (`toNodeListener()`) or passed on with `next()` (`toExpressMiddleware()`). Default `''`: all.
   */
  readonly basePath?: string;
  /**
   * Told of a handler that threw or rejected (the client got a bare 500) and of a response body that failed
   * mid-stream (the client got a broken stream). It gets the error itself: log it without keys. Default: one
   * `console.error` line of the error's name and message, with anything shaped like a key redacted.
   */
  readonly onError?: (error: unknown) => void;
}

/** The body of the bare 500 a failing handler is answered with: never the error's message, which could hold anything. */
const LLM_PROXY_ERROR_BODY = {
  error: {type: 'llm_rx_proxy_error', message: 'the llm-rx proxy failed; see its log'},
} as const;

/** The body of the 400 for a request that makes no fetch `Request` (a malformed Host header, say). */
const UNREADABLE_REQUEST_BODY = {
  error: {type: 'llm_rx_proxy_error', message: 'the llm-rx proxy could not read this request'},
} as const;

/**
 * Serves one of Node's requests with a fetch handler: builds the `Request`, calls the handler, writes its
 * `Response` (streamed, with backpressure, cancelled when the client goes away). A handler that throws or rejects
 * (or answers with a body already read) gets a bare 500 (`{error: {type: 'llm_rx_proxy_error', message}}`, never the error's own message), and the error goes to `onError`.
 * @param handler The fetch handler.
 * @param request Node's request.
 * @param response Node's response.
 * @param source The scheme, the path and any body a parser already read.
 * @param onError Where failures are reported.
 * @returns When the response has been written or abandoned; it never rejects.
 */
export async function serveFetchHandler(
  handler: FetchHandler,
  request: IncomingMessage,
  response: ServerResponse,
  source: FetchRequestSource,
  onError: (error: unknown) => void = logProxyError,
): Promise<void> {
  let fetchRequest: Request;
  try {
    fetchRequest = fetchRequestFromNode(request, response, source);
  } catch {
    writeJson(response, 400, UNREADABLE_REQUEST_BODY);
    return;
  }
  const signal = fetchRequest.signal;
  try {
    const fetchResponse = await handler(fetchRequest);
    const end = await writeFetchResponse(fetchResponse, response, signal, fetchRequest.method === 'HEAD');
    if (end.outcome === 'body-failed') onError(end.error);
  } catch (error) {
    // A handler whose upstream call was aborted because the client left has not failed.
    if (signal.aborted && isAbortError(error, signal)) return;
    onError(error);
    if (!signal.aborted) writeJson(response, 500, LLM_PROXY_ERROR_BODY);
  }
}

/**
 * The default `onError`: one `console.error` line with the error's name and message, anything shaped like a key
 * (`sk-…`, `AIza…`, `Bearer …`, long random tokens) redacted. No stack and no `cause`, which could quote a key in
 * a shape no pattern knows.
 * @param error What the handler threw, or the body's error.
 */
export function logProxyError(error: unknown): void {
  const line = error instanceof Error ? `${error.name}: ${error.message}` : `non-Error thrown: ${String(error)}`;
  console.error(`llm-rx proxy: ${redactSecrets(line)}`);
}

/**
 * Whether a request's path is under a base path: the path itself or below it (`/api/llm`, `/api/llm/openai`, not
 * `/api/llmx`).
 * @param path The request's path and query.
 * @param basePath The base path; `''` or `'/'` takes everything.
 * @returns Whether it is.
 */
export function isUnderBasePath(path: string, basePath: string | undefined): boolean {
  const base = (basePath ?? '').replace(/\/+$/, '');
  if (!base) return true;
  const pathname = path.split(/[?#]/, 1)[0];
  return pathname === base || pathname.startsWith(`${base}/`);
}

/**
 * Answers with a JSON body, unless the head has already gone (then the connection is closed).
 * @param response Node's response.
 * @param status The status.
 * @param body The body, as JSON.
 */
export function writeJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  response.writeHead(status, {'content-type': 'application/json', 'content-length': String(bytes.byteLength)});
  response.end(bytes);
}

/** Whether an error is the abort of the client's signal: its reason, a fetch `AbortError` or an `LlmAbortError`. */
function isAbortError(error: unknown, signal: AbortSignal): boolean {
  return (
    error === signal.reason ||
    LlmAbortError.isInstance(error) ||
    (error instanceof Error && error.name === 'AbortError')
  );
}
