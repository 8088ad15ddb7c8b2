import type {Socket} from 'node:net';
import {toNodeListener} from './to-node-listener';
import {sendRawRequest, sendRequest, startLoopbackServer, type LoopbackServer} from './node-server-fixtures';

const GENERIC_ERROR = {error: {type: 'llm_rx_proxy_error', message: 'the llm-rx proxy failed; see its log'}};
const PLANTED_KEY = 'sk-proj-PlantedKey0123456789abcdefABCDEF';

describe('toNodeListener()', () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves a fake fetch handler and records the requests it sees (their bodies read in full). */
  async function serve(handler: (request: Request) => Promise<Response>, options = {}) {
    server = await startLoopbackServer(toNodeListener(handler, options));
    return server;
  }

  it('gives the handler the method, the absolute URL and the headers, repeated ones joined the fetch way', async () => {
    const seen: Request[] = [];
    const {origin, port} = await serve(async request => {
      seen.push(request);
      return new Response('ok');
    });
    const response = await sendRequest(`${origin}/api/llm/openai/v1/chat/completions?trace=1`, {
      method: 'DELETE',
      headers: {
        'x-multi': ['a', 'b'],
        'x-forwarded-proto': 'https',
        connection: 'keep-alive',
      },
    });
    expect(response.status).toBe(200);
    const [request] = seen;
    expect(request.method).toBe('DELETE');
    expect(request.url).toBe(`http://127.0.0.1:${port}/api/llm/openai/v1/chat/completions?trace=1`);
    expect(request.headers.get('host')).toBe(`127.0.0.1:${port}`);
    expect(request.headers.get('x-multi')).toBe('a, b');
    expect(request.headers.has('connection')).toBeFalse();
  });

  it('joins cookies split over several header lines with "; "', async () => {
    const seen: Request[] = [];
    const {port} = await serve(async request => {
      seen.push(request);
      return new Response('ok');
    });
    const answer = await sendRawRequest(port, [
      'GET /cookies HTTP/1.1',
      'Host: app.example',
      'Cookie: session=1',
      'Cookie: theme=dark',
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(seen[0].url).toBe('http://app.example/cookies');
    expect(seen[0].headers.get('cookie')).toBe('session=1; theme=dark');
  });

  it('takes the scheme from X-Forwarded-Proto only when told to trust it', async () => {
    const urls: string[] = [];
    const {origin, port} = await serve(
      async request => {
        urls.push(request.url);
        return new Response(null, {status: 204});
      },
      {trustForwardedProto: true},
    );
    await sendRequest(`${origin}/x`, {headers: {'x-forwarded-proto': 'https'}});
    expect(urls).toEqual([`https://127.0.0.1:${port}/x`]);
  });

  it('streams a 5 MB non-ASCII body that arrives slowly, byte for byte', async () => {
    const text = 'Grüße, 世界 🌍 — ünïcödé '.repeat(Math.ceil((5 * 1024 * 1024) / 40));
    const sent = Buffer.from(text, 'utf8');
    // 64 kB pieces cut anywhere, so that multi-byte characters are split across chunks.
    const chunks = Array.from({length: Math.ceil(sent.length / 65_521)}, (_, index) =>
      sent.subarray(index * 65_521, (index + 1) * 65_521),
    );
    let received: Buffer | undefined;
    const {origin} = await serve(async request => {
      received = Buffer.from(await request.arrayBuffer());
      return new Response('ok');
    });
    const response = await sendRequest(`${origin}/upload`, {
      method: 'POST',
      headers: {'content-type': 'text/plain; charset=utf-8', 'content-length': sent.length},
      chunks,
    });
    expect(response.status).toBe(200);
    expect(received?.length).toBe(sent.length);
    expect(received?.equals(sent)).toBeTrue();
    expect(received?.toString('utf8')).toBe(text);
  });

  it('reads the request body from the socket only as fast as the handler reads it (backpressure)', async () => {
    const total = 20 * 1024 * 1024;
    const sockets: Socket[] = [];
    let largestGap = 0;
    let consumed = 0;
    const listener = toNodeListener(async request => {
      const reader = request.body!.getReader();
      for (;;) {
        const {done, value} = await reader.read();
        if (done) break;
        consumed += value.byteLength;
        largestGap = Math.max(largestGap, sockets[0].bytesRead - consumed);
        // A slow handler: the socket must wait for it.
        await new Promise(resolve => setTimeout(resolve, 1));
      }
      return new Response(String(consumed));
    });
    server = await startLoopbackServer((request, response) => {
      sockets.push(request.socket);
      listener(request, response);
    });
    const chunk = Buffer.alloc(256 * 1024, 'x');
    const response = await sendRequest(`${server.origin}/upload`, {
      method: 'POST',
      headers: {'content-length': total},
      chunks: Array.from({length: total / chunk.length}, () => chunk),
    });
    expect(response.body.toString()).toBe(String(total));
    // Unbounded, the socket is read at loopback speed: megabytes ahead of a handler that waits per chunk.
    expect(largestGap).toBeLessThan(1024 * 1024);
  }, 60_000);

  it('answers each set-cookie on its own line', async () => {
    const {origin} = await serve(async () => {
      const headers = new Headers({'content-type': 'text/plain'});
      headers.append('set-cookie', 'a=1; Path=/; HttpOnly');
      headers.append('set-cookie', 'b=2, with a comma; Path=/');
      return new Response('ok', {status: 201, headers});
    });
    const response = await sendRequest(`${origin}/`);
    expect(response.status).toBe(201);
    expect(response.headers['set-cookie']).toEqual(['a=1; Path=/; HttpOnly', 'b=2, with a comma; Path=/']);
    expect(response.headers['content-type']).toBe('text/plain');
  });

  it('answers 204 and 304 without a body, and HEAD with the head only (its body cancelled, not read)', async () => {
    const headBodyCancelled: boolean[] = [];
    const {origin} = await serve(async request => {
      if (request.url.endsWith('/204')) return new Response(null, {status: 204});
      if (request.url.endsWith('/304')) return new Response(null, {status: 304, headers: {etag: '"v1"'}});
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('a body HEAD must not send'));
          controller.close();
        },
        cancel: () => void headBodyCancelled.push(true),
      });
      return new Response(body, {headers: {'x-kind': 'head'}});
    });
    const noContent = await sendRequest(`${origin}/204`);
    const notModified = await sendRequest(`${origin}/304`);
    const head = await sendRequest(`${origin}/head`, {method: 'HEAD'});
    expect([noContent.status, noContent.body.length]).toEqual([204, 0]);
    expect([notModified.status, notModified.body.length, notModified.headers.etag]).toEqual([304, 0, '"v1"']);
    expect([head.status, head.body.length, head.headers['x-kind']]).toEqual([200, 0, 'head']);
    expect(headBodyCancelled).toEqual([true]);
  });

  it('answers a handler that rejects with a bare 500 and tells onError, never the message', async () => {
    const reported: unknown[] = [];
    const failure = new Error(`upstream said: invalid key ${PLANTED_KEY}`);
    const {origin} = await serve(() => Promise.reject(failure), {onError: (error: unknown) => reported.push(error)});
    const response = await sendRequest(`${origin}/api/llm/openai/v1/chat/completions`, {method: 'POST'});
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body.toString())).toEqual(GENERIC_ERROR);
    expect(response.body.toString()).not.toContain('PlantedKey');
    expect(reported).toEqual([failure]);
  });

  it('logs a handler that throws with its name and message, keys redacted, by default', async () => {
    const logged = spyOn(console, 'error');
    const {origin} = await serve(() => {
      throw new TypeError(`cannot read the upstream body for Bearer ${PLANTED_KEY} and ${PLANTED_KEY}`);
    });
    const response = await sendRequest(`${origin}/`);
    expect([response.status, JSON.parse(response.body.toString())]).toEqual([500, GENERIC_ERROR]);
    const lines = logged.calls.allArgs().map(args => args.map(String).join(' '));
    expect(lines.length).toBe(1);
    expect(lines[0]).toContain('TypeError: cannot read the upstream body');
    expect(lines[0]).not.toContain('PlantedKey');
  });

  it('answers a Response whose body was already read with a bare 500, and tells onError', async () => {
    const reported: unknown[] = [];
    const {origin} = await serve(
      async () => {
        const used = new Response('read once');
        await used.text();
        return used;
      },
      {onError: (error: unknown) => reported.push(error)},
    );
    const response = await sendRequest(`${origin}/`);
    expect([response.status, JSON.parse(response.body.toString())]).toEqual([500, GENERIC_ERROR]);
    expect(reported.length).toBe(1);
  });

  it('answers 404 outside basePath without calling the handler', async () => {
    const handler = jasmine.createSpy('handler').and.callFake(async () => new Response('served'));
    const {origin} = await serve(handler, {basePath: '/api/llm/'});
    const outside = await sendRequest(`${origin}/api/llmx/openai`);
    const inside = await sendRequest(`${origin}/api/llm/openai?x=1`);
    expect(outside.status).toBe(404);
    expect([inside.status, inside.body.toString()]).toEqual([200, 'served']);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('answers 400 for a request that makes no URL, without calling the handler', async () => {
    const handler = jasmine.createSpy('handler').and.resolveTo(new Response('served'));
    const {origin} = await serve(handler);
    const response = await sendRequest(`${origin}/`, {headers: {host: 'bad host:99999'}});
    expect(response.status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
  });
});
