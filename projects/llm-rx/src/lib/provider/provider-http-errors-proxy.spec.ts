import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmProxyRefusalError} from '../errors/llm-proxy-refusal-error';
import {LLM_PROXY_REFUSAL_TYPE} from '../proxy/llm-proxy-refusal';
import {providerHttpError} from './provider-http-errors';

const base = {provider: 'openai', model: 'gpt-5-mini'};
const refusalBody = {
  error: {
    type: LLM_PROXY_REFUSAL_TYPE,
    code: 'daily-cost',
    message: 'daily budget reached: $0.5012 of $0.50 used today (UTC); it resets in 12 min.',
    retry_after_ms: 720_000,
    limit: 0.5,
    used: 0.5012,
  },
};

describe('providerHttpError for a proxy refusal', () => {
  it("gives an LlmProxyRefusalError with the reason, the limit and the proxy's message", () => {
    const error = providerHttpError({...base, status: 429, detail: 'ignored', responseBody: refusalBody});
    expect(LlmProxyRefusalError.isInstance(error)).toBeTrue();
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    const refusal = error as LlmProxyRefusalError;
    expect([refusal.kind, refusal.statusCode, refusal.reason, refusal.limit, refusal.used]).toEqual([
      'http',
      429,
      'daily-cost',
      0.5,
      0.5012,
    ]);
    expect(refusal.message).toBe(
      'llm-rx: the llm-rx proxy refused the openai call for gpt-5-mini (HTTP 429, daily-cost): ' +
        'daily budget reached: $0.5012 of $0.50 used today (UTC); it resets in 12 min.',
    );
    expect(refusal.responseBody).toBe(refusalBody);
  });

  it('is not retryable, even for a 503', () => {
    const storeDown = {error: {type: LLM_PROXY_REFUSAL_TYPE, code: 'store-unavailable', message: 'try again'}};
    expect(providerHttpError({...base, status: 429, detail: 'x', responseBody: refusalBody}).isRetryable).toBeFalse();
    const error = providerHttpError({...base, status: 503, detail: 'x', responseBody: storeDown});
    expect([LlmProxyRefusalError.isInstance(error), error.isRetryable]).toEqual([true, false]);
  });

  it("takes the body's retry_after_ms over the retry-after header, and the header without one", () => {
    const headers = new Headers({'retry-after': '3', 'x-request-id': 'req_1'});
    const fromBody = providerHttpError({...base, status: 429, detail: 'x', responseBody: refusalBody, headers});
    expect([fromBody.retryAfterMs, fromBody.requestId]).toEqual([720_000, 'req_1']);
    const {retry_after_ms: _wait, ...withoutWait} = refusalBody.error;
    const fromHeader = providerHttpError({...base, status: 429, detail: 'x', responseBody: withoutWait, headers});
    expect([LlmProxyRefusalError.isInstance(fromHeader), fromHeader.retryAfterMs]).toEqual([true, 3000]);
  });

  it("reads OpenAI's inner error as well as the whole body", () => {
    const error = providerHttpError({...base, status: 429, detail: 'x', responseBody: refusalBody.error});
    expect((error as LlmProxyRefusalError).reason).toBe('daily-cost');
  });

  it('gives a plain provider error for a provider body, not a refusal', () => {
    const responseBody = {error: {type: 'rate_limit_error', code: 'daily-cost', message: 'Slow down.'}};
    const error = providerHttpError({...base, status: 429, detail: 'Slow down.', responseBody});
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect(LlmProxyRefusalError.isInstance(error)).toBeFalse();
    expect(error.message).toMatch(/^llm-rx: openai answered HTTP 429 for gpt-5-mini: Slow down\. /);
    expect(error.message).not.toContain('proxy refused');
  });
});
