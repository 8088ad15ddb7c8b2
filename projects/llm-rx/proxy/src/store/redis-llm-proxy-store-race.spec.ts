import {startRedisServer, type RunningRedisServer} from '@llm-rx/spec-support/node';
import {createClient} from 'redis';
import type {LlmProxyStore} from './llm-proxy-store';
import {admission} from './llm-proxy-store-fixtures';
import {createRedisLlmProxyStore} from './redis-llm-proxy-store';

const connectTo = (url: string) => createClient({url}).connect();

describe('createRedisLlmProxyStore() shared by two instances', () => {
  let server: RunningRedisServer;
  let clients: Awaited<ReturnType<typeof connectTo>>[];
  let instances: LlmProxyStore[];
  let prefixes = 0;

  beforeAll(async () => {
    server = await startRedisServer();
    clients = await Promise.all([1, 2].map(() => connectTo(server.url)));
  });
  beforeEach(() => {
    const keyPrefix = `race-${++prefixes}`;
    instances = clients.map(client => createRedisLlmProxyStore({client, keyPrefix}));
  });
  afterAll(async () => {
    await Promise.all((clients ?? []).map(client => client.close()));
    await server?.stop();
  });

  /** 200 admits for one user at once, alternating between the two instances; how many were admitted. */
  const admittedOf200 = async (fields: Parameters<typeof admission>[0]) => {
    const results = await Promise.all(
      Array.from({length: 200}, (_, i) => instances[i % 2].admit(admission({...fields, leaseId: `lease-${i}`}))),
    );
    return results.filter(result => result.admitted).length;
  };

  it('admits exactly the reservations that fit the daily budget, never one more', async () => {
    // 7 reservations of 10 tokens fit below 61 (0, 10 … 60 are below it); the 8th sees 70.
    expect(await admittedOf200({limits: {tokensPerDay: 61}, reserve: {tokens: 10, costNanoUsd: 0}})).toBe(7);
    const usage = await instances[0].usageOf('alice', admission().nowMs);
    expect(usage.reserved.tokens).toBe(70);
  });

  it('admits exactly the daily cost reservations that fit', async () => {
    expect(await admittedOf200({limits: {costPerDayUsd: 0.000005}, reserve: {tokens: 0, costNanoUsd: 1000}})).toBe(5);
  });

  it('admits exactly the concurrent streams allowed', async () => {
    expect(await admittedOf200({limits: {concurrentStreams: 13}})).toBe(13);
  });
});
