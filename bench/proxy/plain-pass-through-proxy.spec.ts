import {createServer, type IncomingHttpHeaders, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {SCENARIO_HEADER} from '../consumers/consumer';
import {plainPassThroughListener} from './plain-pass-through-proxy';

interface Seen {
  url?: string;
  headers?: IncomingHttpHeaders;
  body?: string;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise(resolve => server.close(() => resolve()));
}

describe('plainPassThroughListener', () => {
  let upstream: Server;
  let proxy: Server;
  let proxyUrl: string;
  const seen: Seen = {};

  beforeEach(async () => {
    upstream = createServer((request, response) => {
      const parts: Buffer[] = [];
      request.on('data', (part: Buffer) => parts.push(part));
      request.on('end', () => {
        Object.assign(seen, {url: request.url, headers: request.headers, body: Buffer.concat(parts).toString()});
        response.writeHead(201, {'content-type': 'text/event-stream'});
        response.write('data: {"a":1}\n\n');
        setTimeout(() => response.end('data: [DONE]\n\n'), 5);
      });
    });
    proxy = createServer(plainPassThroughListener(await listen(upstream), 'sk-server-key'));
    proxyUrl = await listen(proxy);
  });

  afterEach(async () => {
    await close(proxy);
    await close(upstream);
  });

  it('forwards to the same path with the server’s key and the scenario, and pipes the answer back', async () => {
    const response = await fetch(`${proxyUrl}/v1/chat/completions?x=1`, {
      method: 'POST',
      headers: {authorization: 'Bearer caller-token', cookie: 'session=1', [SCENARIO_HEADER]: 'chunks=3'},
      body: '{"model":"gpt-4o-mini"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toBe('data: {"a":1}\n\ndata: [DONE]\n\n');
    expect(seen.url).toBe('/v1/chat/completions?x=1');
    expect(seen.body).toBe('{"model":"gpt-4o-mini"}');
    expect(seen.headers?.authorization).toBe('Bearer sk-server-key');
    expect(seen.headers?.[SCENARIO_HEADER]).toBe('chunks=3');
    expect(seen.headers?.cookie).toBeUndefined();
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    await close(upstream);
    const response = await fetch(`${proxyUrl}/v1/chat/completions`, {method: 'POST', body: '{}'});
    expect(response.status).toBe(502);
  });
});
