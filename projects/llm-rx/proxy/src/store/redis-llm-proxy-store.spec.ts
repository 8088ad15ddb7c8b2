import {startRedisServer, type RunningRedisServer} from '@llm-rx/spec-support/node';
import {LlmConfigurationError} from 'llm-rx';
import {createClient} from 'redis';
import {admission, describeLlmProxyStoreContract, NOON_MS} from './llm-proxy-store-fixtures';
import {createRedisLlmProxyStore, type LlmProxyRedisClient} from './redis-llm-proxy-store';

const connectTo = (url: string) => createClient({url}).connect();

describe('createRedisLlmProxyStore()', () => {
  let server: RunningRedisServer;
  let client: Awaited<ReturnType<typeof connectTo>>;
  let prefixes = 0;
  const freshPrefix = () => `spec-${++prefixes}`;

  beforeAll(async () => {
    server = await startRedisServer();
    client = await connectTo(server.url);
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  describeLlmProxyStoreContract('with a real redis-server', () =>
    Promise.resolve({
      store: createRedisLlmProxyStore({client, keyPrefix: freshPrefix()}),
      teardown: () => Promise.resolve(),
    }),
  );

  it("puts a user's keys under one hash tag of the prefix and the encoded id, each with an expiry", async () => {
    const keyPrefix = freshPrefix();
    const store = createRedisLlmProxyStore({client, keyPrefix});
    await store.admit(admission({userId: 'a}:b {c}', limits: {}, reserve: {tokens: 1, costNanoUsd: 1}}));
    const keys = (await client.keys(`{${keyPrefix}:*`)).sort();
    const tag = `{${keyPrefix}:a%7D%3Ab%20%7Bc%7D}`;
    expect(keys).toEqual([`${tag}:day:2026-12-03`, `${tag}:leases`, `${tag}:minute:${Math.floor(NOON_MS / 60_000)}`]);
    for (const key of keys) expect(await client.pTTL(key)).toBeGreaterThan(0);
  });

  it('works through an ioredis-style client wrapped in one line', async () => {
    const ioredisLike = {
      eval: (script: string, keyCount: number, ...rest: string[]) =>
        client.eval(script, {keys: rest.slice(0, keyCount), arguments: rest.slice(keyCount)}),
    };
    const wrapped: LlmProxyRedisClient = {
      eval: (script, {keys, arguments: args}) => ioredisLike.eval(script, keys.length, ...keys, ...args),
    };
    const store = createRedisLlmProxyStore({client: wrapped, keyPrefix: freshPrefix()});
    expect(await store.admit(admission({limits: {requestsPerMinute: 1}}))).toEqual({admitted: true});
    expect(await store.admit(admission({limits: {requestsPerMinute: 1}}))).toEqual(
      jasmine.objectContaining({admitted: false, limit: 'requests-per-minute'}),
    );
  });

  it('refuses a client without eval and a prefix that would break the hash tag, naming the field', () => {
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return LlmConfigurationError.isInstance(error) ? error.field : error;
      }
      return 'no error';
    };
    expect(fieldOf(() => createRedisLlmProxyStore({client: {} as LlmProxyRedisClient}))).toBe('client');
    expect(fieldOf(() => createRedisLlmProxyStore({client, keyPrefix: 'a{b'}))).toBe('keyPrefix');
  });
});
