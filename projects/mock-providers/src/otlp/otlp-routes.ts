import type {IncomingMessage, ServerResponse} from 'node:http';
import {CONTROL_PREFIX, sendJson} from '../control-routes';
import {decodeOtlpExport, OtlpExportError, type OtlpSignal} from './otlp-export';
import {encodeEmptyResponse} from './otlp-protobuf';
import type {OtlpStore} from './otlp-store';

/** The control routes of the OTLP receiver: `/__mock/otlp/spans`, `/__mock/otlp/metrics`, `/__mock/otlp`. */
export const OTLP_CONTROL_PATH = `${CONTROL_PREFIX}otlp`;

const EXPORT_PATHS: Record<string, OtlpSignal> = {'/v1/traces': 'traces', '/v1/metrics': 'metrics'};

/**
 * Answers the OTLP/HTTP receiver's routes: `POST /v1/traces` and `POST /v1/metrics` (JSON or protobuf, gzip or
 * not; `200` with an empty export response in the request's encoding), and the control routes
 * `GET /__mock/otlp/spans?service=S`, `GET /__mock/otlp/metrics?service=S` and `DELETE /__mock/otlp?service=S`.
 * Preflights are answered before, by the server's CORS handling.
 *
 * @param method The HTTP method.
 * @param url The parsed request URL.
 * @param request The request, whose body an export reads.
 * @param response The response (CORS headers already set); ended here when the route is handled.
 * @param store The server's received spans and metrics.
 * @returns Whether the route was the receiver's.
 */
export async function handleOtlpRoute(
  method: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
  store: OtlpStore,
): Promise<boolean> {
  const signal = EXPORT_PATHS[url.pathname];
  if (method === 'POST' && signal) {
    await receiveExport(signal, request, response, store);
    return true;
  }
  if (url.pathname !== OTLP_CONTROL_PATH && !url.pathname.startsWith(`${OTLP_CONTROL_PATH}/`)) return false;
  const service = url.searchParams.get('service');
  if (!service) {
    // Parallel runs share the server: a read or a clear of every service would see or break the others' data.
    sendJson(response, 400, {error: 'mock-providers: the OTLP control routes need ?service=<service.name>'});
  } else if (method === 'GET' && url.pathname === `${OTLP_CONTROL_PATH}/spans`) {
    sendJson(response, 200, store.spans(service));
  } else if (method === 'GET' && url.pathname === `${OTLP_CONTROL_PATH}/metrics`) {
    sendJson(response, 200, store.metrics(service));
  } else if (method === 'DELETE' && url.pathname === OTLP_CONTROL_PATH) {
    sendJson(response, 200, store.clear(service));
  } else {
    sendJson(response, 404, {error: `mock-providers: no control route ${method} ${url.pathname}`});
  }
  return true;
}

async function receiveExport(
  signal: OtlpSignal,
  request: IncomingMessage,
  response: ServerResponse,
  store: OtlpStore,
): Promise<void> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  let decoded;
  try {
    decoded = await decodeOtlpExport(
      signal,
      Buffer.concat(parts),
      request.headers['content-type'],
      request.headers['content-encoding'],
    );
  } catch (error) {
    if (!(error instanceof OtlpExportError)) throw error;
    // OTLP answers a bad request with a google.rpc.Status; its JSON form carries code 3 (INVALID_ARGUMENT).
    sendJson(response, error.status, {code: 3, message: error.message});
    return;
  }
  if (decoded.signal === 'traces') store.addSpans(decoded.spans);
  else store.addMetrics(decoded.metrics);
  if (decoded.encoding === 'json') {
    sendJson(response, 200, {});
  } else {
    response.writeHead(200, {'Content-Type': 'application/x-protobuf'}).end(encodeEmptyResponse(signal));
  }
}
