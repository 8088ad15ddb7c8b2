import type {LlmPricedModel, LlmPriceTable} from 'llm-rx';
import type {LlmProxyLimits, LlmProxyStore} from './store/llm-proxy-store';

/** The providers an llm-rx proxy forwards: the five llm-rx adapters' APIs. */
export type LlmProxyProviderName = 'openai' | 'anthropic' | 'gemini' | 'deepseek' | 'cohere';

/** One provider the proxy serves. */
export interface LlmProxyProviderConfig {
  /** The provider's API key, e.g. `process.env.OPENAI_API_KEY`; never sent to a browser, logged or stored. */
  readonly apiKey: string;
  /**
   * The models a caller may use: exact ids, or prefixes ending in `*` (`'gpt-5*'`). Any other model is refused
   * with `model-not-allowed` before any upstream call.
   */
  readonly models: readonly string[];
  /** The upstream API; default the provider's own (e.g. `https://api.openai.com/v1`). */
  readonly baseURL?: string;
}

/**
 * An OpenAI-compatible service the proxy serves under a name of its own, at `${basePath}/${name}/chat/completions`
 * (the base URL the llm-rx/compatible providers are given is `${basePath}/${name}`). Spread an llm-rx/compatible
 * preset for its base URL and quirks:
 *
 * ```ts
 * compatible: {
 *   groq: {...GROQ_PRESET, apiKey: process.env['GROQ_API_KEY']!, models: ['llama-3.3-*'], prices: GROQ_PRICES},
 * }
 * ```
 */
export interface LlmProxyCompatibleConfig extends LlmProxyProviderConfig {
  /** Its OpenAI-compatible API, e.g. `https://api.groq.com/openai/v1` (the preset's `baseURL`). */
  readonly baseURL: string;
  /**
   * What the proxy must know of how it departs from OpenAI's Chat Completions (a preset's `quirks`): whether it
   * accepts `stream_options` (default `true`: the proxy asks for usage with it; `false`: never sent, as Mistral
   * refuses it).
   */
  readonly quirks?: {readonly streamOptions?: boolean};
  /**
   * Its priced models, for cost budgets and the log's `costUsd` (a preset's generated prices, e.g. `GROQ_PRICES`),
   * added to the proxy's `priceTable` under its name. Default none: with a cost budget, its calls are refused as
   * `price-unknown`.
   */
  readonly prices?: readonly LlmPricedModel[];
}

/** Who is calling, as the app's `authenticate` hook says. */
export interface LlmProxyUser {
  /** The id limits and budgets are counted under. */
  readonly userId: string;
  /** Limits for this user instead of the proxy's `limits` (e.g. a paid plan). */
  readonly limits?: LlmProxyLimits;
}

/** What the `authenticate` hook is told besides the request. */
export interface LlmProxyAuthContext {
  /** The provider called: one of `providers`, or a name of `compatible` (e.g. `groq`). */
  readonly provider: LlmProxyProviderName | (string & {});
  /**
   * The credential the SDK sent as its API key (`authorization: Bearer …`, `x-api-key`, `x-goog-api-key`): the
   * placeholder llm-rx sends without an `apiKey`, or an app token given to the adapter as its `apiKey`. It is
   * never forwarded upstream.
   */
  readonly credential: string | undefined;
}

/**
 * The app's check of a caller: verify the session cookie or token and return the user, or `undefined` (or
 * `null`) to refuse with 401 `unauthenticated`. It may be async; a thrown error refuses too (and is logged). It
 * reads the request's headers only: the proxy reads the body after it, with its size limit.
 */
export type LlmProxyAuthenticate = (
  request: Request,
  context: LlmProxyAuthContext,
) => LlmProxyUser | null | undefined | Promise<LlmProxyUser | null | undefined>;

