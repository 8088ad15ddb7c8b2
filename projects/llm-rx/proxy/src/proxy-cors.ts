/** How long a browser may cache a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/** What the proxy decides about a request's origin. */
export interface ProxyOriginCheck {
  /** Whether the request may go on: no `Origin`, the proxy's own origin, or an allowed one. */
  readonly isAllowed: boolean;
  /** The `Origin` header, when the request has one. */
  readonly origin: string | undefined;
  /** The CORS headers to add to the answer (none for a same-origin or server call, or a refused origin). */
  readonly headers: Headers;
}

/**
 * Checks a request's `Origin` against the allowed ones. A call without `Origin` (a server, curl) and a same-origin
 * call pass without CORS headers; a cross-origin call passes only from an allowed origin, and gets the headers
 * that let its page read the answer (`access-control-allow-origin`, `vary: origin`, exposed `retry-after`).
 * @param request The request.
 * @param allowedOrigins The allowed origins, e.g. `https://app.example.com` (exact, no trailing slash).
 * @returns Whether it may go on, and the headers for its answer.
 */
export function checkProxyOrigin(request: Request, allowedOrigins: ReadonlySet<string>): ProxyOriginCheck {
  const origin = request.headers.get('origin') ?? undefined;
  const headers = new Headers();
  if (origin === undefined || origin === new URL(request.url).origin) return {isAllowed: true, origin, headers};
  if (!allowedOrigins.has(origin)) return {isAllowed: false, origin, headers};
  headers.set('access-control-allow-origin', origin);
  headers.set('vary', 'origin');
  headers.set('access-control-expose-headers', 'retry-after, x-request-id, request-id');
  return {isAllowed: true, origin, headers};
}

/**
 * Answers a CORS preflight (`OPTIONS` with `access-control-request-method`) from an allowed origin: POST, and the
 * headers the page asked to send (the SDKs send their own, such as `anthropic-version` and `x-stainless-*`).
 * @param request The preflight.
 * @param check Its origin check (allowed).
 * @returns A 204 with the CORS headers.
 */
export function preflightResponse(request: Request, check: ProxyOriginCheck): Response {
  const headers = new Headers(check.headers);
  headers.set('access-control-allow-methods', 'POST, OPTIONS');
  const requested = request.headers.get('access-control-request-headers');
  if (requested) headers.set('access-control-allow-headers', requested);
  headers.set('access-control-max-age', String(PREFLIGHT_MAX_AGE_S));
  return new Response(null, {status: 204, headers});
}

/**
 * Whether a request is a CORS preflight.
 * @param request The request.
 * @returns Whether it is an `OPTIONS` with `access-control-request-method`.
 */
export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}
