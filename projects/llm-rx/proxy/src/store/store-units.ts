// The units both stores count in, so that the memory and the Redis store agree to the token and the nano-dollar.
import type {LlmProxySpend} from './llm-proxy-store';

/** The longest `retryAfterMs` a `concurrent-streams` refusal gives: a stream may end at any moment. */
export const LEASE_RETRY_CAP_MS = 1000;

/** Nano-dollars in one US dollar. */
export const NANO_USD_PER_USD = 1e9;

/**
 * A daily cost limit in the unit the stores compare it in.
 * @param costPerDayUsd The limit in US dollars, or `undefined` for none.
 * @returns The limit in nano-dollars (rounded), or `undefined`.
 */
export function costLimitNanoUsd(costPerDayUsd: number | undefined): number | undefined {
  return costPerDayUsd === undefined ? undefined : Math.round(costPerDayUsd * NANO_USD_PER_USD);
}

/**
 * A spend as whole, non-negative numbers, as the stores add it (Redis adds integers only).
 * @param spend Tokens and nano-dollars.
 * @returns Each rounded to an integer, and at least 0.
 */
export function wholeSpend(spend: LlmProxySpend): LlmProxySpend {
  return {tokens: Math.max(0, Math.round(spend.tokens)), costNanoUsd: Math.max(0, Math.round(spend.costNanoUsd))};
}
