import {createWarnOnce, definedFields, mergeHeaders, providerOptionsOf, resolveProviderCall} from './llm-provider-call';

describe('the provider call context', () => {
  describe('mergeHeaders', () => {
    it('lets later sets win, comparing names without case and keeping the later spelling', () => {
      expect(mergeHeaders({'X-Tag': 'a', 'x-app': 'demo'}, undefined, {'x-tag': 'b'})).toEqual({
        'x-tag': 'b',
        'x-app': 'demo',
      });
    });

    it('is undefined without any headers, and the one set as it is when only one is given', () => {
      const only = {'x-a': '1'};
      expect(mergeHeaders(undefined, undefined)).toBeUndefined();
      expect(mergeHeaders(undefined, only)).toBe(only);
    });
  });

  it('definedFields keeps every value but undefined', () => {
    expect(definedFields({a: undefined, b: 0, c: null, d: '', e: false})).toEqual({b: 0, c: null, d: '', e: false});
    expect(Object.keys(definedFields({a: undefined}))).toEqual([]);
  });

  it("providerOptionsOf reads one provider's slice", () => {
    const request = {userPrompt: 'Hi', providerOptions: {groq: {seed: 1}, openai: {seed: 2}}};
    expect(providerOptionsOf(request, 'groq')).toEqual({seed: 1});
    expect(providerOptionsOf(request, 'gemini')).toBeUndefined();
    expect(providerOptionsOf({}, 'openai')).toBeUndefined();
  });

  it('createWarnOnce warns once per key, through console.warn read at warning time', () => {
    const warnOnce = createWarnOnce();
    const warn = spyOn(console, 'warn');
    warnOnce('a', 'first a');
    warnOnce('a', 'second a');
    warnOnce('b', 'first b');
    expect(warn.calls.allArgs()).toEqual([['first a'], ['first b']]);
  });

  it('resolveProviderCall resolves the slice and the headers of the options and the request', () => {
    const signal = new AbortController().signal;
    const call = resolveProviderCall({
      client: 'client',
      provider: 'groq',
      model: 'llama',
      request: {userPrompt: 'Hi', headers: {'x-b': 'request'}, providerOptions: {groq: {seed: 3}}},
      options: {headers: {'x-a': 'options', 'X-B': 'options'}},
      signal,
    });
    expect(call.providerOptions).toEqual({seed: 3});
    expect(call.headers).toEqual({'x-a': 'options', 'x-b': 'request'});
    expect([call.client, call.provider, call.model, call.signal]).toEqual(['client', 'groq', 'llama', signal]);
    expect(typeof call.warnOnce).toBe('function');
  });
});
