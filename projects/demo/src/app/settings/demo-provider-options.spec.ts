import {demoProvider} from '../common/provider-catalog';
import {DEFAULT_DEMO_SETTINGS} from './demo-settings';
import {demoProviderOptions, MOCK_SCENARIO_HEADER, SIMULATED_API_KEY} from './demo-provider-options';

describe('demoProviderOptions', () => {
  it("points simulated providers at the mock server under each provider's path", () => {
    const baseUrls = (['openai', 'deepseek', 'anthropic', 'gemini', 'cohere'] as const).map(
      name => demoProviderOptions(demoProvider(name), DEFAULT_DEMO_SETTINGS).baseURL,
    );
    expect(baseUrls).toEqual([
      'http://127.0.0.1:4010/v1',
      'http://127.0.0.1:4010/deepseek',
      'http://127.0.0.1:4010',
      'http://127.0.0.1:4010',
      'http://127.0.0.1:4010',
    ]);
  });

  it('sends the scenario as the x-mock-scenario header, and no header without one', () => {
    const openai = demoProvider('openai');
    const options = demoProviderOptions(openai, DEFAULT_DEMO_SETTINGS, {scenario: ' status=529 '});
    expect(options.headers).toEqual({[MOCK_SCENARIO_HEADER]: 'status=529'});
    expect(options.apiKey).toBe(SIMULATED_API_KEY);
    expect(demoProviderOptions(openai, DEFAULT_DEMO_SETTINGS, {scenario: ''}).headers).toBeUndefined();
  });

  it("sends real calls through the demo proxy's route of the provider without a key, and never the scenario", () => {
    const settings = {...DEFAULT_DEMO_SETTINGS, connection: 'proxy' as const};
    const options = demoProviderOptions(demoProvider('anthropic'), settings, {scenario: 'status=529'});
    expect(options.baseURL).toBe('http://localhost:4020/api/anthropic');
    const elsewhere = {...settings, proxyUrl: 'http://127.0.0.1:4999/api'};
    expect(demoProviderOptions(demoProvider('openai'), elsewhere).baseURL).toBe('http://127.0.0.1:4999/api/openai');
    expect(options.apiKey).toBeUndefined();
    expect(options.headers).toBeUndefined();
    expect(options.apiKeyAlias).toBe('proxy:ANTHROPIC_API_KEY');
  });

  it("sends a typed-in key straight to the provider's own API, never to the proxy (which would not forward it)", () => {
    const settings = {...DEFAULT_DEMO_SETTINGS, connection: 'proxy' as const};
    const options = demoProviderOptions(demoProvider('openai'), settings, {apiKey: 'sk-typed'});
    expect(options.apiKey).toBe('sk-typed');
    expect(options.baseURL).toBeUndefined();
    expect(options.apiKeyAlias).toBe('typed-in');
  });

  it('passes the timeouts of the settings', () => {
    const settings = {...DEFAULT_DEMO_SETTINGS, firstChunkTimeoutMs: 1234, idleTimeoutMs: 567};
    const options = demoProviderOptions(demoProvider('cohere'), settings);
    expect([options.firstChunkTimeoutMs, options.idleTimeoutMs]).toEqual([1234, 567]);
  });
});
