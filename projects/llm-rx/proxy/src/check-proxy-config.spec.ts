import {LlmConfigurationError} from 'llm-rx';
import {checkProxyConfig} from './check-proxy-config';
import type {LlmProxyConfig} from './llm-proxy-config';

const KEY = 'sk-proj-Qz7vLm2Kx9Tq4Wn8Rb3Yh6Jd';
const valid: LlmProxyConfig = {
  providers: {openai: {apiKey: KEY, models: ['gpt-5-mini', 'gpt-5*'], baseURL: 'http://127.0.0.1:4010/v1'}},
  authenticate: () => ({userId: 'u'}),
  basePath: '/api/llm',
  allowedOrigins: ['https://app.example.com', 'http://localhost:4200'],
  limits: {requestsPerMinute: 20, concurrentStreams: 3, tokensPerDay: 1e6, costPerDayUsd: 0.5},
  maxRequestBytes: 1024,
  maxOutputTokens: 4096,
  store: {admit: async () => ({admitted: true}), settle: async () => undefined, usageOf: async () => ({}) as never},
};

/** The config with some fields replaced (a field set to `undefined` is left out), typed loosely to plant mistakes. */
const withFields = (fields: Record<string, unknown>) => ({...valid, ...fields}) as unknown as LlmProxyConfig;
const withOpenAi = (fields: Record<string, unknown>) =>
  withFields({providers: {openai: {...valid.providers.openai, ...fields}}});

const GROQ = {apiKey: 'gsk_Pq8Rt2Vx6Zb1Nm4Lk7', models: ['llama-3.3-*'], baseURL: 'https://api.groq.com/openai/v1'};
const withCompatible = (name: string, fields: Record<string, unknown>) =>
  withFields({compatible: {[name]: {...GROQ, ...fields}}});

/** The error `checkProxyConfig()` throws, or `undefined`. */
function errorOf(config: unknown): LlmConfigurationError | undefined {
  try {
    checkProxyConfig(config as LlmProxyConfig);
    return undefined;
  } catch (error) {
    if (!LlmConfigurationError.isInstance(error)) throw error;
    return error;
  }
}

