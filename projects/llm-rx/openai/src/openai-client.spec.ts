import * as sdk from 'openai';
import {_createOpenAiClient} from './openai-client';

describe('_createOpenAiClient', () => {
  it('builds a client with the SDK retries off, the key and the base URL given', () => {
    const client = _createOpenAiClient(sdk, {apiKey: 'sk-x', baseURL: 'http://127.0.0.1:1/v1'});
    expect(client.maxRetries).toBe(0);
    expect(client.baseURL).toBe('http://127.0.0.1:1/v1');
    expect(client.apiKey).toBe('sk-x');
  });

  it('takes organization and project from the options only', () => {
    const client = _createOpenAiClient(sdk, {apiKey: 'sk-x', organization: 'org_1'});
    expect(client.organization).toBe('org_1');
    expect(client.project).toBeNull();
  });
});
