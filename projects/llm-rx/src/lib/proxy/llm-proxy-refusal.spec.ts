import {LLM_PROXY_REFUSAL_TYPE, type LlmProxyRefusalBody, proxyRefusalOf} from './llm-proxy-refusal';

const refusal: LlmProxyRefusalBody['error'] = {
  type: LLM_PROXY_REFUSAL_TYPE,
  code: 'daily-cost',
  message: 'daily budget reached: $0.5012 of $0.50 used today (UTC); it resets in 12 min',
  retry_after_ms: 720_000,
  limit: 0.5,
  used: 0.5012,
};

describe('proxyRefusalOf', () => {
  it('reads the whole body, as Anthropic, Gemini and Cohere give it', () => {
    expect(proxyRefusalOf({error: refusal})).toEqual(refusal);
  });

  it("reads the inner error, as OpenAI's and DeepSeek's SDKs give it", () => {
    expect(proxyRefusalOf(refusal)).toEqual(refusal);
  });

  it('reads a refusal without a wait or a limit, and one without a message', () => {
    expect(proxyRefusalOf({error: {type: LLM_PROXY_REFUSAL_TYPE, code: 'model-not-allowed', message: 'm'}})).toEqual({
      type: LLM_PROXY_REFUSAL_TYPE,
      code: 'model-not-allowed',
      message: 'm',
    });
    expect(proxyRefusalOf({type: LLM_PROXY_REFUSAL_TYPE, code: 'unauthenticated', message: 5})).toEqual({
      type: LLM_PROXY_REFUSAL_TYPE,
      code: 'unauthenticated',
      message: '',
    });
  });

  it('is not a refusal for an unknown code or a missing one', () => {
    expect(proxyRefusalOf({error: {...refusal, code: 'out-of-coffee'}})).toBeUndefined();
    expect(proxyRefusalOf({error: {...refusal, code: undefined}})).toBeUndefined();
    expect(proxyRefusalOf({error: {...refusal, code: 429}})).toBeUndefined();
  });

  it("is not a refusal for a provider's own error body, another type or no type", () => {
    expect(
      proxyRefusalOf({error: {type: 'rate_limit_error', code: 'daily-cost', message: 'slow down'}}),
    ).toBeUndefined();
    expect(proxyRefusalOf({type: 'error', error: {type: 'overloaded_error', message: 'Overloaded'}})).toBeUndefined();
    expect(proxyRefusalOf({error: {code: 'daily-cost', message: 'm'}})).toBeUndefined();
  });

  it('is not a refusal for a body that is not an object', () => {
    for (const body of [undefined, null, 'llm_rx_proxy_refusal', 42, [refusal], {error: [refusal]}]) {
      expect(proxyRefusalOf(body)).withContext(JSON.stringify(body)).toBeUndefined();
    }
  });

  it('drops numbers that are not finite and non-negative', () => {
    const junk = {...refusal, retry_after_ms: '720000', limit: -1, used: Number.NaN};
    expect(proxyRefusalOf({error: junk})).toEqual({type: refusal.type, code: 'daily-cost', message: refusal.message});
    expect(proxyRefusalOf({error: {...refusal, retry_after_ms: Infinity, limit: null, used: 0}})).toEqual({
      type: refusal.type,
      code: 'daily-cost',
      message: refusal.message,
      used: 0,
    });
  });
});
