import type {LlmPriceTable} from '../pricing/llm-price-table';

/** Options every provider adapter takes. Provider entry points extend it with their own. */
export interface LlmProviderOptions {
  /**
   * The API key. In a browser, prefer a proxy that adds the key on the server (`baseURL` + no key), so the key
   * never reaches the page. llm-rx never stores, logs or shows the key itself.
   */
  readonly apiKey?: string;
  /** A label for the key, shown in logs instead of the key. */
  readonly apiKeyAlias?: string;
  /** The API's base URL, e.g. a proxy or the mock provider server. */
  readonly baseURL?: string;
  /** Extra HTTP headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds to wait for the first content chunk; `null` waits forever. Default 120000. */
  readonly firstChunkTimeoutMs?: number | null;
  /** Milliseconds to wait between two chunks; `null` waits forever. Default 60000. */
  readonly idleTimeoutMs?: number | null;
  /** The prices to compute cost with; defaults to `LlmPriceTable.default`. */
  readonly priceTable?: LlmPriceTable;
}

/**
 * The API key an adapter built with `defineLlmProvider()` sends when no `apiKey` is given: SDKs refuse to run
 * without one (or read it from an environment variable, which a browser lacks), and a proxy at `baseURL` replaces
 * it with the real key on the server.
 */
export const PLACEHOLDER_API_KEY = 'llm-rx-key-added-by-proxy';
