// The store for a fleet: the limits' counters in a Redis every instance shares, each update one Lua script.
import {LlmConfigurationError} from 'llm-rx';
import type {
  LlmProxyAdmission,
  LlmProxyAdmissionResult,
  LlmProxyDayUsage,
  LlmProxyLimitHit,
  LlmProxySettlement,
  LlmProxyStore,
} from './llm-proxy-store';
import {ADMIT_SCRIPT, SETTLE_SCRIPT, USAGE_SCRIPT} from './redis-llm-proxy-scripts';
import {costLimitNanoUsd, LEASE_RETRY_CAP_MS, wholeSpend} from './store-units';
import {DAY_MS, MINUTE_MS, msToNextUtcMidnight, msToNextUtcMinute, utcDayKey, utcMinuteIndex} from './utc-clock';

/**
 * The one method the Redis store calls: `EVAL` of a Lua script, in node-redis's shape (the `redis` package, v4 to
 * v6: `createClient()`, or `createCluster()` for a Redis Cluster). The library does not import `redis`.
 * An ioredis client wraps in one line:
 * `{eval: (script, {keys, arguments: args}) => ioredis.eval(script, keys.length, ...keys, ...args)}`.
 */
export interface LlmProxyRedisClient {
  /**
   * Runs a Lua script on the server.
   * @param script The script.
   * @param options Its `KEYS` and `ARGV`.
   * @returns The script's reply.
   */
  eval(script: string, options: {keys: string[]; arguments: string[]}): Promise<unknown>;
}

/** How `createRedisLlmProxyStore()` is set up. */
export interface RedisLlmProxyStoreOptions {
  /** A connected client; the store never connects, closes or configures it. */
  readonly client: LlmProxyRedisClient;
  /** What every key starts with, to share a Redis with other apps (no `{` or `}`); default `llm-rx-proxy`. */
  readonly keyPrefix?: string;
}

/** How long a day's spend is kept after its last update: past its end, for requests settled after midnight. */
const DAY_TTL_MS = 2 * DAY_MS;

/**
 * A store whose counters live in Redis, so that every proxy instance sharing it counts against the same limits.
 * `admit()` and `settle()` are each one Lua script, atomic on the server: instances racing for a budget's last
 * tokens see each other's reservations. A user's keys share one hash tag (`{<prefix>:<encoded user id>}`), so a
 * Redis Cluster keeps them on one slot. Keys expire on their own (a minute's counter after two minutes, a day's
 * spend two days after its last update, the leases after the longest lease TTL).
 * @param options The client and the key prefix.
 * @returns The store.
 * @throws {LlmConfigurationError} When `client` has no `eval` method, or `keyPrefix` contains `{` or `}`.
 * @example
 * const redis = await createClient({url: process.env.REDIS_URL}).connect();
 * const store = createRedisLlmProxyStore({client: redis});
 */
