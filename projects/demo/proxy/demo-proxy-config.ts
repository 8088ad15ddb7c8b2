import {LlmConfigurationError} from 'llm-rx';
import type {
  LlmProxyCompatibleConfig,
  LlmProxyConfig,
  LlmProxyLimits,
  LlmProxyProviderConfig,
  LlmProxyProviderName,
} from 'llm-rx/proxy';
import {DEMO_PRESETS, DEMO_PROVIDERS, demoModels} from '../src/app/common/provider-catalog';
import {isHttpUrl} from '../src/app/settings/demo-settings';

/** The environment the demo proxy reads: `process.env`, or a plain object in specs. */
export type DemoProxyEnv = Readonly<Record<string, string | undefined>>;

/** The path the demo proxy serves the providers under: `/api/openai/…`, `/api/anthropic/…` and so on. */
export const DEMO_PROXY_BASE_PATH = '/api';

/** The origins of the demo's dev server (`ng serve demo`), allowed to call the proxy from the browser. */
export const DEMO_DEV_SERVER_ORIGINS: readonly string[] = ['http://localhost:4200', 'http://127.0.0.1:4200'];

/**
 * The key sent upstream for a provider without one when `LLM_RX_PROXY_UPSTREAM` points at the mock provider server,
 * which accepts any key: it is not a secret.
 */
export const DEMO_PROXY_MOCK_KEY = 'demo-proxy-mock-key';

/** The demo's limits per user unless the environment says otherwise: enough to try things, little to spend. */
export const DEMO_PROXY_LIMITS: LlmProxyLimits = {requestsPerMinute: 30, concurrentStreams: 4, costPerDayUsd: 1};

/** The variable that sets each limit (tokens per day: off unless set). */
const LIMIT_VARIABLES: Readonly<Record<keyof LlmProxyLimits, string>> = {
  requestsPerMinute: 'LLM_RX_PROXY_REQUESTS_PER_MINUTE',
  concurrentStreams: 'LLM_RX_PROXY_CONCURRENT_STREAMS',
  tokensPerDay: 'LLM_RX_PROXY_TOKENS_PER_DAY',
  costPerDayUsd: 'LLM_RX_PROXY_COST_PER_DAY_USD',
};

/**
 * The demo proxy's configuration, from the environment `npm start` runs in:
 *
 * - a provider is served only when its key variable is set (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`,
 *   `GEMINI_API_KEY`, `DEEPSEEK_API_KEY`, `CO_API_KEY`), with the models the demo's pickers offer; so is each
 *   hosted llm-rx/compatible preset, under its name, from its preset's variable (`GROQ_API_KEY`, `MISTRAL_API_KEY`,
 *   …), with its quirks and dataset prices (the local servers are called from the page, not through the proxy);
 * - `LLM_RX_PROXY_UPSTREAM=<url>` sends every provider to the mock provider server at that URL (under each
 *   provider's mock path) instead of its real API, and serves the providers without a key with a dummy one;
 * - browsers may call from the dev server's origins and those in `LLM_RX_DEMO_ORIGINS` (comma-separated);
 * - limits per user: `DEMO_PROXY_LIMITS`, each overridden by its variable (`LLM_RX_PROXY_REQUESTS_PER_MINUTE`,
 *   `LLM_RX_PROXY_CONCURRENT_STREAMS`, `LLM_RX_PROXY_TOKENS_PER_DAY`, `LLM_RX_PROXY_COST_PER_DAY_USD`).
 * @param env The environment, e.g. `process.env`.
 * @returns The configuration for `createLlmProxy()`.
 * @throws LlmConfigurationError when `LLM_RX_PROXY_UPSTREAM`, an origin or a limit is not valid (its `field` is the
 *   variable).
 */
export function demoProxyConfig(env: DemoProxyEnv): LlmProxyConfig {
  return {
    providers: demoProxyProviders(env),
    compatible: demoProxyCompatible(env),
    basePath: DEMO_PROXY_BASE_PATH,
    allowedOrigins: [...DEMO_DEV_SERVER_ORIGINS, ...listOf(env, 'LLM_RX_DEMO_ORIGINS').map(originOf)],
    // A local demo has no sign-in: every caller is the same user, whom the limits below apply to. A real app
    // verifies its own session or token here and returns that user's id (or `undefined` to refuse the call).
    authenticate: () => ({userId: 'demo'}),
    limits: demoProxyLimits(env),
  };
}

function demoProxyProviders(env: DemoProxyEnv): LlmProxyConfig['providers'] {
  const upstream = upstreamOf(env);
  const served = DEMO_PROVIDERS.flatMap(info => {
    const apiKey = env[info.keyVariable]?.trim() || (upstream === undefined ? undefined : DEMO_PROXY_MOCK_KEY);
    if (apiKey === undefined) return [];
    const config: LlmProxyProviderConfig = {
      apiKey,
      models: demoModels(info.name),
      ...(upstream === undefined ? {} : {baseURL: upstream + info.mockPath}),
    };
    return [[info.name, config] as const];
  });
  return Object.fromEntries(served) as Partial<Record<LlmProxyProviderName, LlmProxyProviderConfig>>;
}

function demoProxyCompatible(env: DemoProxyEnv): Record<string, LlmProxyCompatibleConfig> {
  const upstream = upstreamOf(env);
  const served = DEMO_PRESETS.flatMap(info => {
    if (info.compatible === undefined || info.local) return [];
    const apiKey = env[info.keyVariable]?.trim() || (upstream === undefined ? undefined : DEMO_PROXY_MOCK_KEY);
    if (apiKey === undefined) return [];
    const {preset, prices} = info.compatible;
    const config: LlmProxyCompatibleConfig = {
      ...preset,
      apiKey,
      models: demoModels(info.name),
      prices,
      ...(upstream === undefined ? {} : {baseURL: upstream + info.mockPath}),
    };
    return [[info.name, config] as const];
  });
  return Object.fromEntries(served);
}

function demoProxyLimits(env: DemoProxyEnv): LlmProxyLimits {
  const limits: Record<string, number> = {...DEMO_PROXY_LIMITS};
  for (const [name, variable] of Object.entries(LIMIT_VARIABLES)) {
    const text = env[variable]?.trim();
    if (!text) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) {
      throw new LlmConfigurationError(
        `demo proxy: ${variable} must be a positive number (the proxy has no zero limit), not "${text}".`,
        {
          field: variable,
        },
      );
    }
    limits[name] = value;
  }
  return limits;
}

function upstreamOf(env: DemoProxyEnv): string | undefined {
  const text = env['LLM_RX_PROXY_UPSTREAM']?.trim();
  if (!text) return undefined;
  if (!isHttpUrl(text)) {
    throw new LlmConfigurationError(
      `demo proxy: LLM_RX_PROXY_UPSTREAM must be the mock provider server's http(s) URL, e.g. http://127.0.0.1:4010, not "${text}".`,
      {field: 'LLM_RX_PROXY_UPSTREAM'},
    );
  }
  return text.replace(/\/+$/, '');
}

function listOf(env: DemoProxyEnv, variable: string): string[] {
  return (env[variable] ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(item => item !== '');
}

/** An origin as browsers send it (`http://host:port`, no path), or an error naming the variable. */
function originOf(text: string): string {
  if (!isHttpUrl(text)) {
    throw new LlmConfigurationError(
      `demo proxy: LLM_RX_DEMO_ORIGINS must list http(s) origins such as http://localhost:4300, not "${text}".`,
      {field: 'LLM_RX_DEMO_ORIGINS'},
    );
  }
  return new URL(text).origin;
}
