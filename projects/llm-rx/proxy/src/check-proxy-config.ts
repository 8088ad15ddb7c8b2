import {LlmConfigurationError} from 'llm-rx';
import type {LlmProxyConfig} from './llm-proxy-config';
import {PROXY_PROVIDER_NAMES} from './proxy-routes';
import type {LlmProxyLimits} from './store/llm-proxy-store';

const LIMIT_FIELDS: readonly (keyof LlmProxyLimits)[] = [
  'requestsPerMinute',
  'concurrentStreams',
  'tokensPerDay',
  'costPerDayUsd',
];

/**
 * Checks a proxy's configuration when it is created, so that a mistake shows at start-up rather than as a failed
 * call: each provider known, with a key and models; the hooks functions; numbers positive; origins exact.
 * @param config The configuration.
 * @throws {LlmConfigurationError} Naming the field at fault and what to do.
 */
export function checkProxyConfig(config: LlmProxyConfig): void {
  if (typeof config !== 'object' || config === null) fail('config', 'is missing: pass {providers, authenticate}.');
  if (typeof config.providers !== 'object' || config.providers === null) {
    fail(
      'providers',
      "is missing: give each provider served, e.g. {openai: {apiKey: process.env['OPENAI_API_KEY'], models: ['gpt-5-mini']}}.",
    );
  }
  // No provider is allowed: such a proxy refuses every call (`provider-not-allowed`), e.g. a demo started without keys.
  const names = Object.keys(config.providers);
  for (const name of names) {
    const field = `providers.${name}`;
    if (!(PROXY_PROVIDER_NAMES as readonly string[]).includes(name)) {
      fail(
        field,
        `is not a provider the proxy serves: use one of ${PROXY_PROVIDER_NAMES.join(', ')}, or serve an ` +
          `OpenAI-compatible service under compatible.${name}.`,
      );
    }
    checkServedProvider(field, config.providers[name as keyof typeof config.providers], 'https://api.openai.com/v1');
  }
  checkCompatibleServices(config.compatible);
  if (typeof config.authenticate !== 'function') {
    fail('authenticate', "must be a function that returns the caller's {userId}, or undefined to refuse.");
  }
  if (config.basePath !== undefined && !/^(\/[^/?#]+)*$/.test(config.basePath)) {
    fail('basePath', "must be '' or a path starting with '/' without a trailing '/', e.g. '/api/llm'.");
  }
  if (config.allowedOrigins !== undefined && !Array.isArray(config.allowedOrigins)) {
    fail('allowedOrigins', "must be a list of origins, e.g. ['https://app.example.com'].");
  }
  config.allowedOrigins?.forEach((origin, index) => {
    if (!isHttpUrl(origin) || new URL(origin).origin !== origin) {
      fail(`allowedOrigins[${index}]`, "must be an exact origin such as 'https://app.example.com' (no path, no '*').");
    }
  });
  for (const field of LIMIT_FIELDS) {
    const value = config.limits?.[field];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      fail(`limits.${field}`, 'must be a positive number, or left out for no limit.');
    }
  }
  for (const field of ['maxRequestBytes', 'maxOutputTokens', 'imageInputTokens'] as const) {
    const value = config[field];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) fail(field, 'must be a positive integer.');
  }
  const store = config.store;
  if (
    store !== undefined &&
    !['admit', 'settle', 'usageOf'].every(method => typeof Reflect.get(store, method) === 'function')
  ) {
    fail('store', 'must implement LlmProxyStore (admit, settle, usageOf), e.g. createRedisLlmProxyStore({client}).');
  }
}

/** Checks one served provider's key, models and base URL. */
function checkServedProvider(field: string, provider: unknown, exampleURL: string): void {
  if (typeof provider !== 'object' || provider === null) fail(field, 'must be {apiKey, models}.');
  const {apiKey, models, baseURL} = provider as Record<string, unknown>;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    fail(
      `${field}.apiKey`,
      "is empty: read it from the server's environment (e.g. process.env), or leave the provider out.",
    );
  }
  if (!Array.isArray(models) || models.length === 0) {
    fail(`${field}.models`, "must list the models callers may use, e.g. ['gpt-5-mini'] or ['gpt-5*'].");
  }
  models.forEach((model: unknown, index) => {
    if (typeof model !== 'string' || model === '' || model === '*') {
      fail(
        `${field}.models[${index}]`,
        "must be a model id or a prefix ending in '*' (a bare '*' would allow every model).",
      );
    }
  });
  if (baseURL !== undefined && !isHttpUrl(baseURL)) {
    fail(`${field}.baseURL`, `must be an absolute http(s) URL, e.g. ${exampleURL}.`);
  }
}

/** Checks the compatible services: names that are path segments and not the five's, each with its base URL. */
function checkCompatibleServices(compatible: LlmProxyConfig['compatible']): void {
  if (compatible === undefined) return;
  if (typeof compatible !== 'object' || compatible === null) {
    fail('compatible', "must map names to services, e.g. {groq: {...GROQ_PRESET, apiKey, models: ['llama-3.3-*']}}.");
  }
  for (const [name, service] of Object.entries(compatible)) {
    const field = `compatible.${name}`;
    if ((PROXY_PROVIDER_NAMES as readonly string[]).includes(name)) {
      fail(field, `uses the name of a provider the proxy serves itself: configure it under providers.${name}.`);
    }
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
      fail(field, 'must be named with lower-case letters, digits, dots, dashes or underscores (it is a path segment).');
    }
    checkServedProvider(field, service, 'https://api.groq.com/openai/v1');
    if (service.baseURL === undefined) {
      fail(`${field}.baseURL`, "is missing: give the service's OpenAI-compatible API, e.g. GROQ_PRESET.baseURL.");
    }
    if (service.prices !== undefined && !Array.isArray(service.prices)) {
      fail(`${field}.prices`, 'must be a list of priced models, e.g. GROQ_PRICES from llm-rx/compatible.');
    }
  }
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function fail(field: string, message: string): never {
  throw new LlmConfigurationError(`llm-rx/proxy: ${field} ${message}`, {field});
}
