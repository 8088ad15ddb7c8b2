import {_lazyOpenAiConnection, loadOpenAiSdk, NO_API_KEY_PLACEHOLDER} from './openai-client';

describe('_lazyOpenAiConnection', () => {
  it('builds one client on first use, with the SDK retries off and the base URL given', async () => {
    const connect = _lazyOpenAiConnection({apiKey: 'sk-x', baseURL: 'http://127.0.0.1:1/v1'});
    const first = await connect();
    expect(await connect()).toBe(first);
    expect(first.client.maxRetries).toBe(0);
    expect(first.client.baseURL).toBe('http://127.0.0.1:1/v1');
    expect(first.client.apiKey).toBe('sk-x');
    expect(first.sdk).toBe((await loadOpenAiSdk()).OpenAI);
  });

  it('uses the placeholder key without apiKey', async () => {
    const {client} = await _lazyOpenAiConnection({})();
    expect(client.apiKey).toBe(NO_API_KEY_PLACEHOLDER);
  });
});
