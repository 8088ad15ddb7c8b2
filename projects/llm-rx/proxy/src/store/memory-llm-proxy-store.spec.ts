import {admission, describeLlmProxyStoreContract, NOON_MS, settlementOf} from './llm-proxy-store-fixtures';
import {createMemoryLlmProxyStore} from './memory-llm-proxy-store';

describeLlmProxyStoreContract('createMemoryLlmProxyStore()', () =>
  Promise.resolve({store: createMemoryLlmProxyStore(), teardown: () => Promise.resolve()}),
);

describe('createMemoryLlmProxyStore()', () => {
  it('makes independent stores', async () => {
    const limits = {requestsPerMinute: 1};
    const [first, second] = [createMemoryLlmProxyStore(), createMemoryLlmProxyStore()];
    expect(await first.admit(admission({limits}))).toEqual({admitted: true});
    expect(await second.admit(admission({limits}))).toEqual({admitted: true});
  });

  it('drops the days before yesterday, including those of users who never come back', async () => {
    const store = createMemoryLlmProxyStore();
    const request = admission({userId: 'gone', reserve: {tokens: 3, costNanoUsd: 3}});
    await store.admit(request);
    await store.settle(settlementOf(request, {tokens: 2, costNanoUsd: 2}));
    const nextDay = NOON_MS + 86_400_000;
    await store.admit(admission({userId: 'other', nowMs: nextDay}));
    expect((await store.usageOf('gone', NOON_MS)).spent.tokens).toBe(2);
    await store.admit(admission({userId: 'other', nowMs: nextDay + 86_400_000}));
    expect((await store.usageOf('gone', NOON_MS)).spent.tokens).toBe(0);
  });
});
