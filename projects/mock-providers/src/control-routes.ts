import type {ServerResponse} from 'node:http';
import type {RequestLog} from './request-log';
import type {ProviderWire} from './wire/provider-wire';

/** The path prefix of the control routes. */
export const CONTROL_PREFIX = '/__mock/';

/**
 * Answers a control route: `GET /__mock/health`, `GET /__mock/requests?tag=T`, `DELETE /__mock/requests`.
 *
 * @param method The HTTP method.
 * @param url The parsed request URL.
 * @param log The server's request log.
 * @param wires The wires the server routes to, listed by the health route.
 * @param response The response (CORS headers already set); ended here.
 * @returns Whether the URL was a control route.
 */
export function handleControlRoute(
  method: string,
  url: URL,
  log: RequestLog,
  wires: readonly ProviderWire[],
  response: ServerResponse,
): boolean {
  if (!url.pathname.startsWith(CONTROL_PREFIX)) return false;
  if (method === 'GET' && url.pathname === '/__mock/health') {
    sendJson(response, 200, {status: 'ok', wires: wires.map(wire => wire.name)});
  } else if (method === 'GET' && url.pathname === '/__mock/requests') {
    sendJson(response, 200, log.list(url.searchParams.get('tag') ?? undefined));
  } else if (method === 'DELETE' && url.pathname === '/__mock/requests') {
    sendJson(response, 200, {cleared: log.clear()});
  } else {
    sendJson(response, 404, {error: `mock-providers: no control route ${method} ${url.pathname}`});
  }
  return true;
}

/**
 * Sends a JSON response.
 *
 * @param response The response; ended here.
 * @param status The HTTP status.
 * @param body The value to serialise.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {'Content-Type': 'application/json'}).end(JSON.stringify(body));
}
