/*
 * Spec support shared by the wire specs: a whole stream of one wire, and a one-shot loopback server that answers
 * with given events, so that a real SDK can read them. Node-only (node:http). It defines no specs by itself.
 */
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {MockPlan, ProviderWire} from './provider-wire';

/** What the loopback server answers: SSE events, or an HTTP error status with a JSON body. */
export interface WireAnswer {
  readonly events?: readonly string[];
  readonly status?: number;
  readonly body?: unknown;
}

/**
 * Every event of a whole stream, in the order the mock server writes them.
 * @param wire The wire format.
 * @param plan The plan to play.
 * @returns The SSE events, one string each.
 */
export function allWireEvents(wire: ProviderWire, plan: MockPlan): string[] {
  return [
    ...wire.openingEvents(plan),
    ...plan.reasoningChunks.flatMap((text, index) => wire.reasoningEvents(plan, text, index)),
    ...plan.textChunks.flatMap((text, index) => wire.textEvents(plan, text, index)),
    ...wire.closingEvents(plan),
  ];
}

/**
 * Starts a loopback server that answers every request with `answer`, one write per event.
 * @param answer The events, or the error status and body.
 * @returns The server's base URL and the server, which the caller closes.
 */
export async function serveWireAnswer(answer: WireAnswer): Promise<{url: string; server: Server}> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (answer.status) {
        response.writeHead(answer.status, {'Content-Type': 'application/json'});
        response.end(JSON.stringify(answer.body));
        return;
      }
      response.writeHead(200, {'Content-Type': 'text/event-stream; charset=utf-8'});
      for (const event of answer.events ?? []) response.write(event);
      response.end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server};
}
