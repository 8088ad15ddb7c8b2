import type {LlmProviderOptions} from 'llm-rx';

/** DeepSeek's API base URL, the default `baseURL`. */
export const DEEPSEEK_BASE_URL = 'https://api.deepseek.com';

/**
 * Options of a DeepSeek model: key, base URL (default `https://api.deepseek.com`), headers, timeouts and prices.
 * Per-request provider options go in `request.providerOptions.deepseek`.
 */
export type DeepSeekOptions = LlmProviderOptions;
