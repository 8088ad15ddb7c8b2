import {LlmPriceTable} from 'llm-rx';
import {admitProxyCall, type AdmittedProxyCall, type ProxyCallAdmission} from './admit-proxy-call';
import type {ProxyRefusal} from './proxy-refusal';
import type {
  LlmProxyAdmission,
  LlmProxyAdmissionResult,
  LlmProxyLimitHit,
  LlmProxyStore,
} from './store/llm-proxy-store';

const table = LlmPriceTable.default.withPrices('openai', {'rx-admit-test': {inputPerMillion: 1, outputPerMillion: 4}});

/** A store that answers every admission with `answer` (or throws it) and records what it was asked. */
function fakeStore(answer: LlmProxyAdmissionResult | Error = {admitted: true}) {
  const admissions: LlmProxyAdmission[] = [];
  const store: LlmProxyStore = {
    admit: async admission => {
      admissions.push(admission);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    settle: async () => undefined,
    usageOf: async () => ({spent: {tokens: 0, costNanoUsd: 0}, reserved: {tokens: 0, costNanoUsd: 0}}),
  };
  return {store, admissions};
}

const call: ProxyCallAdmission = {
  userId: 'user-1',
  provider: 'openai',
  model: 'rx-admit-test',
  limits: {requestsPerMinute: 10},
  bodyBytes: 1000,
  outputTokenCap: 500,
  table,
  nowMs: Date.UTC(2026, 0, 15, 12),
  leaseTtlMs: 60_000,
};

const hit = (fields: LlmProxyLimitHit) => fakeStore({admitted: false, ...fields});
const refusalFor = async (fields: LlmProxyLimitHit) => (await admitProxyCall(hit(fields).store, call)) as ProxyRefusal;

describe('admitProxyCall', () => {
  it('reserves the body bytes plus the output cap in tokens, priced with the table', async () => {
    const {store, admissions} = fakeStore();
    const admitted = (await admitProxyCall(store, call)) as AdmittedProxyCall;
    // 1000 input tokens at $1/M and 500 output tokens at $4/M: $0.003.
    expect(admitted.reserved).toEqual({tokens: 1500, costNanoUsd: 3_000_000});
    expect(admissions.length).toBe(1);
    expect(admissions[0]).toEqual({
      userId: 'user-1',
      leaseId: admitted.leaseId,
      nowMs: call.nowMs,
      limits: {requestsPerMinute: 10},
      reserve: {tokens: 1500, costNanoUsd: 3_000_000},
      leaseTtlMs: 60_000,
    });
  });

  it('gives each admission its own lease id', async () => {
    const {store} = fakeStore();
    const first = (await admitProxyCall(store, call)) as AdmittedProxyCall;
    const second = (await admitProxyCall(store, call)) as AdmittedProxyCall;
    expect(first.leaseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.leaseId).not.toBe(first.leaseId);
  });

  it('refuses a model without a price with price-unknown, only under a cost budget, before asking the store', async () => {
    const unpriced = {...call, model: 'rx-unpriced-model'};
    const {store, admissions} = fakeStore();
    const refusal = (await admitProxyCall(store, {...unpriced, limits: {costPerDayUsd: 1}})) as ProxyRefusal;
    expect(refusal.reason).toBe('price-unknown');
    expect(refusal.message).toContain('no price is known for openai rx-unpriced-model');
    expect(admissions).toEqual([]);
    const admitted = (await admitProxyCall(store, {...unpriced, limits: {tokensPerDay: 1e6}})) as AdmittedProxyCall;
    expect(admitted.reserved).toEqual({tokens: 1500, costNanoUsd: 0});
  });

  it('refuses with store-unavailable when the store throws, without its error', async () => {
    const refusal = (await admitProxyCall(fakeStore(new Error('ECONNREFUSED redis:6379')).store, call)) as ProxyRefusal;
    expect(refusal).toEqual({
      reason: 'store-unavailable',
      message: 'the proxy could not check your limits (its store failed): try again shortly',
      retryAfterMs: 1000,
    });
  });

  it('refuses a rate limit hit with the count and when to retry', async () => {
    expect(await refusalFor({limit: 'requests-per-minute', allowed: 10, used: 10, retryAfterMs: 41_500})).toEqual({
      reason: 'requests-per-minute',
      message: 'rate limit reached: 10 of 10 requests this minute; try again in 42 s',
      retryAfterMs: 41_500,
      limit: 10,
      used: 10,
    });
  });

  it('refuses a concurrency hit with the open streams', async () => {
    expect(await refusalFor({limit: 'concurrent-streams', allowed: 3, used: 3, retryAfterMs: 1000})).toEqual({
      reason: 'concurrent-streams',
      message: 'too many answers at once: 3 of 3 streams open; wait for one to finish',
      retryAfterMs: 1000,
      limit: 3,
      used: 3,
    });
  });

  it('refuses a daily token budget hit with what is used and when it resets', async () => {
    const retryAfterMs = (3 * 60 + 5) * 60_000;
    expect(await refusalFor({limit: 'daily-tokens', allowed: 100_000, used: 100_250, retryAfterMs})).toEqual({
      reason: 'daily-tokens',
      message: 'daily token budget reached: 100250 of 100000 tokens used today (UTC); it resets in 3 h 5 min',
      retryAfterMs,
      limit: 100_000,
      used: 100_250,
    });
  });

  it('shows a budget under a cent with its significant digits', async () => {
    const refusal = await refusalFor({limit: 'daily-cost', allowed: 5_000_000, used: 5_000_100, retryAfterMs: 60_000});
    expect('message' in refusal && refusal.message).toContain('$0.0050 of $0.0050 used today');
  });

  it('refuses a daily cost budget hit in US dollars, from the nano-dollars of the store', async () => {
    const refusal = await refusalFor({
      limit: 'daily-cost',
      allowed: 500_000_000,
      used: 501_234_567,
      retryAfterMs: 12 * 60_000,
    });
    expect(refusal).toEqual({
      reason: 'daily-cost',
      message: 'daily budget reached: $0.5012 of $0.50 used today (UTC); it resets in 12 min',
      retryAfterMs: 12 * 60_000,
      limit: 0.5,
      used: 0.501234567,
    });
  });
});
