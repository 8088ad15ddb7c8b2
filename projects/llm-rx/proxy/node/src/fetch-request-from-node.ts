import type {IncomingMessage, ServerResponse} from 'node:http';

/** What `fetchRequestFromNode()` needs besides Node's request and response. */
export interface FetchRequestSource {
  /** The request's scheme, `'http'` or `'https'`. */
  readonly protocol: string;
  /** The path and query the handler sees (Express: `req.originalUrl`, which keeps the mount path). */
  readonly path: string;
  /**
   * The body when a body parser already read the stream (Express's `req.body`: bytes, text or a parsed JSON
   * value); `undefined` to stream it from the request.
   */
  readonly parsedBody?: {readonly value: unknown};
}

/**
 * Headers that describe one hop's connection, not the request: fetch-based runtimes never show them, Node manages
 * them itself, and `fetch()` refuses some of them (`connection`, `transfer-encoding`) on an upstream call.
 */
const HOP_BY_HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

/** The request body's buffer: this many bytes queued in the web stream before the socket is paused. */
const BODY_HIGH_WATER_MARK_BYTES = 64 * 1024;

/**
 * Builds the fetch `Request` a handler sees for one of Node's requests: method, absolute URL, headers (repeated
 * ones joined with `, `, cookies with `; `; HTTP/2 pseudo headers and hop-by-hop headers left out), the body
 * streamed with backpressure (`duplex: 'half'`), and a `signal` that aborts when the client goes away before the
 * response has been written in full.
 * @param request Node's request.
 * @param response Node's response to it, watched for the client going away.
 * @param source The scheme, the path and, if a body parser ran first, the parsed body.
 * @returns The request.
 * @throws {TypeError} When the Host header or the path make no valid URL, or a header value is not valid.
 */
export function fetchRequestFromNode(
  request: IncomingMessage,
  response: ServerResponse,
  source: FetchRequestSource,
): Request {
  const method = request.method ?? 'GET';
  const headers = headersOf(request);
  const host = headers.get('host') ?? pseudoHeaderOf(request, ':authority') ?? 'localhost';
  const url = new URL(`${source.protocol}://${host}${source.path}`);
  const signal = clientGoneSignal(response);
  if (method === 'GET' || method === 'HEAD') return new Request(url, {method, headers, signal});
  const body = source.parsedBody ? bytesOfParsedBody(source.parsedBody.value, headers) : bodyStreamOf(request);
  const init: RequestInit & {duplex: 'half'} = {method, headers, signal, body, duplex: 'half'};
  return new Request(url, init);
}

/** The request's headers from its raw list, so that repeated ones are joined the fetch way. */
function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index].toLowerCase();
    const value = request.rawHeaders[index + 1];
    if (name.startsWith(':') || HOP_BY_HOP_HEADERS.has(name)) continue;
    // Node's `Headers` joins repeated values with `, `, and cookies (which HTTP/2 splits) with `; `.
    headers.append(name, value);
  }
  return headers;
}

/** An HTTP/2 pseudo header's value (`:authority`), from the raw list. */
function pseudoHeaderOf(request: IncomingMessage, name: string): string | undefined {
  const index = request.rawHeaders.findIndex((header, at) => at % 2 === 0 && header === name);
  return index < 0 ? undefined : request.rawHeaders[index + 1];
}

/** A signal that aborts when the connection closes before the response has been written in full. */
function clientGoneSignal(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) {
      controller.abort(new DOMException('the client went away before the response was complete', 'AbortError'));
    }
  });
  return controller.signal;
}

/**
 * The request body as a web stream that reads the socket only as fast as the handler reads the stream: the
 * request is paused whenever the stream's queue is full and resumed when the handler pulls. Cancelling the stream
 * (a handler that refuses a body too large) discards the rest without closing the connection, so that the
 * handler's answer can still be sent.
 */
function bodyStreamOf(request: IncomingMessage): ReadableStream<Uint8Array> | null {
  // HTTP/1.x: a request with neither header has no body (RFC 9112, section 6.3).
  const framed = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
  if (request.httpVersionMajor === 1 && !framed) return null;
  let settled = false;
  let onData: (chunk: Buffer) => void = () => undefined;
  const stop = () => {
    settled = true;
    request.off('data', onData);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onData = chunk => {
          if (settled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) request.pause();
        };
        const fail = (error?: Error) => {
          if (!settled) controller.error(error ?? new Error('the client closed the connection mid-request'));
          stop();
        };
        request.pause();
        request.on('data', onData);
        request.once('end', () => {
          if (!settled) controller.close();
          stop();
        });
        request.once('error', fail);
        request.once('close', () => {
          if (!request.complete) fail();
        });
      },
      pull() {
        request.resume();
      },
      cancel() {
        stop();
        // Read on and drop the rest, so that the connection stays usable for the handler's answer.
        request.resume();
      },
    },
    {highWaterMark: BODY_HIGH_WATER_MARK_BYTES, size: chunk => chunk.byteLength},
  );
}

/**
 * The bytes of a body a parser already read: bytes as they are, text as UTF-8, anything else as JSON (and the
 * headers told so, since the bytes changed: a new length, no encoding).
 */
function bytesOfParsedBody(value: unknown, headers: Headers): Uint8Array<ArrayBuffer> {
  const bytes =
    value instanceof Uint8Array
      ? new Uint8Array(value)
      : new TextEncoder().encode(typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
  if (!(value instanceof Uint8Array) && typeof value !== 'string' && value !== undefined) {
    headers.set('content-type', 'application/json');
  }
  headers.delete('content-encoding');
  headers.set('content-length', String(bytes.byteLength));
  return bytes;
}
