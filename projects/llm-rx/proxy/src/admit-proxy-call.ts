import type {LlmPriceTable} from 'llm-rx';
import type {ProxyRefusal} from './proxy-refusal';
import {type CountedBodyImages, reservationTokens, spendOf} from './proxy-spend';
import {NANO_USD_PER_USD} from './store/store-units';
import type {LlmProxyLimitHit, LlmProxyLimits, LlmProxySpend, LlmProxyStore} from './store/llm-proxy-store';

/** A request the store admitted: its lease and what it reserved. */
export interface AdmittedProxyCall {
  readonly leaseId: string;
  readonly reserved: LlmProxySpend;
}

/** What an admission needs to know about the request. */
export interface ProxyCallAdmission {
  readonly userId: string;
  readonly provider: string;
  readonly model: string;
  readonly limits: LlmProxyLimits;
  readonly bodyBytes: number;
  readonly outputTokenCap: number;
  /** The body's images, when they count apart in the reservation (`imageInputTokens`). */
  readonly images?: CountedBodyImages;
  readonly table: LlmPriceTable;
  readonly nowMs: number;
  readonly leaseTtlMs: number;
}

/**
 * Asks the store to admit a request under the user's limits, reserving its worst case against the daily budgets.
 * @param store The limits store.
 * @param call The request.
 * @returns The lease and reservation, or the refusal: a limit hit (429 with when to retry), `price-unknown` for a
 *   cost budget on a model without a price, `store-unavailable` when the store failed.
 */
export async function admitProxyCall(
  store: LlmProxyStore,
  call: ProxyCallAdmission,
): Promise<AdmittedProxyCall | ProxyRefusal> {
  const {provider, model, limits, table} = call;
  if (limits.costPerDayUsd !== undefined && !table.priceOf(provider, model)) {
    return {
      reason: 'price-unknown',
      message: `no price is known for ${provider} ${model}, so the daily cost budget cannot be kept: add its price to the proxy's priceTable`,
    };
  }
  const {costUsd: _costUsd, ...reserved} = spendOf(
    provider,
    model,
    reservationTokens(call.bodyBytes, call.outputTokenCap, call.images),
    table,
    call.nowMs,
  );
  const leaseId = crypto.randomUUID();
  let result;
  try {
    result = await store.admit({
      userId: call.userId,
      leaseId,
      nowMs: call.nowMs,
      limits,
      reserve: reserved,
      leaseTtlMs: call.leaseTtlMs,
    });
  } catch {
    return {
      reason: 'store-unavailable',
      message: 'the proxy could not check your limits (its store failed): try again shortly',
      retryAfterMs: 1000,
    };
  }
  return result.admitted ? {leaseId, reserved} : limitRefusal(result);
}

/** The refusal of a limit hit, with a message that says which limit, how far, and when it resets. */
function limitRefusal(hit: LlmProxyLimitHit): ProxyRefusal {
  const wait = describeWait(hit.retryAfterMs);
  switch (hit.limit) {
    case 'requests-per-minute':
      return {
        reason: hit.limit,
        message: `rate limit reached: ${hit.used} of ${hit.allowed} requests this minute; try again in ${wait}`,
        retryAfterMs: hit.retryAfterMs,
        limit: hit.allowed,
        used: hit.used,
      };
    case 'concurrent-streams':
      return {
        reason: hit.limit,
        message: `too many answers at once: ${hit.used} of ${hit.allowed} streams open; wait for one to finish`,
        retryAfterMs: hit.retryAfterMs,
        limit: hit.allowed,
        used: hit.used,
      };
    case 'daily-tokens':
      return {
        reason: hit.limit,
        message: `daily token budget reached: ${hit.used} of ${hit.allowed} tokens used today (UTC); it resets in ${wait}`,
        retryAfterMs: hit.retryAfterMs,
        limit: hit.allowed,
        used: hit.used,
      };
    case 'daily-cost': {
      const allowed = hit.allowed / NANO_USD_PER_USD;
      const used = hit.used / NANO_USD_PER_USD;
      return {
        reason: hit.limit,
        message: `daily budget reached: ${usd(used, 4)} of ${usd(allowed, 2)} used today (UTC); it resets in ${wait}`,
        retryAfterMs: hit.retryAfterMs,
        limit: allowed,
        used,
      };
    }
  }
}

/** Dollars as people read them: `$0.50` (with the digits asked for), or two significant digits below that. */
function usd(amount: number, digits: number): string {
  return amount >= 10 ** -digits || amount === 0 ? `$${amount.toFixed(digits)}` : `$${amount.toPrecision(2)}`;
}

/** A wait as people say it: `40 s`, `12 min`, `3 h 5 min`. */
function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
