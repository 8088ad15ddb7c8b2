// Serves the demo's production build for the e2e tests: files as they are, every other path as index.html
// (the demo's pages are paths such as /dashboard). Usage: node e2e/serve-static.mjs <dir> <port>
import {createReadStream, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize, resolve} from 'node:path';

const root = resolve(process.argv[2] ?? 'dist/demo/browser');
const port = Number(process.argv[3] ?? process.env.PORT ?? 4300);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function fileOf(urlPath) {
  // normalize() resolves `..`, and the prefix check keeps every request inside the build folder.
  const candidate = normalize(join(root, decodeURIComponent(urlPath)));
  if (!candidate.startsWith(root)) return undefined;
  try {
    return statSync(candidate).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

createServer((request, response) => {
  const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = fileOf(urlPath) ?? join(root, 'index.html');
  response.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'});
  createReadStream(file).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`demo on http://127.0.0.1:${port}`));
