import type {IncomingMessage, ServerResponse} from 'node:http';

/**
 * Response headers that a cross-origin page may read: retry hints and request ids. Without them the SDKs in a
 * browser see no `retry-after`, and their `requestID` is `null`.
 */
export const EXPOSED_HEADERS =
  'retry-after, retry-after-ms, x-should-retry, x-request-id, request-id, x-ratelimit-reset';

/**
 * Adds the CORS headers every response carries, errors and control routes included, so that a browser test sees
 * the real status instead of a network error.
 *
 * @param response The response to decorate, before its head is written.
 */
export function setCorsHeaders(response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/**
 * Answers a CORS preflight with 204, echoing the requested headers: the `*` wildcard never covers `Authorization`.
 *
 * @param request The `OPTIONS` request.
 * @param response Its response; ended here.
 */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  setCorsHeaders(response);
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
  const requested = request.headers['access-control-request-headers'];
  if (requested) response.setHeader('Access-Control-Allow-Headers', requested);
  response.setHeader('Access-Control-Max-Age', '600');
  response.writeHead(204).end();
}
