import type {IncomingMessage, ServerResponse} from 'node:http';
import {Readable} from 'node:stream';
import type {ReadableStream as NodeReadableStream} from 'node:stream/web';
import {SCENARIO_HEADER} from '../consumers/consumer';

/**
 * The baseline of the proxy bench: the pass-through a team writes by hand today, a `node:http` listener that
 * forwards the request with the server's key to the upstream at the same path and pipes the answer back. No
 * policy: no check of who calls or which model, no limits, no metering, no redaction. It passes the mock
 * server's scenario header on, as the llm-rx proxy of the bench does with `forwardHeaders`.
 * @param upstream The upstream's origin, e.g. the mock server's `http://127.0.0.1:4010`; the request's path is kept.
 * @param apiKey The key it adds, as `authorization: Bearer …`.
 * @returns The `'request'` listener for `http.createServer()`.
 */
export function plainPassThroughListener(
  upstream: string,
  apiKey: string,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const controller = new AbortController();
    response.on('close', () => controller.abort());
    try {
      const parts: Buffer[] = [];
      for await (const part of request) parts.push(part as Buffer);
      const scenario = request.headers[SCENARIO_HEADER];
      const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
        method: request.method,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${apiKey}`,
          ...(typeof scenario === 'string' && {[SCENARIO_HEADER]: scenario}),
        },
        body: request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.concat(parts),
        signal: controller.signal,
      });
      response.writeHead(answer.status, {'content-type': answer.headers.get('content-type') ?? 'application/json'});
      if (!answer.body) response.end();
      else Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>).pipe(response);
    } catch {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    }
  };
}
