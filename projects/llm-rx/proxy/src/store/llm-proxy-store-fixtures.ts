// The contract every LlmProxyStore keeps, as one suite each store's spec runs (memory and Redis alike).
import type {LlmProxyAdmission, LlmProxyLimits, LlmProxySettlement, LlmProxyStore} from './llm-proxy-store';

/** 2026-12-03T12:00:15Z: 15 s into a UTC minute, 12 h before UTC midnight. */
export const NOON_MS = Date.UTC(2026, 11, 3, 12, 0, 15);
const MINUTE_START_MS = Date.UTC(2026, 11, 3, 12, 0, 0);
const MIDNIGHT_MS = Date.UTC(2026, 11, 4);

/**
 * A request asking the store, with a fresh lease id unless given.
 * @param fields What differs from the default (user `alice`, at `NOON_MS`, no limits, nothing reserved).
 * @returns The admission.
 */
export function admission(fields: Partial<LlmProxyAdmission> = {}): LlmProxyAdmission {
  return {
    userId: 'alice',
    leaseId: `lease-${Math.random().toString(36).slice(2)}`,
    nowMs: NOON_MS,
    limits: {},
    reserve: {tokens: 0, costNanoUsd: 0},
    leaseTtlMs: 60_000,
    ...fields,
  };
}

/**
 * The settlement of an admission.
 * @param admitted The admission it settles.
 * @param spent What the request spent; default nothing.
 * @returns The settlement.
 */
export function settlementOf(
  admitted: LlmProxyAdmission,
  spent: LlmProxySettlement['spent'] = {tokens: 0, costNanoUsd: 0},
): LlmProxySettlement {
  const {userId, leaseId, nowMs: admittedAtMs, reserve: reserved} = admitted;
  return {userId, leaseId, admittedAtMs, reserved, spent};
}

/**
 * Runs the store contract's specs against one store.
 * @param name The store's name, for the suite.
 * @param setup Makes a fresh, empty store for each spec, and how to tear it down.
 */
