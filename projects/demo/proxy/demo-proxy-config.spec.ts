import {LlmConfigurationError} from 'llm-rx';
import {demoModels} from '../src/app/common/provider-catalog';
import {DEMO_PROXY_LIMITS, DEMO_PROXY_MOCK_KEY, demoProxyConfig} from './demo-proxy-config';

describe('demoProxyConfig', () => {
  it('serves only the providers whose key variable is set, each with its key and the demo catalog’s models', () => {
    const config = demoProxyConfig({OPENAI_API_KEY: 'sk-openai-test', CO_API_KEY: 'co-test', GEMINI_API_KEY: ' '});
    expect(Object.keys(config.providers).sort()).toEqual(['cohere', 'openai']);
    expect(config.providers.openai?.apiKey).toBe('sk-openai-test');
    expect(config.providers.openai?.models).toEqual(demoModels('openai'));
    expect(config.providers.cohere?.models).toEqual(demoModels('cohere'));
    // The provider's real API, the proxy's default.
    expect(config.providers.openai?.baseURL).toBeUndefined();
  });

  it('reads each key from its own variable', () => {
    const config = demoProxyConfig({
      OPENAI_API_KEY: 'k-openai',
      ANTHROPIC_API_KEY: 'k-anthropic',
      GEMINI_API_KEY: 'k-gemini',
      DEEPSEEK_API_KEY: 'k-deepseek',
      CO_API_KEY: 'k-cohere',
    });
    const keys = Object.entries(config.providers).map(([name, provider]) => [name, provider?.apiKey]);
    expect(Object.fromEntries(keys)).toEqual({
      openai: 'k-openai',
      anthropic: 'k-anthropic',
      gemini: 'k-gemini',
      deepseek: 'k-deepseek',
      cohere: 'k-cohere',
    });
  });

  it('serves nothing without keys', () => {
    expect(demoProxyConfig({}).providers).toEqual({});
    expect(demoProxyConfig({}).compatible).toEqual({});
  });

  it('serves each hosted preset whose key variable is set, under its name, with its quirks, models and prices', () => {
    const config = demoProxyConfig({GROQ_API_KEY: 'gsk-test', MISTRAL_API_KEY: 'mistral-test', XAI_API_KEY: ''});
    expect(Object.keys(config.compatible ?? {}).sort()).toEqual(['groq', 'mistral']);
    const mistral = config.compatible!['mistral'];
    expect(mistral.apiKey).toBe('mistral-test');
    expect(mistral.baseURL).toBe('https://api.mistral.ai/v1');
    expect(mistral.quirks?.streamOptions).toBeFalse();
    expect(mistral.models).toEqual(demoModels('mistral'));
    expect(mistral.prices?.length).toBeGreaterThan(0);
  });

  it('serves under /api and lets any caller in as the one demo user', async () => {
    const config = demoProxyConfig({});
    expect(config.basePath).toBe('/api');
    const user = await config.authenticate(new Request('http://127.0.0.1:4020/api/openai/chat/completions'), {
      provider: 'openai',
      credential: undefined,
    });
    expect(user).toEqual({userId: 'demo'});
  });

  it("allows the dev server's origins, and those of LLM_RX_DEMO_ORIGINS", () => {
    expect(demoProxyConfig({}).allowedOrigins).toEqual(['http://localhost:4200', 'http://127.0.0.1:4200']);
    const config = demoProxyConfig({LLM_RX_DEMO_ORIGINS: 'http://127.0.0.1:4999/, https://demo.example.com'});
    expect(config.allowedOrigins).toEqual([
      'http://localhost:4200',
      'http://127.0.0.1:4200',
      'http://127.0.0.1:4999',
      'https://demo.example.com',
    ]);
  });

  it('refuses an origin that is not an http(s) URL, naming the variable', () => {
    expect(() => demoProxyConfig({LLM_RX_DEMO_ORIGINS: 'localhost:4300'})).toThrowMatching(
      error => LlmConfigurationError.isInstance(error) && error.field === 'LLM_RX_DEMO_ORIGINS',
    );
  });

  it('applies modest limits, each overridable by its variable', () => {
    expect(demoProxyConfig({}).limits).toEqual(DEMO_PROXY_LIMITS);
    expect(DEMO_PROXY_LIMITS).toEqual({requestsPerMinute: 30, concurrentStreams: 4, costPerDayUsd: 1});
    const config = demoProxyConfig({
      LLM_RX_PROXY_REQUESTS_PER_MINUTE: '5',
      LLM_RX_PROXY_CONCURRENT_STREAMS: '1',
      LLM_RX_PROXY_TOKENS_PER_DAY: '1000',
      LLM_RX_PROXY_COST_PER_DAY_USD: '0.000001',
    });
    expect(config.limits).toEqual({
      requestsPerMinute: 5,
      concurrentStreams: 1,
      tokensPerDay: 1000,
      costPerDayUsd: 0.000001,
    });
  });

  it('refuses a limit that is not a positive number, naming the variable', () => {
    for (const text of ['0', '-1', 'lots', 'Infinity']) {
      expect(() => demoProxyConfig({LLM_RX_PROXY_COST_PER_DAY_USD: text}))
        .withContext(text)
        .toThrowMatching(
          error => LlmConfigurationError.isInstance(error) && error.field === 'LLM_RX_PROXY_COST_PER_DAY_USD',
        );
    }
  });

  describe('with LLM_RX_PROXY_UPSTREAM (the mock provider server)', () => {
    const upstream = 'http://127.0.0.1:4010/';

    it("sends every provider to the mock server under its wire's path", () => {
      const config = demoProxyConfig({LLM_RX_PROXY_UPSTREAM: upstream});
      const baseUrls = Object.entries(config.providers).map(([name, provider]) => [name, provider?.baseURL]);
      expect(Object.fromEntries(baseUrls)).toEqual({
        openai: 'http://127.0.0.1:4010/v1',
        anthropic: 'http://127.0.0.1:4010',
        gemini: 'http://127.0.0.1:4010',
        deepseek: 'http://127.0.0.1:4010/deepseek',
        cohere: 'http://127.0.0.1:4010',
      });
    });

    it('gives the providers without a key a dummy one, and keeps the keys that are set', () => {
      const config = demoProxyConfig({LLM_RX_PROXY_UPSTREAM: upstream, ANTHROPIC_API_KEY: 'k-anthropic'});
      expect(config.providers.anthropic?.apiKey).toBe('k-anthropic');
      expect(config.providers.openai?.apiKey).toBe(DEMO_PROXY_MOCK_KEY);
      expect(config.providers.cohere?.apiKey).toBe(DEMO_PROXY_MOCK_KEY);
    });

    it("sends the hosted presets to the mock server's route for their service, never the local ones", () => {
      const config = demoProxyConfig({LLM_RX_PROXY_UPSTREAM: upstream});
      expect(config.compatible?.['groq']?.baseURL).toBe('http://127.0.0.1:4010/groq/openai/v1');
      expect(config.compatible?.['groq']?.apiKey).toBe(DEMO_PROXY_MOCK_KEY);
      expect(Object.keys(config.compatible ?? {})).not.toContain('ollama');
      expect(Object.keys(config.compatible ?? {}).length).toBe(8);
    });

    it('refuses a value that is not an http(s) URL, naming the variable', () => {
      expect(() => demoProxyConfig({LLM_RX_PROXY_UPSTREAM: '127.0.0.1:4010'})).toThrowMatching(
        error => LlmConfigurationError.isInstance(error) && error.field === 'LLM_RX_PROXY_UPSTREAM',
      );
    });
  });
});
