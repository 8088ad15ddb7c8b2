import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';

/** A loopback OTLP/HTTP receiver that only counts the spans it is sent. */
export interface OtlpCountingServer {
  /** Its traces endpoint, e.g. `http://127.0.0.1:41234/v1/traces`. */
  readonly tracesUrl: string;
  /** Spans received so far. */
  readonly spans: number;
  /** Export requests received so far. */
  readonly requests: number;
  close(): Promise<void>;
}

const SPAN_ID_KEY = '"spanId":';

/**
 * Counts the spans of an OTLP/JSON export request's body by their `"spanId":` keys (one per span; a parent's is
 * `"parentSpanId"`), without parsing the rest.
 * @param body The request body.
 * @returns How many spans it holds.
 */
export function countOtlpJsonSpans(body: string): number {
  let count = 0;
  for (let at = body.indexOf(SPAN_ID_KEY); at !== -1; at = body.indexOf(SPAN_ID_KEY, at + SPAN_ID_KEY.length)) count++;
  return count;
}

/**
 * Starts the receiver on a free loopback port, in this process: it answers every `POST /v1/traces` with 200 and
 * an empty JSON response (full success) once it has read and counted the body.
 * @returns The running server.
 */
export async function startOtlpCountingServer(): Promise<OtlpCountingServer> {
  let spans = 0;
  let requests = 0;
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      requests++;
      spans += countOtlpJsonSpans(Buffer.concat(parts).toString('utf8'));
      response.writeHead(200, {'content-type': 'application/json'}).end('{}');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    tracesUrl: `http://127.0.0.1:${port}/v1/traces`,
    get spans() {
      return spans;
    },
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
