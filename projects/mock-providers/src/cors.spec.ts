import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {answerPreflight, EXPOSED_HEADERS, setCorsHeaders} from './cors';

describe('cors', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.method === 'OPTIONS') return answerPreflight(request, response);
      setCorsHeaders(response);
      response.writeHead(500).end('boom');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  it('puts allow-origin and the exposed retry and request-id headers on an error response', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(500);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe(EXPOSED_HEADERS);
    for (const name of [
      'retry-after',
      'retry-after-ms',
      'x-should-retry',
      'x-request-id',
      'request-id',
      'x-ratelimit-reset',
    ]) {
      expect(EXPOSED_HEADERS.split(', ')).toContain(name);
    }
  });

  it('echoes the requested headers on a preflight, because "*" never covers Authorization', async () => {
    const requested = 'anthropic-version, authorization, content-type, x-stainless-timeout';
    const response = await fetch(url, {method: 'OPTIONS', headers: {'access-control-request-headers': requested}});
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe(requested);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });

  it('sends no allow-headers when the preflight asks for none', async () => {
    const response = await fetch(url, {method: 'OPTIONS'});
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });
});
