import type {LlmProviderOptions} from 'llm-rx';
import type {DemoProviderInfo} from '../common/provider-catalog';
import type {DemoSettings} from './demo-settings';

/** The request header that picks what the mock provider server plays (see `projects/mock-providers`). */
export const MOCK_SCENARIO_HEADER = 'x-mock-scenario';

/** The key sent to the mock provider server, which accepts any key. */
export const SIMULATED_API_KEY = 'simulated-key';

/** What, besides the settings, decides a provider's options. */
export interface DemoProviderContext {
  /** The page's origin, e.g. `http://localhost:4200`, for the dev server's proxy. */
  readonly origin: string;
  /** The mock scenario for this provider (`x-mock-scenario`), used only with simulated providers. */
  readonly scenario?: string;
  /** A key the user typed in after opting in; otherwise the proxy adds the key on the server. */
  readonly apiKey?: string;
}

/**
 * The options of a provider's models under the demo's settings.
 *
 * Simulated: the mock provider server at the provider's path, a placeholder key and the scenario header.
 * Proxy: the dev server's `/api/<provider>` route, which adds the key from the server's environment, so no key
 * is in the page unless the user typed one in.
 * @param info The provider.
 * @param settings The demo's settings.
 * @param context The origin, the scenario and an opted-in key.
 * @returns The options of the provider's models, for a model spec given to `LlmStream` (see `DemoModels`).
 */
export function demoProviderOptions(
  info: DemoProviderInfo,
  settings: DemoSettings,
  context: DemoProviderContext,
): LlmProviderOptions {
  const timeouts = {firstChunkTimeoutMs: settings.firstChunkTimeoutMs, idleTimeoutMs: settings.idleTimeoutMs};
  if (settings.connection === 'simulated') {
    const scenario = context.scenario?.trim();
    return {
      ...timeouts,
      baseURL: settings.mockServerUrl + info.mockPath,
      apiKey: SIMULATED_API_KEY,
      apiKeyAlias: 'simulated',
      ...(scenario ? {headers: {[MOCK_SCENARIO_HEADER]: scenario}} : {}),
    };
  }
  // SDKs build URLs with `new URL()`, which needs an absolute base.
  const baseURL = `${context.origin}/api/${info.name}`;
  return context.apiKey
    ? {...timeouts, baseURL, apiKey: context.apiKey, apiKeyAlias: 'typed-in'}
    : {...timeouts, baseURL, apiKeyAlias: `proxy:${info.keyVariable}`};
}