export function createRedisLlmProxyStore(options: RedisLlmProxyStoreOptions): LlmProxyStore {
  const {client, keyPrefix = 'llm-rx-proxy'} = options;
  if (typeof client?.eval !== 'function') {
    throw new LlmConfigurationError('client must be a connected node-redis client (or an object with its eval).', {
      field: 'client',
    });
  }
  if (/[{}]/.test(keyPrefix)) {
    throw new LlmConfigurationError(`keyPrefix must not contain "{" or "}" (they mark Redis hash tags).`, {
      field: 'keyPrefix',
    });
  }
  const userTag = (userId: string) => `{${keyPrefix}:${encodeURIComponent(userId)}}`;
  const leasesKey = (userId: string) => `${userTag(userId)}:leases`;
  const dayKey = (userId: string, atMs: number) => `${userTag(userId)}:day:${utcDayKey(atMs)}`;

  return {
    async admit(admission: LlmProxyAdmission): Promise<LlmProxyAdmissionResult> {
      const {userId, nowMs, limits} = admission;
      const reserve = wholeSpend(admission.reserve);
      const costLimit = costLimitNanoUsd(limits.costPerDayUsd);
      const reply = await client.eval(ADMIT_SCRIPT, {
        keys: [leasesKey(userId), `${userTag(userId)}:minute:${utcMinuteIndex(nowMs)}`, dayKey(userId, nowMs)],
        arguments: [
          String(nowMs),
          admission.leaseId,
          String(nowMs + admission.leaseTtlMs),
          String(Math.max(1, Math.ceil(admission.leaseTtlMs))),
          optional(limits.concurrentStreams),
          optional(limits.requestsPerMinute),
          optional(limits.tokensPerDay),
          optional(costLimit),
          String(reserve.tokens),
          String(reserve.costNanoUsd),
          String(msToNextUtcMinute(nowMs) + MINUTE_MS),
          String(DAY_TTL_MS),
        ],
      });
      const [outcome, ...counts] = repliedStrings(reply);
      const number = (index: number) => Number(counts[index] ?? 0);
      const hit = (fields: LlmProxyLimitHit): LlmProxyAdmissionResult => ({admitted: false, ...fields});
      switch (outcome) {
        case 'admitted':
          return {admitted: true};
        case 'concurrent-streams': {
          const earliest = counts[1] ? Number(counts[1]) - nowMs : LEASE_RETRY_CAP_MS;
          const retryAfterMs = Math.min(earliest, LEASE_RETRY_CAP_MS);
          return hit({limit: outcome, allowed: limits.concurrentStreams ?? 0, used: number(0), retryAfterMs});
        }
        case 'requests-per-minute':
          return hit({
            limit: outcome,
            allowed: limits.requestsPerMinute ?? 0,
            used: number(0),
            retryAfterMs: msToNextUtcMinute(nowMs),
          });
        case 'daily-tokens':
        case 'daily-cost':
          return hit({
            limit: outcome,
            allowed: (outcome === 'daily-tokens' ? limits.tokensPerDay : costLimit) ?? 0,
            used: number(0) + number(1),
            retryAfterMs: msToNextUtcMidnight(nowMs),
          });
        default:
          throw new Error(`The Redis store's admit script replied ${JSON.stringify(outcome)}; is the server Redis?`);
      }
    },

    async settle(settlement: LlmProxySettlement): Promise<void> {
      const {userId} = settlement;
      const reserved = wholeSpend(settlement.reserved);
      const spent = wholeSpend(settlement.spent);
      await client.eval(SETTLE_SCRIPT, {
        keys: [leasesKey(userId), dayKey(userId, settlement.admittedAtMs)],
        arguments: [
          settlement.leaseId,
          String(reserved.tokens),
          String(reserved.costNanoUsd),
          String(spent.tokens),
          String(spent.costNanoUsd),
          String(DAY_TTL_MS),
        ],
      });
    },

    async usageOf(userId: string, atMs: number): Promise<LlmProxyDayUsage> {
      const reply = await client.eval(USAGE_SCRIPT, {keys: [dayKey(userId, atMs)], arguments: []});
      const [spentTokens, spentNanoUsd, reservedTokens, reservedNanoUsd] = repliedStrings(reply).map(Number);
      return {
        spent: {tokens: spentTokens || 0, costNanoUsd: spentNanoUsd || 0},
        reserved: {tokens: reservedTokens || 0, costNanoUsd: reservedNanoUsd || 0},
      };
    },
  };
}

/** A limit as a script argument: its number, or `''` when it is off. */
function optional(limit: number | undefined): string {
  return limit === undefined ? '' : String(limit);
}

/** A script's array reply as strings (`''` for a nil), whichever client decoded it. */
function repliedStrings(reply: unknown): string[] {
  const items = Array.isArray(reply) ? reply : [reply];
  return items.map(item => (item === null || item === undefined || item === false ? '' : String(item)));
}
