import {type CheckedProxyBody, checkProxyRequestBody, isModelAllowed} from './check-proxy-request-body';
import type {ProxyRefusal} from './proxy-refusal';
import {resolveProxyRoute, type ResolvedProxyRoute} from './resolve-proxy-route';
import {PROXY_PROVIDER_NAMES, PROXY_ROUTES} from './proxy-routes';

const served = new Map(PROXY_PROVIDER_NAMES.map(name => [name, PROXY_ROUTES[name]]));
const routeOf = (path: string) =>
  resolveProxyRoute(new URL(`https://app.test${path}`), '', served) as ResolvedProxyRoute;
const chat = routeOf('/openai/chat/completions');
const policy = {allowedModels: ['gpt-5-mini', 'claude-*', 'gemini-2.5-flash'], maxOutputTokens: 1000};

const check = (body: unknown, route = chat) =>
  checkProxyRequestBody(typeof body === 'string' ? body : JSON.stringify(body), route, policy);
const refusalOf = (body: unknown, route = chat) => check(body, route) as ProxyRefusal;
const accepted = (body: unknown, route = chat) => {
  const checked = check(body, route) as CheckedProxyBody;
  return {...checked, sent: JSON.parse(checked.body) as Record<string, unknown>};
};

describe('checkProxyRequestBody', () => {
  it('refuses a body that is not JSON, or not a JSON object', () => {
    expect(refusalOf('{"model": ').message).toBe('the openai request body is not JSON');
    expect(refusalOf([{model: 'gpt-5-mini'}]).message).toBe('the openai request body must be a JSON object');
    expect(refusalOf('null').reason).toBe('invalid-request');
  });

  it('refuses a body that names no model', () => {
    expect(refusalOf({stream: true})).toEqual({
      reason: 'invalid-request',
      message: 'the openai request names no model',
    });
    expect(refusalOf({model: '', stream: true}).reason).toBe('invalid-request');
  });

  it('refuses a model the proxy does not serve, listing those it does', () => {
    const refusal = refusalOf({model: 'gpt-5', stream: true});
    expect(refusal.reason).toBe('model-not-allowed');
    expect(refusal.message).toContain('model gpt-5: use one of gpt-5-mini, claude-*, gemini-2.5-flash');
  });

  it("reads Gemini's model from the path", () => {
    const gemini = (model: string) => routeOf(`/gemini/v1beta/models/${model}:streamGenerateContent?alt=sse`);
    expect(accepted({contents: []}, gemini('gemini-2.5-flash')).model).toBe('gemini-2.5-flash');
    expect(refusalOf({model: 'gemini-2.5-flash'}, gemini('gemini-2.5-pro')).reason).toBe('model-not-allowed');
  });

  it('refuses a call that is not streamed', () => {
    const refusal = refusalOf({model: 'gpt-5-mini'});
    expect(refusal.reason).toBe('invalid-request');
    expect(refusal.message).toContain('"stream": true');
    const gemini = routeOf('/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent');
    expect(refusalOf({contents: []}, gemini).message).toContain('alt=sse');
  });

  it('refuses an output-token cap that is not a positive integer', () => {
    for (const cap of [0, -5, 1.5, '100', null]) {
      const refusal = refusalOf({model: 'gpt-5-mini', stream: true, max_tokens: cap});
      expect(refusal.reason).withContext(String(cap)).toBe('invalid-request');
      expect(refusal.message)
        .withContext(String(cap))
        .toBe(`the request's output-token cap must be a positive integer, not ${JSON.stringify(cap)}`);
    }
  });

  it("refuses a cap over the proxy's with its limit and what was asked", () => {
    const refusal = refusalOf({model: 'gpt-5-mini', stream: true, max_completion_tokens: 1001});
    expect(refusal).toEqual({
      reason: 'max-tokens-too-large',
      message: 'the request asks for up to 1001 output tokens; this proxy allows 1000: lower maxTokens',
      limit: 1000,
      used: 1001,
    });
  });

  it("keeps a cap within the proxy's, up to it", () => {
    const kept = accepted({model: 'gpt-5-mini', stream: true, max_tokens: 1000});
    expect([kept.outputTokenCap, kept.sent['max_tokens'], kept.sent['max_completion_tokens']]).toEqual([
      1000,
      1000,
      undefined,
    ]);
    const anthropic = routeOf('/anthropic/v1/messages');
    expect(accepted({model: 'claude-haiku-4-5', stream: true, max_tokens: 10}, anthropic).sent['max_tokens']).toBe(10);
  });

  it("sends the proxy's cap when the request sets none", () => {
    const anthropic = accepted({model: 'claude-haiku-4-5', stream: true}, routeOf('/anthropic/v1/messages'));
    expect([anthropic.outputTokenCap, anthropic.sent['max_tokens']]).toEqual([1000, 1000]);
    const gemini = routeOf('/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(accepted({generationConfig: {topK: 3}}, gemini).sent['generationConfig']).toEqual({
      topK: 3,
      maxOutputTokens: 1000,
    });
    expect(accepted({model: 'gpt-5-mini', stream: true}).sent['max_completion_tokens']).toBe(1000);
  });

  it('asks Chat Completions for its usage, and leaves the rest of the body as sent', () => {
    const checked = accepted({model: 'gpt-5-mini', stream: true, messages: [{role: 'user', content: 'hé'}]});
    expect(checked.sent).toEqual({
      model: 'gpt-5-mini',
      stream: true,
      messages: [{role: 'user', content: 'hé'}],
      max_completion_tokens: 1000,
      stream_options: {include_usage: true},
    });
    const responses = accepted({model: 'gpt-5-mini', stream: true, max_output_tokens: 9}, routeOf('/openai/responses'));
    expect(responses.sent).toEqual({model: 'gpt-5-mini', stream: true, max_output_tokens: 9});
  });
});

describe('isModelAllowed', () => {
  it('allows a model listed exactly, and only that one', () => {
    expect(isModelAllowed('gpt-5-mini', ['gpt-5-mini'])).toBeTrue();
    expect(isModelAllowed('gpt-5-mini-2025-08-07', ['gpt-5-mini'])).toBeFalse();
    expect(isModelAllowed('gpt-5', ['gpt-5-mini'])).toBeFalse();
  });

  it("allows a model under a prefix ending in '*'", () => {
    expect(isModelAllowed('gpt-5', ['gpt-5*'])).toBeTrue();
    expect(isModelAllowed('gpt-5-nano-2025-08-07', ['o3', 'gpt-5*'])).toBeTrue();
    expect(isModelAllowed('gpt-4o', ['gpt-5*'])).toBeFalse();
    expect(isModelAllowed('x-gpt-5', ['gpt-5*'])).toBeFalse();
    expect(isModelAllowed('gpt-5', [])).toBeFalse();
  });
});
