import type {LlmProxyLimits} from 'llm-rx/proxy';

/** How the bench's call reaches the mock server: straight, or through one of the two proxies. */
export type ProxyRoute = 'direct' | 'plain pass-through' | 'llm-rx/proxy';

/** The proxies the bench runs, each in its own child process: the hand-written baseline and llm-rx's. */
export type ProxyKind = 'plain' | 'llm-rx';

/** The route each proxy kind is. */
export const ROUTE_OF_KIND: Readonly<Record<ProxyKind, ProxyRoute>> = {
  plain: 'plain pass-through',
  'llm-rx': 'llm-rx/proxy',
};

/**
 * The per-user limits the llm-rx proxy of the bench runs with: every one on, so that each call takes the whole
 * policy path (a rate window, a stream lease, token and cost reservations settled at the end), none of them hit
 * by the bench's calls.
 */
export const PROXY_BENCH_LIMITS: LlmProxyLimits = {
  requestsPerMinute: 100_000,
  concurrentStreams: 8,
  tokensPerDay: 1_000_000_000,
  costPerDayUsd: 10_000,
};

/**
 * The key the bench's client sends (the browser's side): the llm-rx proxy takes it as the caller's credential and
 * replaces it with its own key; the plain one drops it. Not a word the mock answer holds, so that the llm-rx
 * proxy's redaction of the caller's credential changes nothing in it.
 */
export const PROXY_BENCH_CALLER_KEY = 'bench-caller-token-5c1e';
