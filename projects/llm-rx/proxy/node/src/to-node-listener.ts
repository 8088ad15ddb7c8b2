import type {IncomingMessage, ServerResponse} from 'node:http';
import {
  isUnderBasePath,
  serveFetchHandler,
  writeJson,
  type FetchHandler,
  type NodeFetchAdapterOptions,
} from './serve-fetch-handler';

/** How `toNodeListener()` serves a fetch handler. */
export interface NodeListenerOptions extends NodeFetchAdapterOptions {
  /**
   * Whether to take the scheme from `X-Forwarded-Proto` (`https` behind a load balancer that ends TLS), so that
   * the handler's URL has the origin the browser used. Only for a server reachable solely through such a proxy,
   * which sets the header itself: otherwise any client can claim any scheme. Default false: `https` for a TLS
   * socket, else `http`.
   */
  readonly trustForwardedProto?: boolean;
}

/** The body of the 404 for a request outside `basePath`. */
const NOT_FOUND_BODY = {error: {type: 'llm_rx_proxy_error', message: 'nothing is served at this path'}} as const;

/**
 * Serves a fetch handler (`createLlmProxy()`'s) from Node's `http` (or `https`) server. The handler gets a
 * standard `Request`: the absolute URL (`http://${host}${url}`), the headers, the body streamed with backpressure,
 * and a `signal` that aborts when the client goes away, so that it can abort its upstream call. Its `Response`
 * is streamed back chunk by chunk, as the client reads, the head flushed at once, each `set-cookie` on its own
 * line; when the client goes away, the body is cancelled. A handler that throws or rejects gets a bare 500
 * (`{error: {type: 'llm_rx_proxy_error', message: 'the llm-rx proxy failed; see its log'}}`, never the error's
 * own message) and the error goes to `onError`.
 *
 * ```ts
 * import {createServer} from 'node:http';
 * createServer(toNodeListener(createLlmProxy(config))).listen(8787);
 * ```
 * @param handler The fetch handler.
 * @param options A `basePath` outside which requests get a 404, where errors are reported, whether to trust
 *   `X-Forwarded-Proto`.
 * @returns A `'request'` listener for `http.createServer()`.
 */
export function toNodeListener(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const path = request.url ?? '/';
    if (!isUnderBasePath(path, options.basePath)) {
      writeJson(response, 404, NOT_FOUND_BODY);
      request.resume();
      return;
    }
    const source = {protocol: protocolOf(request, options.trustForwardedProto ?? false), path};
    void serveFetchHandler(handler, request, response, source, options.onError);
  };
}

/** `https` for a TLS socket or, when trusted, an `X-Forwarded-Proto: https`; else `http`. */
function protocolOf(request: IncomingMessage, trustForwardedProto: boolean): string {
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim().toLowerCase();
  if (trustForwardedProto && (first === 'https' || first === 'http')) return first;
  return (request.socket as {encrypted?: boolean} | null)?.encrypted ? 'https' : 'http';
}
