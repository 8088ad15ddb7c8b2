// The store for one process: the limits' counters in maps, pruned as time passes.
import type {
  LlmProxyAdmission,
  LlmProxyAdmissionResult,
  LlmProxyDayUsage,
  LlmProxySettlement,
  LlmProxyStore,
} from './llm-proxy-store';
import {costLimitNanoUsd, LEASE_RETRY_CAP_MS, wholeSpend} from './store-units';
import {msToNextUtcMidnight, msToNextUtcMinute, utcDayIndex, utcMinuteIndex} from './utc-clock';

/** A user's spend on one day, in tokens and nano-dollars. */
interface DayTotals {
  spentTokens: number;
  spentNanoUsd: number;
  reservedTokens: number;
  reservedNanoUsd: number;
}

/** One user's counters. */
interface UserCounters {
  /** Open streams: lease id → when the lease expires (epoch ms). */
  readonly leases: Map<string, number>;
  /** Requests per UTC minute index. */
  readonly minutes: Map<number, number>;
  /** Spend per UTC day index. */
  readonly days: Map<number, DayTotals>;
}

/** Days kept besides today: yesterday, for requests admitted before midnight that settle after it. */
const DAYS_KEPT_BEFORE_TODAY = 1;

/**
 * A store that keeps every counter in this process's memory, for a proxy running as one instance (a fleet shares
 * `createRedisLlmProxyStore()`). Each call makes a fresh, independent store. Expired leases, past minutes and days
 * older than yesterday are pruned as requests come, so memory stays bounded by the users active in the last day.
 * @returns The store.
 * @example
 * const proxy = createLlmProxy({providers, authenticate, limits: {requestsPerMinute: 20}, store: createMemoryLlmProxyStore()});
 */
export function createMemoryLlmProxyStore(): LlmProxyStore {
  const users = new Map<string, UserCounters>();
  let sweptMinute = Number.NEGATIVE_INFINITY;

  const countersOf = (userId: string): UserCounters => {
    let counters = users.get(userId);
    if (!counters) users.set(userId, (counters = {leases: new Map(), minutes: new Map(), days: new Map()}));
    return counters;
  };
  const dayOf = (counters: UserCounters, day: number): DayTotals => {
    let totals = counters.days.get(day);
    if (!totals) {
      counters.days.set(day, (totals = {spentTokens: 0, spentNanoUsd: 0, reservedTokens: 0, reservedNanoUsd: 0}));
    }
    return totals;
  };
  /** Prunes every user once per minute, so that users who never come back are dropped too. */
  const sweep = (nowMs: number): void => {
    const minute = utcMinuteIndex(nowMs);
    if (minute === sweptMinute) return;
    sweptMinute = minute;
    for (const [userId, counters] of users) {
      prune(counters, nowMs);
      if (!counters.leases.size && !counters.minutes.size && !counters.days.size) users.delete(userId);
    }
  };

  return {
    admit(admission: LlmProxyAdmission): Promise<LlmProxyAdmissionResult> {
      const {nowMs, limits} = admission;
      sweep(nowMs);
      const counters = countersOf(admission.userId);
      prune(counters, nowMs);
      const minute = utcMinuteIndex(nowMs);
      const requests = counters.minutes.get(minute) ?? 0;
      const day = dayOf(counters, utcDayIndex(nowMs));
      const usedTokens = day.spentTokens + day.reservedTokens;
      const usedNanoUsd = day.spentNanoUsd + day.reservedNanoUsd;
      const costLimit = costLimitNanoUsd(limits.costPerDayUsd);

      if (limits.concurrentStreams !== undefined && counters.leases.size >= limits.concurrentStreams) {
        const earliest = Math.min(...counters.leases.values());
        const retryAfterMs = Math.min(earliest - nowMs, LEASE_RETRY_CAP_MS);
        return refused('concurrent-streams', limits.concurrentStreams, counters.leases.size, retryAfterMs);
      }
      if (limits.requestsPerMinute !== undefined && requests >= limits.requestsPerMinute) {
        return refused('requests-per-minute', limits.requestsPerMinute, requests, msToNextUtcMinute(nowMs));
      }
      if (limits.tokensPerDay !== undefined && usedTokens >= limits.tokensPerDay) {
        return refused('daily-tokens', limits.tokensPerDay, usedTokens, msToNextUtcMidnight(nowMs));
      }
      if (costLimit !== undefined && usedNanoUsd >= costLimit) {
        return refused('daily-cost', costLimit, usedNanoUsd, msToNextUtcMidnight(nowMs));
      }

      const reserve = wholeSpend(admission.reserve);
      counters.leases.set(admission.leaseId, nowMs + admission.leaseTtlMs);
      counters.minutes.set(minute, requests + 1);
      day.reservedTokens += reserve.tokens;
      day.reservedNanoUsd += reserve.costNanoUsd;
      return Promise.resolve({admitted: true});
    },

    settle(settlement: LlmProxySettlement): Promise<void> {
      const counters = countersOf(settlement.userId);
      counters.leases.delete(settlement.leaseId);
      const day = dayOf(counters, utcDayIndex(settlement.admittedAtMs));
      const reserved = wholeSpend(settlement.reserved);
      const spent = wholeSpend(settlement.spent);
      day.reservedTokens = Math.max(0, day.reservedTokens - reserved.tokens);
      day.reservedNanoUsd = Math.max(0, day.reservedNanoUsd - reserved.costNanoUsd);
      day.spentTokens += spent.tokens;
      day.spentNanoUsd += spent.costNanoUsd;
      return Promise.resolve();
    },

    usageOf(userId: string, atMs: number): Promise<LlmProxyDayUsage> {
      const day = users.get(userId)?.days.get(utcDayIndex(atMs));
      return Promise.resolve({
        spent: {tokens: day?.spentTokens ?? 0, costNanoUsd: day?.spentNanoUsd ?? 0},
        reserved: {tokens: day?.reservedTokens ?? 0, costNanoUsd: day?.reservedNanoUsd ?? 0},
      });
    },
  };
}

/** Drops a user's expired leases, past minutes and days older than yesterday. */
function prune(counters: UserCounters, nowMs: number): void {
  const minute = utcMinuteIndex(nowMs);
  const oldestDay = utcDayIndex(nowMs) - DAYS_KEPT_BEFORE_TODAY;
  for (const [leaseId, expiresAtMs] of counters.leases) if (expiresAtMs <= nowMs) counters.leases.delete(leaseId);
  for (const index of counters.minutes.keys()) if (index < minute) counters.minutes.delete(index);
  for (const index of counters.days.keys()) if (index < oldestDay) counters.days.delete(index);
}

function refused(
  limit: 'requests-per-minute' | 'concurrent-streams' | 'daily-tokens' | 'daily-cost',
  allowed: number,
  used: number,
  retryAfterMs: number,
): Promise<LlmProxyAdmissionResult> {
  return Promise.resolve({admitted: false, limit, allowed, used, retryAfterMs});
}
