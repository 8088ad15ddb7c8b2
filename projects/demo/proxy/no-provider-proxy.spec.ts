import {LlmProxyRefusalError, providerHttpError} from 'llm-rx';
import {demoProxyConfig} from './demo-proxy-config';
import {noProviderProxy} from './no-provider-proxy';

describe('noProviderProxy', () => {
  const handler = noProviderProxy(demoProxyConfig({}));
  const call = (path: string, init: RequestInit = {}) =>
    handler(new Request(`http://127.0.0.1:4020/api${path}`, {method: 'POST', body: '{}', ...init}));

  it("refuses a call as a provider the proxy does not serve, naming the provider's key variable", async () => {
    const response = await call('/cohere/v2/chat');
    expect(response.status).toBe(403);
    const body = (await response.json()) as {error: {type: string; code: string; message: string}};
    expect(body.error.type).toBe('llm_rx_proxy_refusal');
    expect(body.error.code).toBe('provider-not-allowed');
    expect(body.error.message).toBe('the demo proxy has no key for cohere: set CO_API_KEY where npm start runs');
  });

  it('gives a body the llm-rx client raises as an LlmProxyRefusalError', async () => {
    const response = await call('/openai/chat/completions');
    const error = providerHttpError({
      provider: 'openai',
      model: 'gpt-5-nano',
      status: response.status,
      detail: undefined,
      headers: response.headers,
      responseBody: await response.json(),
    });
    expect(LlmProxyRefusalError.isInstance(error) && error.reason).toBe('provider-not-allowed');
  });

  it("lets the demo's origins read the refusal, and answers their preflight", async () => {
    const origin = 'http://localhost:4200';
    const refused = await call('/openai/chat/completions', {headers: {origin}});
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    const preflight = await call('/openai/chat/completions', {
      method: 'OPTIONS',
      body: null,
      headers: {origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization'},
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization');
    const elsewhere = await call('/openai/chat/completions', {headers: {origin: 'http://evil.example'}});
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
