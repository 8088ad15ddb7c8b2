import {demoProvider} from '../common/provider-catalog';
import {DEFAULT_DEMO_SETTINGS} from './demo-settings';
import {demoProviderOptions, MOCK_SCENARIO_HEADER, SIMULATED_API_KEY} from './demo-provider-options';

describe('demoProviderOptions', () => {
  const origin = 'http://localhost:4200';

  it("points simulated providers at the mock server under each provider's path", () => {
    const baseUrls = (['openai', 'deepseek', 'anthropic', 'gemini', 'cohere'] as const).map(
      name => demoProviderOptions(demoProvider(name), DEFAULT_DEMO_SETTINGS, {origin}).baseURL,
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
    const options = demoProviderOptions(openai, DEFAULT_DEMO_SETTINGS, {origin, scenario: ' status=529 '});
    expect(options.headers).toEqual({[MOCK_SCENARIO_HEADER]: 'status=529'});
    expect(options.apiKey).toBe(SIMULATED_API_KEY);
    expect(demoProviderOptions(openai, DEFAULT_DEMO_SETTINGS, {origin, scenario: ''}).headers).toBeUndefined();
  });

  it('sends real calls through the proxy without a key, and never the scenario', () => {
    const settings = {...DEFAULT_DEMO_SETTINGS, connection: 'proxy' as const};
    const options = demoProviderOptions(demoProvider('anthropic'), settings, {origin, scenario: 'status=529'});
    expect(options.baseURL).toBe('http://localhost:4200/api/anthropic');
    expect(options.apiKey).toBeUndefined();
    expect(options.headers).toBeUndefined();
    expect(options.apiKeyAlias).toBe('proxy:ANTHROPIC_API_KEY');
  });

  it('uses a typed-in key only when one is given', () => {
    const settings = {...DEFAULT_DEMO_SETTINGS, connection: 'proxy' as const};
    const options = demoProviderOptions(demoProvider('openai'), settings, {origin, apiKey: 'sk-typed'});
    expect(options.apiKey).toBe('sk-typed');
  });

  it('passes the timeouts of the settings', () => {
    const settings = {...DEFAULT_DEMO_SETTINGS, firstChunkTimeoutMs: 1234, idleTimeoutMs: 567};
    const options = demoProviderOptions(demoProvider('cohere'), settings, {origin});
    expect([options.firstChunkTimeoutMs, options.idleTimeoutMs]).toEqual([1234, 567]);
  });
});