/** One line of the proxy's log: what happened to a request, never a key, and no body unless `logBodies`. */
export interface LlmProxyLogEntry {
  readonly event: 'refused' | 'forwarded' | 'finished' | 'failed';
  readonly provider?: string;
  readonly model?: string;
  readonly userId?: string;
  /** The HTTP status the proxy answered (or the upstream's, for `forwarded`). */
  readonly status?: number;
  /** Why it was refused, for `refused`. */
  readonly reason?: string;
  readonly message?: string;
  /** Milliseconds from the request's arrival. */
  readonly durationMs?: number;
  /** Tokens and cost charged, for `finished`. */
  readonly tokens?: number;
  readonly costUsd?: number | null;
  /** Whether the usage came from the upstream's stream (`true`) or the proxy's estimate. */
  readonly metered?: boolean;
  /** The request and response bodies, redacted, only with `logBodies: true`. */
  readonly requestBody?: string;
  readonly responseBody?: string;
}

/** How `createLlmProxy()` is set up. Only `providers` and `authenticate` are required. */
export interface LlmProxyConfig {
  /** The providers served, each with its key and its allowed models. Any other provider is refused. */
  readonly providers: Readonly<Partial<Record<LlmProxyProviderName, LlmProxyProviderConfig>>>;
  /**
   * OpenAI-compatible services served by name (Groq, Mistral, OpenRouter, … from llm-rx/compatible's presets),
   * each with its key, models, base URL, quirks and prices. A name may not be one of the five providers'. Default
   * none.
   */
  readonly compatible?: Readonly<Record<string, LlmProxyCompatibleConfig>>;
  /**
   * Who may call: verify the app's own session and return the user. To allow anyone (a local demo), return a
   * fixed user: `authenticate: () => ({userId: 'local'})`.
   */
  readonly authenticate: LlmProxyAuthenticate;
  /**
   * The path the proxy is mounted at, e.g. `/api/llm`: it serves `${basePath}/${provider}/…`, and the client's
   * `baseURL` is `https://your.app/api/llm/openai`. Default `''`.
   */
  readonly basePath?: string;
  /**
   * The browser origins allowed to call cross-origin (CORS), e.g. `['https://app.example.com']`. A request with
   * another `Origin` is refused; same-origin calls and calls without an `Origin` (servers) are not affected.
   * Default none.
   */
  readonly allowedOrigins?: readonly string[];
  /** Per-user limits (requests per minute, open streams, tokens and cost per day); default none. */
  readonly limits?: LlmProxyLimits;
  /** Where limits and budgets are counted; default `createMemoryLlmProxyStore()` (one process). */
  readonly store?: LlmProxyStore;
  /** The largest request body accepted, in bytes; default 1 MiB. */
  readonly maxRequestBytes?: number;
  /**
   * The most output tokens one request may ask for; a request without `max_tokens` (or its provider's name for
   * it) is sent with this value, so that every request's cost has a bound. Default 8192.
   */
  readonly maxOutputTokens?: number;
  /**
   * The input tokens one image sent as bytes counts for in a call's reservation against the daily budgets (and in
   * the estimate of a call that reported no usage), instead of one per character of its base64. Providers count an
   * image by its pixels, far below its bytes; set this to the most your allowed models count for one image (see
   * each provider's vision guide) so that a tight budget admits image calls. Default: the base64's bytes, a bound
   * that needs no knowledge of the models. What is charged afterwards is the usage the provider reports.
   */
  readonly imageInputTokens?: number;
  /** Prices for the cost budget; default `LlmPriceTable.default`. */
  readonly priceTable?: LlmPriceTable;
  /** Where the proxy's log lines go; default one JSON line per request on `console.info`. */
  readonly log?: (entry: LlmProxyLogEntry) => void;
  /** Whether log lines carry the (redacted) request and response bodies; default false. */
  readonly logBodies?: boolean;
  /**
   * Request headers passed upstream besides those the APIs need (`content-type`, `accept`, `anthropic-version`,
   * `anthropic-beta`); default none. Cookies, the caller's credential and `openai-organization` are never passed.
   */
  readonly forwardHeaders?: readonly string[];
  /** The `fetch` used for upstream calls; default the global one. */
  readonly fetch?: typeof fetch;
  /** The clock, in epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
}
