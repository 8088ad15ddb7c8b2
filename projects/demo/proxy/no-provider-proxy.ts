import {LLM_PROXY_REFUSAL_TYPE, type LlmProxyRefusalBody} from 'llm-rx';
import type {LlmProxyConfig, LlmProxyHandler} from 'llm-rx/proxy';
import {DEMO_PROVIDERS} from '../src/app/common/provider-catalog';

/**
 * The demo proxy's handler when no key is set, where `createLlmProxy()` (which needs a provider to serve) cannot
 * run: `npm start` must still start (the simulated providers need no key), and a page that switches to the real
 * providers should read why nothing answers. Every call is refused as `createLlmProxy()` refuses a provider it does
 * not serve (403 `provider-not-allowed`, a body the llm-rx client raises as an `LlmProxyRefusalError`), naming the
 * provider's key variable; the page's allowed origins get the CORS headers (and preflights their 204) to read it.
 * @param config The demo proxy's configuration: its `basePath` and `allowedOrigins`.
 * @returns A fetch handler that refuses every call.
 */
export function noProviderProxy(config: Pick<LlmProxyConfig, 'basePath' | 'allowedOrigins'>): LlmProxyHandler {
  const allowedOrigins = new Set(config.allowedOrigins ?? []);
  return async request => {
    const origin = request.headers.get('origin');
    const headers = new Headers({'content-type': 'application/json'});
    if (origin !== null && allowedOrigins.has(origin)) {
      headers.set('access-control-allow-origin', origin);
      headers.set('vary', 'origin');
    }
    if (request.method === 'OPTIONS') {
      headers.set('access-control-allow-methods', 'POST, OPTIONS');
      const requested = request.headers.get('access-control-request-headers');
      if (requested) headers.set('access-control-allow-headers', requested);
      return new Response(null, {status: 204, headers});
    }
    const path = new URL(request.url).pathname.slice((config.basePath ?? '').length);
    const provider = DEMO_PROVIDERS.find(info => path.startsWith(`/${info.name}/`));
    const variable = provider ? provider.keyVariable : DEMO_PROVIDERS.map(info => info.keyVariable).join(', ');
    const body: LlmProxyRefusalBody = {
      error: {
        type: LLM_PROXY_REFUSAL_TYPE,
        code: 'provider-not-allowed',
        message: `the demo proxy has no key for ${provider?.name ?? 'any provider'}: set ${variable} where npm start runs`,
      },
    };
    return new Response(JSON.stringify(body), {status: 403, headers});
  };
}
