import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {LlmPriceTable} from '../pricing/llm-price-table';
import {absoluteBaseUrl, checkLlmProviderOptions} from './check-llm-provider-options';

const KEY = 'sk-proj-Qz7vLm2Kx9Tq4Wn8Rb3Yh6Jd';

function problemOf(options: unknown): LlmConfigurationError | undefined {
  try {
    checkLlmProviderOptions(options, 'openai');
    return undefined;
  } catch (error) {
    if (!LlmConfigurationError.isInstance(error)) throw error;
    return error;
  }
}

describe('checkLlmProviderOptions', () => {
  const invalid: readonly [string, unknown, string][] = [
    ['options that are not an object', 'sk-x', 'options'],
    ['an empty apiKey', {apiKey: ''}, 'apiKey'],
    ['a blank apiKey', {apiKey: '   '}, 'apiKey'],
    ['an apiKey that is not a string', {apiKey: 42}, 'apiKey'],
    ['an apiKey with a line break', {apiKey: `${KEY}\n`}, 'apiKey'],
    ['an apiKey with a space inside', {apiKey: 'sk-proj Qz7vLm2Kx9'}, 'apiKey'],
    ['an apiKeyAlias that is not a string', {apiKeyAlias: 7}, 'apiKeyAlias'],
    ['a baseURL that is no URL', {baseURL: 'not a url'}, 'baseURL'],
    ['an ftp: baseURL', {baseURL: 'ftp://example.com'}, 'baseURL'],
    ['a javascript: baseURL', {baseURL: 'javascript:alert(1)'}, 'baseURL'],
    ['an empty baseURL', {baseURL: ''}, 'baseURL'],
    ['a baseURL that is not a string', {baseURL: 5}, 'baseURL'],
    ['headers that are not an object', {headers: 'x-a: 1'}, 'headers'],
    ['a numeric header', {headers: {'x-a': 1}}, 'headers'],
    ['a header value with CR/LF', {headers: {'x-a': 'a\r\nx-injected: 1'}}, 'headers'],
    ['a header name with a space', {headers: {'x a': '1'}}, 'headers'],
    ['a negative firstChunkTimeoutMs', {firstChunkTimeoutMs: -1}, 'firstChunkTimeoutMs'],
    ['a NaN firstChunkTimeoutMs', {firstChunkTimeoutMs: NaN}, 'firstChunkTimeoutMs'],
    ['a zero firstChunkTimeoutMs', {firstChunkTimeoutMs: 0}, 'firstChunkTimeoutMs'],
    ['a string idleTimeoutMs', {idleTimeoutMs: '100'}, 'idleTimeoutMs'],
    ['a price table that is a plain object', {priceTable: {}}, 'priceTable'],
  ];
  for (const [description, options, field] of invalid) {
    it(`refuses ${description}, naming ${field}`, () => {
      const error = problemOf(options);
      expect(error?.field).toBe(field);
      expect(error?.message).toMatch(/^llm-rx: /);
      expect(error?.message).toContain(field);
      expect(error?.message).withContext('the key is never quoted').not.toContain('Qz7vLm2K');
    });
  }

  it('accepts what is valid', () => {
    for (const options of [
      undefined,
      {},
      {apiKey: KEY, apiKeyAlias: 'prod'},
      {baseURL: 'http://127.0.0.1:4010/v1'},
      {baseURL: 'https://api.openai.com/v1'},
      {headers: {'x-request-source': 'chat', 'OpenAI-Beta': 'assistants=v2'}},
      {firstChunkTimeoutMs: null, idleTimeoutMs: Infinity},
      {firstChunkTimeoutMs: 1, idleTimeoutMs: 0.5},
      {priceTable: LlmPriceTable.default},
    ]) {
      expect(problemOf(options)).withContext(JSON.stringify(options)).toBeUndefined();
    }
  });

  it("accepts a path as baseURL in a browser only, where it names the page's own origin", () => {
    const error = problemOf({baseURL: '/api/openai'});
    if (typeof location === 'undefined') {
      expect(error?.field).toBe('baseURL');
      expect(error?.message).toContain('only in a browser');
    } else {
      expect(error).toBeUndefined();
    }
  });
});

describe('absoluteBaseUrl', () => {
  it('leaves absolute URLs and no URL as they are', () => {
    expect(absoluteBaseUrl(undefined)).toBeUndefined();
    expect(absoluteBaseUrl('https://api.openai.com/v1')).toBe('https://api.openai.com/v1');
  });

  it('makes a path absolute against the page, in a browser, for SDKs that build URLs with new URL()', () => {
    if (typeof location === 'undefined') {
      expect(absoluteBaseUrl('/api/openai')).toBe('/api/openai');
      return;
    }
    expect(absoluteBaseUrl('/api/openai/v1')).toBe(`${location.origin}/api/openai/v1`);
  });
});
