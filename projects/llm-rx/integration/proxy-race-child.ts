/*
 * One proxy process of the budget race (proxy-budget-race.node.spec.ts): createLlmProxy() served by Node's http on
 * a loopback port, in front of the mock provider server, with a daily cost budget kept in a Redis store (over its
 * own node-redis client) or in its own memory store. It prints `{"port": <port>}` on one stdout line once it
 * listens, and serves `GET /spec/usage?user=<id>` (today's spend, from its store) beside the proxy's routes. The
 * caller's API key is its user id. It exits on SIGTERM, or when its stdin closes (the suite has gone).
 *
 * Usage: node --import tsx projects/llm-rx/integration/proxy-race-child.ts <redis|memory> <redis-url|-> <key-prefix>
 *   <cost-per-day-usd>
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createClient} from 'redis';
import {createLlmProxy, createMemoryLlmProxyStore, createRedisLlmProxyStore, type LlmProxyStore} from 'llm-rx/proxy';
import {toNodeListener} from 'llm-rx/proxy/node';
import {MOCK_SCENARIO_HEADER} from '@llm-rx/mock-providers';
import {mockProxyProviders} from '@llm-rx/spec-support/node';

/** The path of the spend reading, outside the proxy's base path (the suite's USAGE_PATH). */
const USAGE_PATH = '/spec/usage';

async function storeOf(kind: string, redisUrl: string, keyPrefix: string): Promise<LlmProxyStore> {
  if (kind === 'memory') return createMemoryLlmProxyStore();
  if (kind !== 'redis') throw new Error(`proxy-race-child: the store must be redis or memory, not ${kind}`);
  const client = await createClient({url: redisUrl}).connect();
  return createRedisLlmProxyStore({client, keyPrefix});
}

async function main(): Promise<void> {
  const [kind, redisUrl, keyPrefix, budget] = process.argv.slice(2);
  const costPerDayUsd = Number(budget);
  if (!kind || !redisUrl || !keyPrefix || !(costPerDayUsd > 0)) {
    throw new Error(`proxy-race-child: bad arguments ${JSON.stringify(process.argv.slice(2))}`);
  }
  const store = await storeOf(kind, redisUrl, keyPrefix);
  const proxy = createLlmProxy({
    basePath: '/api/llm',
    providers: mockProxyProviders(),
    authenticate: (_request, {credential}) => (credential ? {userId: credential} : undefined),
    limits: {costPerDayUsd},
    store,
    forwardHeaders: [MOCK_SCENARIO_HEADER],
    // Only failures, on stderr (the suite shows it when a run goes wrong); stdout carries the port line alone.
    log: entry => {
      if (entry.event === 'failed') process.stderr.write(`${JSON.stringify(entry)}\n`);
    },
  });
  const served = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname !== USAGE_PATH) return proxy(request);
    return Response.json(await store.usageOf(url.searchParams.get('user') ?? '', Date.now()));
  };
  const server = createServer(toNodeListener(served));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({port: (server.address() as AddressInfo).port})}\n`);
}

process.once('SIGTERM', () => process.exit(0));
process.stdin.once('end', () => process.exit(0));
process.stdin.resume();
main().catch((error: unknown) => {
  process.stderr.write(`proxy-race-child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
