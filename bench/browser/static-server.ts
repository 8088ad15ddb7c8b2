import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
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

/**
 * Serves the files of one directory, so that the bench pages load from an http origin (a loopback page calling
 * the loopback mock server, as a dev server would).
 * @param directory The directory to serve.
 * @returns The running server.
 */
export function serveDirectory(directory: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
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
