import type {LlmProviderOptions} from 'llm-rx';
import type {DemoProviderInfo} from '../common/provider-catalog';
import type {DemoSettings} from './demo-settings';

/** The request header that picks what the mock provider server plays (see `projects/mock-providers`). */
export const MOCK_SCENARIO_HEADER = 'x-mock-scenario';

/** The key sent to the mock provider server, which accepts any key. */
export const SIMULATED_API_KEY = 'simulated-key';

/** What, besides the settings, decides a provider's options. */
export interface DemoProviderContext {
  /** The mock scenario for this provider (`x-mock-scenario`), used only with simulated providers. */
  readonly scenario?: string;
  /**
   * A key the user typed in after opting in, sent from the browser straight to the provider's own API (the proxy
   * never forwards a caller's key); otherwise calls go through the proxy, which adds the server's key.
   */
  readonly apiKey?: string;
}

/**
 * The options of a provider's models under the demo's settings.
 *
 * Simulated: the mock provider server at the provider's path, a placeholder key and the scenario header.
 * Proxy: the demo proxy (`llm-rx/proxy`, which `npm start` runs) at `<proxyUrl>/<provider>`, with no key: llm-rx
 * sends its placeholder and the proxy puts the key from its environment in its place, so no key is in the page.
 * A typed-in key: the provider's own API, called from the browser with that key (the SDK's default base URL).
 * A local server (Ollama, LM Studio): its own base URL, from the browser, with no key (llm-rx sends its
 * placeholder); its CORS setting must let the demo's origin in (`info.local.corsNote`).
 * @param info The provider.
 * @param settings The demo's settings.
 * @param context The scenario and an opted-in key.
 * @returns The options of the provider's models, for a model spec given to `LlmStream` (see `DemoModels`).
 */
export function demoProviderOptions(
  info: DemoProviderInfo,
  settings: DemoSettings,
  context: DemoProviderContext = {},
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
  if (info.local) return {...timeouts, baseURL: info.local.baseURL, apiKeyAlias: 'local'};
  return context.apiKey
    ? {...timeouts, apiKey: context.apiKey, apiKeyAlias: 'typed-in'}
    : {...timeouts, baseURL: `${settings.proxyUrl}/${info.name}`, apiKeyAlias: `proxy:${info.keyVariable}`};
}
