import {LLM_PROXY_REFUSAL_TYPE, type LlmProxyRefusalBody, type LlmProxyRefusalReason, redactSecrets} from 'llm-rx';

/** The HTTP status each refusal is answered with. */
const STATUS_OF: Readonly<Record<LlmProxyRefusalReason, number>> = {
  'route-not-found': 404,
  'method-not-allowed': 405,
  'origin-not-allowed': 403,
  unauthenticated: 401,
  'provider-not-allowed': 403,
  'model-not-allowed': 403,
  'invalid-request': 400,
  'request-too-large': 413,
  'max-tokens-too-large': 400,
  'price-unknown': 403,
  'requests-per-minute': 429,
  'concurrent-streams': 429,
  'daily-tokens': 429,
  'daily-cost': 429,
  'store-unavailable': 503,
  'upstream-unreachable': 502,
};

/** A refusal before (or instead of) the upstream call: why, what to do, and for limits when to try again. */
export interface ProxyRefusal {
  readonly reason: LlmProxyRefusalReason;
  /** What was refused and what to do; it goes to the caller, so it never names a key. */
  readonly message: string;
  readonly retryAfterMs?: number;
  readonly limit?: number;
  readonly used?: number;
}

/**
 * The HTTP status a refusal is answered with.
 * @param reason Why the proxy refused.
 * @returns 400, 401, 403, 404, 405, 413, 429, 502 or 503.
 */
export function refusalStatus(reason: LlmProxyRefusalReason): number {
  return STATUS_OF[reason];
}

/**
 * Answers a refusal with its status, a `retry-after` for limits, and the JSON body the llm-rx client maps to an
 * `LlmProxyRefusalError` (in the `{error: {type, message}}` shape every provider SDK reads).
 * @param refusal Why, and what to do.
 * @param headers Headers to add (CORS).
 * @param secrets Values cut out of the message, in case one quotes a key.
 * @returns The response.
 */
export function refusalResponse(refusal: ProxyRefusal, headers: Headers, secrets: readonly string[]): Response {
  const body: LlmProxyRefusalBody = {
    error: {
      type: LLM_PROXY_REFUSAL_TYPE,
      code: refusal.reason,
      message: redactSecrets(refusal.message, secrets),
      ...(refusal.retryAfterMs === undefined ? {} : {retry_after_ms: Math.max(0, Math.ceil(refusal.retryAfterMs))}),
      ...(refusal.limit === undefined ? {} : {limit: refusal.limit}),
      ...(refusal.used === undefined ? {} : {used: refusal.used}),
    },
  };
  const responseHeaders = new Headers(headers);
  responseHeaders.set('content-type', 'application/json');
  responseHeaders.set('cache-control', 'no-store');
  if (refusal.retryAfterMs !== undefined) {
    responseHeaders.set('retry-after', String(Math.max(1, Math.ceil(refusal.retryAfterMs / 1000))));
  }
  return new Response(JSON.stringify(body), {status: refusalStatus(refusal.reason), headers: responseHeaders});
}
