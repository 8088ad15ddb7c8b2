/** Per-user limits the proxy enforces; each is off when absent. */
export interface LlmProxyLimits {
  /** Requests a user may start per minute (a fixed window per UTC minute). */
  readonly requestsPerMinute?: number;
  /** Streams a user may have open at once, across every instance sharing the store. */
  readonly concurrentStreams?: number;
  /** Tokens (input plus output) a user may spend per UTC day. */
  readonly tokensPerDay?: number;
  /** US dollars a user may spend per UTC day, priced with llm-rx's price table. */
  readonly costPerDayUsd?: number;
}

/** Tokens and nano-dollars (10⁻⁹ USD, integers so that every store adds them exactly). */
export interface LlmProxySpend {
  readonly tokens: number;
  readonly costNanoUsd: number;
}

/** One request asking to start, as the proxy asks the store. */
export interface LlmProxyAdmission {
  readonly userId: string;
  /** Unique per request: the concurrency slot and the reservation it takes are released by this id. */
  readonly leaseId: string;
  /** The proxy's clock, in epoch milliseconds. */
  readonly nowMs: number;
  /** The limits that apply to this user. */
  readonly limits: LlmProxyLimits;
  /**
   * The most this request can spend (its input's bound and its `max_tokens` priced), held against the daily
   * budgets until `settle()`, so that instances racing for the last of a budget cannot all pass.
   */
  readonly reserve: LlmProxySpend;
  /** How long the concurrency slot is held if `settle()` never comes (a crashed instance). */
  readonly leaseTtlMs: number;
}

/** A limit an admission hit: which, how far, and when to try again. */
export interface LlmProxyLimitHit {
  readonly limit: 'requests-per-minute' | 'concurrent-streams' | 'daily-tokens' | 'daily-cost';
  /** The configured limit, in its unit (requests, streams, tokens, nano-dollars for `daily-cost`). */
  readonly allowed: number;
  /** How much of it is used (spent and reserved, for the budgets), in the same unit. */
  readonly used: number;
  /** Milliseconds until the limit may allow the request. */
  readonly retryAfterMs: number;
}

/** The store's answer to an admission: admitted (the slot and reservation are taken), or the limit it hit. */
export type LlmProxyAdmissionResult = {readonly admitted: true} | ({readonly admitted: false} & LlmProxyLimitHit);

/** A finished request, as the proxy reports it to the store. */
export interface LlmProxySettlement {
  readonly userId: string;
  readonly leaseId: string;
  /** When the request was admitted (its day is the day charged), in epoch milliseconds. */
  readonly admittedAtMs: number;
  /** What `admit()` reserved, released now. */
  readonly reserved: LlmProxySpend;
  /** What the request spent, from the usage the upstream streamed back (or the proxy's estimate without one). */
  readonly spent: LlmProxySpend;
}

/** What a user has spent on one UTC day. */
export interface LlmProxyDayUsage {
  /** Spent by finished requests. */
  readonly spent: LlmProxySpend;
  /** Held by requests still streaming. */
  readonly reserved: LlmProxySpend;
}

/**
 * Where the proxy keeps its counters: requests per minute, open streams and daily spend, per user. One process
 * uses `createMemoryLlmProxyStore()`; a fleet shares `createRedisLlmProxyStore()`. Each method is atomic: two
 * instances admitting at once see each other's reservations, so together they cannot overspend a budget by more
 * than one request's reservation.
 */
export interface LlmProxyStore {
  /**
   * Checks every limit for the user and, when all pass, at once counts the request in its minute, takes a
   * concurrency slot (`leaseId`, held until `settle()` or `leaseTtlMs`) and reserves `reserve` against the day's
   * budgets. A budget admits while what is spent and reserved is below it.
   * @param admission The request.
   * @returns Admitted, or the first limit hit, with when to try again.
   */
  admit(admission: LlmProxyAdmission): Promise<LlmProxyAdmissionResult>;
  /**
   * Releases the request's slot and reservation, and adds what it spent to its day.
   * @param settlement The finished request.
   */
  settle(settlement: LlmProxySettlement): Promise<void>;
  /**
   * Reads a user's spend on the UTC day of a time, for dashboards and tests.
   * @param userId The user.
   * @param atMs A time on that day, in epoch milliseconds.
   * @returns What is spent and what is reserved.
   */
  usageOf(userId: string, atMs: number): Promise<LlmProxyDayUsage>;
}