describe('checkProxyConfig', () => {
  it('passes a valid config, and one with only providers and authenticate', () => {
    expect(errorOf(valid)).toBeUndefined();
    expect(
      errorOf({providers: {gemini: {apiKey: 'AIzaKey', models: ['gemini-2.5-flash']}}, authenticate: () => undefined}),
    ).toBeUndefined();
    expect(errorOf(withFields({basePath: ''}))).toBeUndefined();
    expect(errorOf(withCompatible('groq', {quirks: {streamOptions: true}, prices: []}))).toBeUndefined();
    expect(errorOf(withFields({providers: {}})))
      .withContext('a proxy without keys refuses every call')
      .toBeUndefined();
  });

  const mistakes: [string, unknown, string][] = [
    ['no config', undefined, 'config'],
    ['no providers', withFields({providers: undefined}), 'providers'],
    ['an unknown provider', withFields({providers: {mistral: {apiKey: KEY, models: ['m']}}}), 'providers.mistral'],
    ['a provider that is not an object', withFields({providers: {openai: 'sk'}}), 'providers.openai'],
    ['no apiKey', withOpenAi({apiKey: undefined}), 'providers.openai.apiKey'],
    ['a blank apiKey', withOpenAi({apiKey: '  '}), 'providers.openai.apiKey'],
    ['no models', withOpenAi({models: undefined}), 'providers.openai.models'],
    ['an empty models list', withOpenAi({models: []}), 'providers.openai.models'],
    ['a bare * model', withOpenAi({models: ['gpt-5-mini', '*']}), 'providers.openai.models[1]'],
    ['an empty model', withOpenAi({models: ['']}), 'providers.openai.models[0]'],
    ['a model that is not a string', withOpenAi({models: [5]}), 'providers.openai.models[0]'],
    ['a relative baseURL', withOpenAi({baseURL: '/v1'}), 'providers.openai.baseURL'],
    ['a baseURL that is not http', withOpenAi({baseURL: 'ftp://host/v1'}), 'providers.openai.baseURL'],
    ['no authenticate', withFields({authenticate: undefined}), 'authenticate'],
    ['an authenticate that is not a function', withFields({authenticate: {userId: 'u'}}), 'authenticate'],
    ['a basePath with a trailing /', withFields({basePath: '/api/llm/'}), 'basePath'],
    ['a basePath without a leading /', withFields({basePath: 'api'}), 'basePath'],
    ['a basePath of /', withFields({basePath: '/'}), 'basePath'],
    [
      'an origin with a path',
      withFields({allowedOrigins: ['https://a.test', 'https://b.test/app']}),
      'allowedOrigins[1]',
    ],
    ['one origin not in a list', withFields({allowedOrigins: 'https://a.test'}), 'allowedOrigins'],
    ['an origin with a trailing /', withFields({allowedOrigins: ['https://a.test/']}), 'allowedOrigins[0]'],
    ['a * origin', withFields({allowedOrigins: ['*']}), 'allowedOrigins[0]'],
    ['a zero requestsPerMinute', withFields({limits: {requestsPerMinute: 0}}), 'limits.requestsPerMinute'],
    ['a negative concurrentStreams', withFields({limits: {concurrentStreams: -1}}), 'limits.concurrentStreams'],
    ['an infinite tokensPerDay', withFields({limits: {tokensPerDay: Infinity}}), 'limits.tokensPerDay'],
    ['a costPerDayUsd string', withFields({limits: {costPerDayUsd: '1'}}), 'limits.costPerDayUsd'],
    ['a fractional maxRequestBytes', withFields({maxRequestBytes: 1.5}), 'maxRequestBytes'],
    ['a zero maxOutputTokens', withFields({maxOutputTokens: 0}), 'maxOutputTokens'],
    ['a fractional imageInputTokens', withFields({imageInputTokens: 1500.5}), 'imageInputTokens'],
    ['compatible that is not an object', withFields({compatible: 'groq'}), 'compatible'],
    ['a compatible name of the five', withCompatible('openai', {}), 'compatible.openai'],
    ['a compatible name that is no path segment', withCompatible('Groq/AI', {}), 'compatible.Groq/AI'],
    ['a compatible service without apiKey', withCompatible('groq', {apiKey: ''}), 'compatible.groq.apiKey'],
    ['a compatible service without models', withCompatible('groq', {models: []}), 'compatible.groq.models'],
    ['a compatible service without baseURL', withCompatible('groq', {baseURL: undefined}), 'compatible.groq.baseURL'],
    ['a compatible relative baseURL', withCompatible('groq', {baseURL: '/groq'}), 'compatible.groq.baseURL'],
    ['compatible prices not a list', withCompatible('groq', {prices: {}}), 'compatible.groq.prices'],
    ['a store without settle', withFields({store: {admit: () => undefined, usageOf: () => undefined}}), 'store'],
  ];
  for (const [mistake, config, field] of mistakes) {
    it(`names ${field} for ${mistake}`, () => {
      const error = errorOf(config);
      expect(error?.field).toBe(field);
      expect(error?.message).toMatch(new RegExp(`^llm-rx/proxy: ${field.replace(/[.[\]]/g, '\\$&')} `));
    });
  }

  it('never quotes the apiKey in a message, whatever the mistake', () => {
    const messages = mistakes.map(([, config]) => errorOf(config)?.message ?? '');
    expect(errorOf(withOpenAi({baseURL: `not a url ${KEY}`}))?.field).toBe('providers.openai.baseURL');
    messages.push(errorOf(withOpenAi({baseURL: `not a url ${KEY}`}))?.message ?? '');
    messages.push(errorOf(withFields({providers: {openai: {apiKey: KEY, models: [KEY, '*']}}}))?.message ?? '');
    expect(messages.filter(message => message.includes(KEY) || message.includes('Qz7vLm2Kx9'))).toEqual([]);
  });
});
