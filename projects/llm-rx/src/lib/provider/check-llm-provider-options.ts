import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {LlmPriceTable} from '../pricing/llm-price-table';
import {headersProblem, isPlainObject} from '../validation/check-http-headers';
import {hasBlankOrControl} from '../validation/control-characters';
import type {LlmProviderOptions} from './llm-provider-options';

/**
 * Checks the options every provider takes, when a model is created, so that a mistake fails at once with its
 * field named instead of being sent (a key with a stray line break, a header `fetch` refuses) or ending as a
 * misleading "connection failed" or timeout later.
 *
 * - `apiKey`: a non-empty string with no spaces or control characters; the message never quotes it.
 * - `apiKeyAlias`: a string.
 * - `baseURL`: an absolute `http:` or `https:` URL, or, in a browser, a path starting with `/` (a proxy on the
 *   page's own origin).
 * - `headers`: header names to string values without line breaks.
 * - `firstChunkTimeoutMs`, `idleTimeoutMs`: a number of milliseconds greater than 0, `Infinity` or `null`.
 * - `priceTable`: an `LlmPriceTable`.
 * @param options The options given to a provider's create function.
 * @param provider The provider's name, for the messages.
 * @throws LlmConfigurationError whose `field` names the option at fault.
 */
export function checkLlmProviderOptions(options: unknown, provider: string): asserts options is LlmProviderOptions {
  const fail = (field: string, problem: string): never => {
    throw new LlmConfigurationError(`llm-rx: the ${provider} option ${field} ${problem}.`, {field});
  };
  if (options === undefined) return;
  if (!isPlainObject(options)) {
    throw new LlmConfigurationError(
      `llm-rx: the ${provider} options must be an object, e.g. {baseURL: '/api/${provider}'}.`,
      {field: 'options'},
    );
  }
  const {apiKey, apiKeyAlias, baseURL, headers, firstChunkTimeoutMs, idleTimeoutMs, priceTable} =
    options as LlmProviderOptions;
  if (apiKey !== undefined) {
    if (typeof apiKey !== 'string' || apiKey.trim() === '') {
      fail('apiKey', 'must be a non-empty string; leave it out to send none (behind a proxy that adds it)');
    }
    // A key read from a file often keeps its line break; sent, it breaks the header or is quoted in errors.
    if (typeof apiKey === 'string' && hasBlankOrControl(apiKey)) {
      fail('apiKey', 'must not contain spaces, line breaks or control characters: trim the key you read');
    }
  }
  if (apiKeyAlias !== undefined && typeof apiKeyAlias !== 'string') fail('apiKeyAlias', 'must be a string');
  if (baseURL !== undefined) {
    const problem = baseUrlProblem(baseURL);
    if (problem !== undefined) fail('baseURL', problem);
  }
  if (headers !== undefined) {
    const problem = headersProblem(headers, 'headers');
    if (problem !== undefined) {
      throw new LlmConfigurationError(`llm-rx: the ${provider} option ${problem}.`, {field: 'headers'});
    }
  }
  for (const [field, value] of [
    ['firstChunkTimeoutMs', firstChunkTimeoutMs],
    ['idleTimeoutMs', idleTimeoutMs],
  ] as const) {
    if (value !== undefined && value !== null && !(typeof value === 'number' && value > 0)) {
      fail(field, 'must be a number of milliseconds greater than 0, or null (or Infinity) to wait forever');
    }
  }
  if (priceTable !== undefined && !(priceTable instanceof LlmPriceTable)) {
    fail('priceTable', 'must be an LlmPriceTable, e.g. LlmPriceTable.default.withPrices(…)');
  }
}

function baseUrlProblem(baseURL: unknown): string | undefined {
  const expected = "must be an http(s) URL, e.g. 'https://api.example.com/v1'";
  if (typeof baseURL !== 'string' || baseURL.trim() === '') return expected;
  const page = typeof location === 'undefined' ? undefined : location.href;
  if (baseURL.startsWith('/') && !baseURL.startsWith('//')) {
    return page === undefined ? `${expected}: a path like '${baseURL}' works only in a browser` : undefined;
  }
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return `${expected}, or in a browser a path starting with '/'`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `${expected}, not ${url.protocol}`;
}

/**
 * The base URL an SDK is given: a path (`/api/openai`, a proxy on the page's own origin) made absolute against the
 * page, as the SDKs build their request URLs with `new URL()`, which refuses a path alone.
 * @param baseURL A checked `baseURL` option.
 * @returns The absolute URL, or `undefined` when none was given.
 */
export function absoluteBaseUrl(baseURL: string | undefined): string | undefined {
  if (baseURL === undefined || !baseURL.startsWith('/') || typeof location === 'undefined') return baseURL;
  return new URL(baseURL, location.href).href;
}
