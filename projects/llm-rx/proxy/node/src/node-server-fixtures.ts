// Loopback servers and a raw HTTP client for the Node adapters' specs. Node-only (node:http).
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestListener,
} from 'node:http';
import {connect} from 'node:net';
import {freeLoopbackPort} from '@llm-rx/spec-support/node';

/** A server listening on a free loopback port. */
export interface LoopbackServer {
  readonly port: number;
  /** `http://127.0.0.1:${port}` */
  readonly origin: string;
  /** Stops it, closing the connections still open. */
  close(): Promise<void>;
}

/**
 * Starts a `node:http` server with a listener (or an Express app) on a free loopback port.
 * @param listener The request listener.
 * @returns The server.
 */
export async function startLoopbackServer(listener: RequestListener): Promise<LoopbackServer> {
  const port = await freeLoopbackPort();
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A response read in full. */
export interface ReadResponse {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

/**
 * Sends a request with `node:http` (so that headers, pacing and disconnects are the spec's to choose) and reads
 * the whole response.
 * @param url The URL.
 * @param options The method, the headers, and the body's chunks, each written after the previous one drained
 *   and a turn of the event loop (a body arriving slowly).
 * @returns The response.
 */
export function sendRequest(
  url: string,
  options: {method?: string; headers?: OutgoingHttpHeaders; chunks?: readonly Uint8Array[]} = {},
): Promise<ReadResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {method: options.method ?? 'GET', headers: options.headers}, response => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.once('error', reject);
      response.once('end', () =>
        resolve({status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts)}),
      );
    });
    request.once('error', reject);
    void writeSlowly(request, options.chunks ?? []).then(() => request.end(), reject);
  });
}

/** Writes chunks one per event-loop turn, waiting for `'drain'` when the socket is full. */
async function writeSlowly(request: ReturnType<typeof httpRequest>, chunks: readonly Uint8Array[]): Promise<void> {
  for (const chunk of chunks) {
    if (!request.write(chunk)) await new Promise(resolve => request.once('drain', resolve));
    await new Promise(resolve => setImmediate(resolve));
  }
}

/**
 * Opens a request and resolves with its response as soon as the head arrives, unread (paused), for specs that
 * read at their own pace or disconnect.
 * @param url The URL.
 * @returns The response, and the request (destroy it to disconnect).
 */
export function openResponse(url: string): Promise<{response: IncomingMessage; destroy: () => void}> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, response => {
      response.pause();
      resolve({response, destroy: () => request.destroy()});
    });
    request.once('error', reject);
    request.end();
  });
}

/**
 * A promise with its resolver outside, for a fake handler that waits on the spec.
 * @returns The promise and its `resolve`.
 */
export function deferred<T = void>(): {promise: Promise<T>; resolve: (value: T) => void} {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(settle => (resolve = settle));
  return {promise, resolve};
}

/**
 * Sends a request written by hand on a bare socket (for header lines `node:http`'s client would merge) and
 * reads the raw answer until the server closes the connection.
 * @param port The server's loopback port.
 * @param lines The request line and header lines, without the line ends; `Connection: close` is added.
 * @returns The raw response text.
 */
export function sendRawRequest(port: number, lines: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () =>
      socket.end(`${[...lines, 'Connection: close'].join('\r\n')}\r\n\r\n`),
    );
    socket.on('data', (part: Buffer) => (text += part.toString()));
    socket.once('error', reject);
    socket.once('close', () => resolve(text));
  });
}
