/**
 * One proxy of the proxy bench, in its own process, so that its CPU time is its own: `proxy-process.ts` starts
 * it, reads the one JSON line it prints (`{"proxyUrl", "controlUrl"}`), streams through `proxyUrl` and asks
 * `controlUrl` for this process's CPU time and its log.
 *
 * Usage: `node --expose-gc --import tsx bench/proxy/proxy-child.ts plain|llm-rx <mockUrl>`.
 *
 * Control routes: `GET /cpu` collects garbage (with `--expose-gc`) and answers `{"cpuMicros"}`, this process's
 * `process.cpuUsage()` user + system so far; `GET /log` answers the llm-rx proxy's log lines since the last call
 * (none for the plain proxy) and forgets them.
 */
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createMemoryLlmProxyStore, type LlmProxyLogEntry} from 'llm-rx/proxy';
import {mockProxyProviders, PROXY_SPEC_KEYS, startLlmProxyServer} from '@llm-rx/spec-support/node';
import {collectGarbage} from '../lib/measure';
import {plainPassThroughListener} from './plain-pass-through-proxy';
import {PROXY_BENCH_LIMITS} from './proxy-kinds';

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startProxy(kind: string, mockUrl: string): Promise<{url: string; logs: LlmProxyLogEntry[]}> {
  if (kind === 'plain') {
    const url = await listen(createServer(plainPassThroughListener(mockUrl, PROXY_SPEC_KEYS.openai)));
    return {url: `${url}/v1`, logs: []};
  }
  if (kind !== 'llm-rx') throw new Error(`bench: proxy child: unknown kind ${kind}; use plain or llm-rx`);
  const server = await startLlmProxyServer({
    providers: mockProxyProviders({}, mockUrl),
    limits: PROXY_BENCH_LIMITS,
    store: createMemoryLlmProxyStore(),
  });
  return {url: server.baseURLOf('openai'), logs: server.logs};
}

async function main(): Promise<void> {
  const [kind = '', mockUrl = ''] = process.argv.slice(2);
  const proxy = await startProxy(kind, mockUrl);
  const control = createServer((request, response) => {
    let body: unknown;
    if (request.url === '/cpu') {
      collectGarbage();
      const cpu = process.cpuUsage();
      body = {cpuMicros: cpu.user + cpu.system};
    } else if (request.url === '/log') {
      body = proxy.logs.splice(0);
    } else {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(body));
  });
  const controlUrl = await listen(control);
  process.stdout.write(`${JSON.stringify({proxyUrl: proxy.url, controlUrl})}\n`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
