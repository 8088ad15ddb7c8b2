import {readFile} from 'node:fs/promises';
import {createServer, request as httpRequest} from 'node:http';
import {extname, join, normalize} from 'node:path';

/** A static file server on the loopback interface. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/** Where the server forwards requests under `/mock/`, as an app's dev server proxies its API. */
export const MOCK_PROXY_PATH = '/mock';

/**
 * Serves the files of one directory, so that the bench pages load from an http origin (a loopback page calling
 * the loopback mock server, as a dev server would).
 * @param directory The directory to serve.
 * @param proxyTo A server to forward requests under `/mock/` to (path without `/mock`, streamed both ways), so that
 *   a page calls it from its own origin, without CORS preflights, as an app calls its API through its server.
 * @returns The running server.
 */
export function serveDirectory(directory: string, proxyTo?: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    if (proxyTo && request.url?.startsWith(`${MOCK_PROXY_PATH}/`)) {
      const target = new URL(request.url.slice(MOCK_PROXY_PATH.length), proxyTo);
      const forwarded = httpRequest(target, {method: request.method, headers: request.headers}, upstream => {
        response.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(response);
      });
      forwarded.on('error', () => response.writeHead(502).end());
      request.pipe(forwarded);
      return;
    }
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    const file = join(directory, path === '/' ? 'index.html' : path);
    if (!file.startsWith(directory)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      content =>
        response
          .writeHead(200, {'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'})
          .end(content),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise(resolve => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise(done => server.close(() => done())),
      });
    });
  });
}
