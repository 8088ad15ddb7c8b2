import type {ProxyRefusal} from './proxy-refusal';
import {compatibleProxyRoute, PROXY_ROUTES} from './proxy-routes';
import {resolveProxyRoute, type ResolvedProxyRoute} from './resolve-proxy-route';

const served = new Map([
  ['openai', PROXY_ROUTES.openai],
  ['gemini', PROXY_ROUTES.gemini],
]);
const resolve = (url: string, basePath = '') => resolveProxyRoute(new URL(url), basePath, served);
const asRoute = (result: ResolvedProxyRoute | ProxyRefusal) => result as ResolvedProxyRoute;
const asRefusal = (result: ResolvedProxyRoute | ProxyRefusal) => result as ProxyRefusal;

describe('resolveProxyRoute', () => {
  it('finds the provider, endpoint and path under an empty basePath', () => {
    const route = asRoute(resolve('https://app.test/openai/chat/completions'));
    expect([route.provider, route.path, route.endpoint.wire]).toEqual(['openai', '/chat/completions', 'openai-chat']);
    expect(route.route).toBe(PROXY_ROUTES.openai);
  });

  it('finds them under a basePath such as /api/llm', () => {
    const route = asRoute(resolve('https://app.test/api/llm/openai/responses', '/api/llm'));
    expect([route.provider, route.path, route.endpoint.wire]).toEqual(['openai', '/responses', 'openai-responses']);
  });

  it('refuses a path outside the basePath with route-not-found', () => {
    for (const url of ['https://app.test/openai/chat/completions', 'https://app.test/api/llmx/openai/responses']) {
      const refusal = asRefusal(resolve(url, '/api/llm'));
      expect(refusal.reason).withContext(url).toBe('route-not-found');
      expect(refusal.message).withContext(url).toContain("is not under the proxy's path /api/llm");
    }
  });

  it('refuses an unknown provider with route-not-found, naming the known ones', () => {
    const refusal = asRefusal(resolve('https://app.test/api/llm/mistral/v1/chat', '/api/llm'));
    expect(refusal.reason).toBe('route-not-found');
    expect(refusal.message).toContain("no provider 'mistral'");
    expect(refusal.message).toContain('openai, deepseek, anthropic, gemini, cohere');
    expect(asRefusal(resolve('https://app.test/api/llm', '/api/llm')).reason).toBe('route-not-found');
  });

  it('refuses a known provider the proxy does not serve with provider-not-allowed', () => {
    const refusal = asRefusal(resolve('https://app.test/anthropic/v1/messages'));
    expect(refusal.reason).toBe('provider-not-allowed');
    expect(refusal.message).toContain('has no key for anthropic');
    expect(refusal.message).toContain('openai, gemini');
  });

  it('refuses every provider of a proxy that serves none', () => {
    const refusal = asRefusal(resolveProxyRoute(new URL('https://app.test/openai/chat/completions'), '', new Map()));
    expect(refusal.reason).toBe('provider-not-allowed');
    expect(refusal.message).toContain('it serves no provider yet');
  });

  it("refuses a path that is not one of the provider's streaming endpoints with route-not-found", () => {
    const refusal = asRefusal(resolve('https://app.test/openai/files'));
    expect(refusal.reason).toBe('route-not-found');
    expect(refusal.message).toContain('not /files');
  });

  it('drops a key query parameter and keeps the others', () => {
    const route = asRoute(
      resolve('https://app.test/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=AIzaSecret'),
    );
    expect(route.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent');
    expect(route.query.get('alt')).toBe('sse');
    expect(route.query.has('key')).toBeFalse();
    expect(route.query.toString()).toBe('alt=sse');
  });

  it('finds a compatible service by its name, with its own route, and lists it when a name is unknown', () => {
    const groq = compatibleProxyRoute({apiKey: 'k', models: ['llama*'], baseURL: 'https://api.groq.com/openai/v1'});
    const withGroq = new Map([...served, ['groq', groq]]);
    const route = asRoute(resolveProxyRoute(new URL('https://app.test/api/groq/chat/completions'), '/api', withGroq));
    expect([route.provider, route.path, route.endpoint.wire]).toEqual([
      'groq',
      '/chat/completions',
      'openai-compatible',
    ]);
    expect(route.route).toBe(groq);
    const unknown = asRefusal(
      resolveProxyRoute(new URL('https://app.test/api/grok/chat/completions'), '/api', withGroq),
    );
    expect(unknown.reason).toBe('route-not-found');
    expect(unknown.message).toContain('openai, deepseek, anthropic, gemini, cohere, groq');
    const otherPath = asRefusal(resolveProxyRoute(new URL('https://app.test/api/groq/embeddings'), '/api', withGroq));
    expect(otherPath.reason).toBe('route-not-found');
  });
});
