/**
 * Why an llm-rx proxy (`llm-rx/proxy`) refused a call before, or instead of, forwarding it:
 *
 * - `route-not-found`: no provider route at this path (404); `method-not-allowed`: not a POST (405).
 * - `origin-not-allowed`: the browser's `Origin` is not in the proxy's `allowedOrigins` (403).
 * - `unauthenticated`: the proxy's `authenticate` hook refused the caller (401).
 * - `provider-not-allowed`, `model-not-allowed`: the proxy does not serve this provider or model (403).
 * - `invalid-request`: the body is not the JSON the provider's API takes, or names no model (400).
 * - `request-too-large`: the body is over `maxRequestBytes` (413).
 * - `max-tokens-too-large`: the request asks for more output tokens than `maxOutputTokens` (400).
 * - `price-unknown`: a cost budget applies but the proxy knows no price for the model (403).
 * - `requests-per-minute`, `concurrent-streams`: a per-user rate limit (429, with `retry-after`).
 * - `daily-tokens`, `daily-cost`: the user's daily budget is spent (429, `retry-after` until midnight UTC).
 * - `store-unavailable`: the proxy could not reach its limits store (503).
 * - `upstream-unreachable`: the proxy could not reach the provider (502).
 */
export type LlmProxyRefusalReason =
  | 'route-not-found'
  | 'method-not-allowed'
  | 'origin-not-allowed'
  | 'unauthenticated'
  | 'provider-not-allowed'
  | 'model-not-allowed'
  | 'invalid-request'
  | 'request-too-large'
  | 'max-tokens-too-large'
  | 'price-unknown'
  | 'requests-per-minute'
  | 'concurrent-streams'
  | 'daily-tokens'
  | 'daily-cost'
  | 'store-unavailable'
  | 'upstream-unreachable';

/** The `error.type` of every refusal body an llm-rx proxy sends, which the client recognises. */
export const LLM_PROXY_REFUSAL_TYPE = 'llm_rx_proxy_refusal';

/**
 * The JSON body of a proxy refusal. It has the `{error: {type, message}}` shape all five SDKs read their error
 * bodies in, so each SDK raises its usual HTTP error, and llm-rx then maps it to an `LlmProxyRefusalError`.
 */
export interface LlmProxyRefusalBody {
  readonly error: {
    readonly type: typeof LLM_PROXY_REFUSAL_TYPE;
    readonly code: LlmProxyRefusalReason;
    /** What was refused and what to do, e.g. `daily cost budget reached: $1.02 of $1.00 spent today (UTC)`. */
    readonly message: string;
    /** Milliseconds until the call may succeed, for rate limits and budgets (also sent as `retry-after`). */
    readonly retry_after_ms?: number;
    /** The limit that was reached, in its unit (requests, streams, tokens or US dollars). */
    readonly limit?: number;
    /** How much of the limit is used, in the same unit. */
    readonly used?: number;
  };
}

const REASONS: ReadonlySet<string> = new Set<LlmProxyRefusalReason>([
  'route-not-found',
  'method-not-allowed',
  'origin-not-allowed',
  'unauthenticated',
  'provider-not-allowed',
  'model-not-allowed',
  'invalid-request',
  'request-too-large',
  'max-tokens-too-large',
  'price-unknown',
  'requests-per-minute',
  'concurrent-streams',
  'daily-tokens',
  'daily-cost',
  'store-unavailable',
  'upstream-unreachable',
]);

/**
 * Reads a proxy refusal from an error body as an SDK gives it: the whole body (Anthropic, Gemini, Cohere) or its
 * `error` member (OpenAI, DeepSeek).
 * @param body The parsed error body.
 * @returns The refusal's fields, or `undefined` when the body is not a proxy refusal.
 */
export function proxyRefusalOf(body: unknown): LlmProxyRefusalBody['error'] | undefined {
  const inner = isRecord(body) && isRecord(body['error']) ? body['error'] : body;
  if (!isRecord(inner) || inner['type'] !== LLM_PROXY_REFUSAL_TYPE) return undefined;
  const code = inner['code'];
  if (typeof code !== 'string' || !REASONS.has(code)) return undefined;
  return {
    type: LLM_PROXY_REFUSAL_TYPE,
    code: code as LlmProxyRefusalReason,
    message: typeof inner['message'] === 'string' ? inner['message'] : '',
    ...numberField(inner, 'retry_after_ms'),
    ...numberField(inner, 'limit'),
    ...numberField(inner, 'used'),
  };
}

function numberField(record: Record<string, unknown>, key: 'retry_after_ms' | 'limit' | 'used'): object {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? {[key]: value} : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
