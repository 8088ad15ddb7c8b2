import express from 'express';
import {toExpressMiddleware} from './to-express-middleware';
import {deferred, openResponse, sendRequest, startLoopbackServer, type LoopbackServer} from './node-server-fixtures';

const GENERIC_ERROR = {error: {type: 'llm_rx_proxy_error', message: 'the llm-rx proxy failed; see its log'}};

describe('toExpressMiddleware()', () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** A fake fetch handler that echoes what it saw: the URL, the content type and the body's text. */
  const echo = async (request: Request) =>
    Response.json({
      url: request.url,
      contentType: request.headers.get('content-type'),
      contentLength: request.headers.get('content-length'),
      body: await request.text(),
    });

  it('mounted at a path, gives the handler the full original URL; the app’s other routes still work', async () => {
    const app = express();
    app.get('/health', (_request, response) => void response.send('healthy'));
    app.use('/api/llm', toExpressMiddleware(echo));
    server = await startLoopbackServer(app);
    const proxied = await sendRequest(`${server.origin}/api/llm/openai/v1/chat/completions?x=1`);
    const health = await sendRequest(`${server.origin}/health`);
    expect(JSON.parse(proxied.body.toString()).url).toBe(
      `http://127.0.0.1:${server.port}/api/llm/openai/v1/chat/completions?x=1`,
    );
    expect([health.status, health.body.toString()]).toEqual([200, 'healthy']);
  });

  it('streams a body no parser read, and rebuilds one that express.json() read', async () => {
    const app = express();
    app.use('/raw', toExpressMiddleware(echo));
    app.use(express.json());
    app.use('/api/llm', toExpressMiddleware(echo));
    server = await startLoopbackServer(app);
    // Pretty-printed: re-serialised, it is shorter, so a stale content-length would show.
    const sent = JSON.stringify({model: 'gpt-5-mini', messages: [{role: 'user', content: 'Grüße 🌍'}]}, null, 2);
    const post = (path: string) =>
      sendRequest(`${server!.origin}${path}`, {
        method: 'POST',
        headers: {'content-type': 'application/json', 'content-length': Buffer.byteLength(sent)},
        chunks: [Buffer.from(sent)],
      });
    const parsed = JSON.parse((await post('/api/llm/openai/v1/chat/completions')).body.toString());
    const raw = JSON.parse((await post('/raw/openai')).body.toString());
    expect(JSON.parse(parsed.body)).toEqual(JSON.parse(sent));
    expect(parsed.contentType).toBe('application/json');
    expect(parsed.contentLength).toBe(String(Buffer.byteLength(parsed.body)));
    expect(parsed.contentLength).not.toBe(String(Buffer.byteLength(sent)));
    expect(raw.body).toBe(sent);
  });

  it('rebuilds a body that express.text() or express.raw() read, byte for byte', async () => {
    const app = express();
    app.use('/text', express.text(), toExpressMiddleware(echo));
    app.use('/bytes', express.raw({type: '*/*'}), toExpressMiddleware(echo));
    server = await startLoopbackServer(app);
    const sent = 'plain Grüße 🌍';
    const post = (path: string, type: string) =>
      sendRequest(`${server!.origin}${path}`, {
        method: 'POST',
        headers: {'content-type': type},
        chunks: [Buffer.from(sent)],
      });
    const text = JSON.parse((await post('/text', 'text/plain')).body.toString());
    const bytes = JSON.parse((await post('/bytes', 'application/octet-stream')).body.toString());
    expect([text.body, text.contentType]).toEqual([sent, 'text/plain']);
    expect([bytes.body, bytes.contentType]).toEqual([sent, 'application/octet-stream']);
  });

  it('mounted at the root with a basePath, passes other paths on to the next route', async () => {
    const app = express();
    app.use(toExpressMiddleware(echo, {basePath: '/api/llm'}));
    app.get('/{*page}', (_request, response) => void response.send('the SSR page'));
    server = await startLoopbackServer(app);
    const page = await sendRequest(`${server.origin}/chat/1`);
    const proxied = await sendRequest(`${server.origin}/api/llm/anthropic/v1/messages`);
    expect(page.body.toString()).toBe('the SSR page');
    expect(JSON.parse(proxied.body.toString()).url).toBe(
      `http://127.0.0.1:${server.port}/api/llm/anthropic/v1/messages`,
    );
  });

  it('follows the app’s trust proxy setting for the scheme', async () => {
    const app = express();
    app.set('trust proxy', 'loopback');
    app.use('/api/llm', toExpressMiddleware(echo));
    server = await startLoopbackServer(app);
    const proxied = await sendRequest(`${server.origin}/api/llm/x`, {headers: {'x-forwarded-proto': 'https'}});
    expect(JSON.parse(proxied.body.toString()).url).toBe(`https://127.0.0.1:${server.port}/api/llm/x`);
  });

  it('streams the response: the first chunk arrives before the body has produced the second', async () => {
    const firstChunkSeen = deferred();
    const app = express();
    app.use(
      '/api/llm',
      toExpressMiddleware(async () => {
        let pulls = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            pulls += 1;
            if (pulls === 1) return controller.enqueue(new TextEncoder().encode('chunk 1;'));
            await firstChunkSeen.promise;
            controller.enqueue(new TextEncoder().encode('chunk 2;'));
            controller.close();
          },
        });
        return new Response(body, {headers: {'content-type': 'text/event-stream'}});
      }),
    );
    server = await startLoopbackServer(app);
    const {response} = await openResponse(`${server.origin}/api/llm/stream`);
    const parts: string[] = [];
    response.on('data', (part: Buffer) => {
      parts.push(part.toString());
      firstChunkSeen.resolve();
    });
    response.resume();
    await new Promise(resolve => response.once('end', resolve));
    expect(parts[0]).toBe('chunk 1;');
    expect(parts.join('')).toBe('chunk 1;chunk 2;');
  }, 10_000);

  it('answers a handler that rejects with the bare 500 itself, not through Express’s error page', async () => {
    const reported: unknown[] = [];
    const failure = new Error('invalid key sk-proj-PlantedKey0123456789abcdefABCDEF');
    const app = express();
    app.use(
      '/api/llm',
      toExpressMiddleware(() => Promise.reject(failure), {onError: error => reported.push(error)}),
    );
    server = await startLoopbackServer(app);
    const response = await sendRequest(`${server.origin}/api/llm/openai`, {method: 'POST'});
    expect([response.status, JSON.parse(response.body.toString())]).toEqual([500, GENERIC_ERROR]);
    expect(response.body.toString()).not.toContain('PlantedKey');
    expect(reported).toEqual([failure]);
  });
});
