import type {ServerResponse} from 'node:http';

/** Response headers Node sets itself for its own connection; a handler's copy of an upstream's would be wrong. */
const HOP_BY_HOP_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

/** How the writing of a response ended. */
export type FetchResponseWriteEnd =
  | {readonly outcome: 'finished'}
  /** The client went away first; the body's reader was cancelled (so that the upstream is cancelled too). */
  | {readonly outcome: 'client-gone'}
  /** The body failed mid-stream; the connection was destroyed so that the client sees a broken stream. */
  | {readonly outcome: 'body-failed'; readonly error: unknown};

/**
 * Writes a fetch `Response` to Node's response: status, headers (each `set-cookie` on its own line), the head
 * flushed at once (so that a server-sent event stream starts before its first event), then the body chunk by
 * chunk, each written as soon as it is read, waiting for `'drain'` whenever Node's buffer is full, so that the
 * body is pulled as fast as the client reads and no faster.
 *
 * When the client goes away (`signal` aborts), the body's reader is cancelled. When the body fails, the socket is
 * destroyed: the client sees a broken stream, as it would from the provider.
 * @param response The Fetch API response.
 * @param target Node's response; its head must not have been sent yet.
 * @param signal The request's signal, aborted when the client goes away.
 * @param omitBody Whether to send the head only (a `HEAD` request); the body is cancelled.
 * @returns How the writing ended.
 * @throws {TypeError} Before anything is written, when the body is locked or was already read.
 */
export async function writeFetchResponse(
  response: Response,
  target: ServerResponse,
  signal: AbortSignal,
  omitBody = false,
): Promise<FetchResponseWriteEnd> {
  if (signal.aborted) {
    await response.body?.cancel(signal.reason).catch(() => undefined);
    return {outcome: 'client-gone'};
  }
  if (!response.body || omitBody) {
    writeHead(response, target);
    await response.body?.cancel().catch(() => undefined);
    target.end();
    return {outcome: 'finished'};
  }
  // Before the head: a body already read or locked throws here, while the handler's failure can still be a 500.
  const reader = response.body.getReader();
  writeHead(response, target);
  return pipeBody(reader, target, signal);
}

/** Writes the status and headers and flushes them at once. */
function writeHead(response: Response, target: ServerResponse): void {
  target.writeHead(response.status, response.statusText || undefined, nodeHeadersOf(response.headers));
  target.flushHeaders();
}

/** The body, chunk by chunk, with backpressure; cancelled when the client goes away. */
async function pipeBody(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  target: ServerResponse,
  signal: AbortSignal,
): Promise<FetchResponseWriteEnd> {
  const cancel = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', cancel, {once: true});
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (signal.aborted) return {outcome: 'client-gone'};
      if (done) break;
      const flushed = target.write(value);
      // `compression` (Express) buffers until told to flush; a stream must reach the client chunk by chunk.
      (target as {flush?: () => void}).flush?.();
      if (!flushed && !(await drained(target, signal))) return {outcome: 'client-gone'};
    }
    target.end();
    return {outcome: 'finished'};
  } catch (error) {
    if (signal.aborted) return {outcome: 'client-gone'};
    // Without an error argument: the socket closes, and no 'error' event is left for anyone to handle.
    target.destroy();
    return {outcome: 'body-failed', error};
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** Resolves `true` at `'drain'`, or `false` when the client goes away first. */
function drained(target: ServerResponse, signal: AbortSignal): Promise<boolean> {
  return new Promise(resolve => {
    if (signal.aborted) return resolve(false);
    const finish = (value: boolean) => {
      target.off('drain', onDrain);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onDrain = () => finish(true);
    const onAbort = () => finish(false);
    target.on('drain', onDrain);
    signal.addEventListener('abort', onAbort);
  });
}

/** The headers as Node takes them: each `set-cookie` apart, the others as the fetch `Headers` joined them. */
function nodeHeadersOf(headers: Headers): Record<string, string | string[]> {
  const nodeHeaders: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie' && !HOP_BY_HOP_HEADERS.has(name)) nodeHeaders[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length) nodeHeaders['set-cookie'] = cookies;
  return nodeHeaders;
}