export function describeLlmProxyStoreContract(
  name: string,
  setup: () => Promise<{store: LlmProxyStore; teardown(): Promise<void>}>,
): void {
  describe(`${name} (LlmProxyStore contract)`, () => {
    let store: LlmProxyStore;
    let teardown: () => Promise<void>;
    beforeEach(async () => ({store, teardown} = await setup()));
    afterEach(() => teardown());

    /** Admits, and fails the spec when refused. */
    const admitted = async (fields: Partial<LlmProxyAdmission> = {}) => {
      const request = admission(fields);
      expect(await store.admit(request)).toEqual({admitted: true});
      return request;
    };

    it('admits without counting limits that are absent', async () => {
      for (let i = 0; i < 30; i++) await admitted({reserve: {tokens: 1_000_000, costNanoUsd: 1e12}});
      expect(await store.usageOf('alice', NOON_MS)).toEqual({
        spent: {tokens: 0, costNanoUsd: 0},
        reserved: {tokens: 30_000_000, costNanoUsd: 30e12},
      });
    });

    it('reads zero for a user or a day with nothing', async () => {
      expect(await store.usageOf('nobody', NOON_MS)).toEqual({
        spent: {tokens: 0, costNanoUsd: 0},
        reserved: {tokens: 0, costNanoUsd: 0},
      });
    });

    describe('concurrent-streams', () => {
      const limits: LlmProxyLimits = {concurrentStreams: 2};

      it('refuses a stream beyond the limit until one is settled', async () => {
        const first = await admitted({limits});
        await admitted({limits});
        expect(await store.admit(admission({limits}))).toEqual({
          admitted: false,
          limit: 'concurrent-streams',
          allowed: 2,
          used: 2,
          retryAfterMs: 1000,
        });
        await store.settle(settlementOf(first));
        await admitted({limits});
      });

      it('frees a lease when its TTL passes without a settle, and says when', async () => {
        await admitted({limits: {concurrentStreams: 1}, leaseTtlMs: 500});
        const refusal = await store.admit(admission({limits: {concurrentStreams: 1}, nowMs: NOON_MS + 200}));
        expect(refusal).toEqual(
          jasmine.objectContaining({admitted: false, limit: 'concurrent-streams', retryAfterMs: 300}),
        );
        await admitted({limits: {concurrentStreams: 1}, nowMs: NOON_MS + 500});
      });

      it('refuses every stream with a limit of 0', async () => {
        const refusal = await store.admit(admission({limits: {concurrentStreams: 0}}));
        expect(refusal).toEqual(jasmine.objectContaining({limit: 'concurrent-streams', allowed: 0, used: 0}));
      });
    });

    describe('requests-per-minute', () => {
      const limits: LlmProxyLimits = {requestsPerMinute: 3};

      it('refuses the request beyond the limit until the UTC minute ends, settled or not', async () => {
        for (let i = 0; i < 3; i++) await store.settle(settlementOf(await admitted({limits})));
        expect(await store.admit(admission({limits, nowMs: MINUTE_START_MS + 59_999}))).toEqual({
          admitted: false,
          limit: 'requests-per-minute',
          allowed: 3,
          used: 3,
          retryAfterMs: 1,
        });
        expect(await store.admit(admission({limits}))).toEqual(jasmine.objectContaining({retryAfterMs: 45_000}));
        await admitted({limits, nowMs: MINUTE_START_MS + 60_000});
      });
    });

    describe('daily budgets', () => {
      it('admits tokens while spent and reserved are below the limit, so the crossing request passes', async () => {
        const limits: LlmProxyLimits = {tokensPerDay: 100};
        for (let i = 0; i < 3; i++) await admitted({limits, reserve: {tokens: 40, costNanoUsd: 0}});
        expect(await store.admit(admission({limits, reserve: {tokens: 40, costNanoUsd: 0}}))).toEqual({
          admitted: false,
          limit: 'daily-tokens',
          allowed: 100,
          used: 120,
          retryAfterMs: MIDNIGHT_MS - NOON_MS,
        });
      });

      it('compares the daily cost in nano-dollars', async () => {
        const limits: LlmProxyLimits = {costPerDayUsd: 0.000001};
        for (let i = 0; i < 3; i++) await admitted({limits, reserve: {tokens: 0, costNanoUsd: 400}});
        expect(await store.admit(admission({limits}))).toEqual({
          admitted: false,
          limit: 'daily-cost',
          allowed: 1000,
          used: 1200,
          retryAfterMs: MIDNIGHT_MS - NOON_MS,
        });
      });

      it('counts what settled requests spent, and starts afresh on the next UTC day', async () => {
        const limits: LlmProxyLimits = {tokensPerDay: 100, costPerDayUsd: 0.000001};
        const request = await admitted({limits, reserve: {tokens: 50, costNanoUsd: 500}});
        await store.settle(settlementOf(request, {tokens: 100, costNanoUsd: 300}));
        expect(await store.admit(admission({limits, nowMs: MIDNIGHT_MS - 1}))).toEqual(
          jasmine.objectContaining({limit: 'daily-tokens', used: 100, retryAfterMs: 1}),
        );
        await admitted({limits, nowMs: MIDNIGHT_MS, reserve: {tokens: 7, costNanoUsd: 70}});
        expect(await store.usageOf('alice', MIDNIGHT_MS - 1)).toEqual({
          spent: {tokens: 100, costNanoUsd: 300},
          reserved: {tokens: 0, costNanoUsd: 0},
        });
        expect(await store.usageOf('alice', MIDNIGHT_MS + 3_600_000)).toEqual({
          spent: {tokens: 0, costNanoUsd: 0},
          reserved: {tokens: 7, costNanoUsd: 70},
        });
      });
    });

    describe('settle', () => {
      it('releases the reservation and adds the spend to the day the request was admitted', async () => {
        const beforeMidnight = MIDNIGHT_MS - 1000;
        const request = await admitted({nowMs: beforeMidnight, reserve: {tokens: 500, costNanoUsd: 5000}});
        await admitted({nowMs: beforeMidnight, reserve: {tokens: 20, costNanoUsd: 200}});
        await store.settle(settlementOf(request, {tokens: 120, costNanoUsd: 1200}));
        expect(await store.usageOf('alice', beforeMidnight)).toEqual({
          spent: {tokens: 120, costNanoUsd: 1200},
          reserved: {tokens: 20, costNanoUsd: 200},
        });
        expect(await store.usageOf('alice', MIDNIGHT_MS)).toEqual({
          spent: {tokens: 0, costNanoUsd: 0},
          reserved: {tokens: 0, costNanoUsd: 0},
        });
      });

      it('adds the spend of an unknown or twice-settled lease without making the reservation negative', async () => {
        const request = await admitted({reserve: {tokens: 30, costNanoUsd: 300}});
        await store.settle(settlementOf(request, {tokens: 10, costNanoUsd: 100}));
        await store.settle(settlementOf(request, {tokens: 10, costNanoUsd: 100}));
        const unknown = admission({leaseId: 'never-admitted', reserve: {tokens: 99, costNanoUsd: 999}});
        await store.settle(settlementOf(unknown, {tokens: 5, costNanoUsd: 50}));
        expect(await store.usageOf('alice', NOON_MS)).toEqual({
          spent: {tokens: 25, costNanoUsd: 250},
          reserved: {tokens: 0, costNanoUsd: 0},
        });
      });

      it('adds the spend of a lease that expired before its settle', async () => {
        const request = await admitted({
          limits: {concurrentStreams: 1},
          leaseTtlMs: 100,
          reserve: {tokens: 8, costNanoUsd: 8},
        });
        await admitted({limits: {concurrentStreams: 1}, nowMs: NOON_MS + 100});
        await store.settle(settlementOf(request, {tokens: 6, costNanoUsd: 6}));
        expect(await store.usageOf('alice', NOON_MS)).toEqual({
          spent: {tokens: 6, costNanoUsd: 6},
          reserved: {tokens: 0, costNanoUsd: 0},
        });
      });
    });

    describe('a refused request', () => {
      it('takes no slot, counts no request and reserves nothing', async () => {
        const limits: LlmProxyLimits = {concurrentStreams: 1, requestsPerMinute: 2, tokensPerDay: 10};
        const first = await admitted({limits, reserve: {tokens: 4, costNanoUsd: 0}});
        for (let i = 0; i < 3; i++) {
          const refusal = await store.admit(admission({limits, reserve: {tokens: 4, costNanoUsd: 0}}));
          expect(refusal).toEqual(jasmine.objectContaining({limit: 'concurrent-streams'}));
        }
        await store.settle(settlementOf(first, {tokens: 6, costNanoUsd: 0}));
        expect(await store.usageOf('alice', NOON_MS)).toEqual({
          spent: {tokens: 6, costNanoUsd: 0},
          reserved: {tokens: 0, costNanoUsd: 0},
        });
        await admitted({limits, reserve: {tokens: 4, costNanoUsd: 0}});
        const overBudget = await store.admit(admission({limits: {tokensPerDay: 10}}));
        expect(overBudget).toEqual(jasmine.objectContaining({limit: 'daily-tokens', used: 10}));
        await admitted({limits: {concurrentStreams: 2}});
      });
    });

    it('reports the first limit hit, in the order concurrent streams, requests, tokens, cost', async () => {
      const limits = {concurrentStreams: 1, requestsPerMinute: 1, tokensPerDay: 10, costPerDayUsd: 1e-8};
      const first = await admitted({limits, reserve: {tokens: 10, costNanoUsd: 10}});
      const limitHit = async (fields: Partial<LlmProxyAdmission>) => {
        const result = await store.admit(admission({limits, ...fields}));
        return result.admitted ? 'admitted' : result.limit;
      };
      expect(await limitHit({})).toBe('concurrent-streams');
      await store.settle(settlementOf(first, {tokens: 10, costNanoUsd: 10}));
      expect(await limitHit({})).toBe('requests-per-minute');
      expect(await limitHit({nowMs: NOON_MS + 60_000})).toBe('daily-tokens');
      expect(await limitHit({nowMs: NOON_MS + 60_000, limits: {...limits, tokensPerDay: undefined}})).toBe(
        'daily-cost',
      );
    });

    it("keeps each user's counters apart, whatever characters their ids contain", async () => {
      const limits: LlmProxyLimits = {requestsPerMinute: 1, concurrentStreams: 1, tokensPerDay: 5};
      const users = ['alice', 'alice}', '{alice}', 'alice:leases', 'alice}:leases', 'al ice', '%61lice', ''];
      for (const userId of users) await admitted({userId, limits, reserve: {tokens: 5, costNanoUsd: 0}});
      for (const userId of users) {
        expect(await store.usageOf(userId, NOON_MS)).toEqual({
          spent: {tokens: 0, costNanoUsd: 0},
          reserved: {tokens: 5, costNanoUsd: 0},
        });
      }
    });
  });
}
