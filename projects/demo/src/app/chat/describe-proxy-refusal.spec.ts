import {LlmProxyRefusalError, type LlmProxyRefusalErrorOptions} from 'llm-rx';
import {describeProxyRefusal} from './describe-proxy-refusal';

describe('describeProxyRefusal', () => {
  const refusal = (options: Partial<LlmProxyRefusalErrorOptions> & Pick<LlmProxyRefusalErrorOptions, 'reason'>) =>
    new LlmProxyRefusalError('refused by the proxy', {provider: 'openai', model: 'gpt-5-nano', ...options});
  const HOUR_MS = 3_600_000;

  it('says the daily budget is reached, how much of it, and when it resets', () => {
    const description = describeProxyRefusal(
      refusal({reason: 'daily-cost', statusCode: 429, limit: 1, used: 1.02, retryAfterMs: 3 * HOUR_MS - 5000}),
    );
    expect(description.title).toBe("The proxy's daily budget is reached ($1.02 of $1.00), resets in 3 h.");
    expect(description.advice).toContain('LLM_RX_PROXY_COST_PER_DAY_USD');
  });

  it('shows a tiny budget with its significant digits, not as $0.00', () => {
    const description = describeProxyRefusal(refusal({reason: 'daily-cost', limit: 0.000001, used: 0.0000232}));
    expect(description.title).toBe("The proxy's daily budget is reached ($0.0000232 of $0.00000100).");
  });

  it('says the daily token budget is reached', () => {
    const description = describeProxyRefusal(refusal({reason: 'daily-tokens', limit: 5000, used: 5012}));
    expect(description.title).toBe("The proxy's daily token budget is reached (5,012 of 5,000).");
    expect(description.advice).toContain('LLM_RX_PROXY_TOKENS_PER_DAY');
  });

  it('names the rate limit and the wait, and the streams limit', () => {
    const perMinute = describeProxyRefusal(refusal({reason: 'requests-per-minute', limit: 30, retryAfterMs: 12_000}));
    expect(perMinute.title).toBe("The proxy's rate limit is reached (30 requests a minute). Try again in 12 s.");
    expect(perMinute.advice).toContain('LLM_RX_PROXY_REQUESTS_PER_MINUTE');
    const streams = describeProxyRefusal(refusal({reason: 'concurrent-streams', limit: 4, used: 4}));
    expect(streams.title).toBe('Too many answers are streaming through the proxy at once (4 of 4).');
    expect(streams.advice).toContain('LLM_RX_PROXY_CONCURRENT_STREAMS');
  });

  it('names the variable of a provider the proxy has no key for, where npm start runs', () => {
    const description = describeProxyRefusal(refusal({reason: 'provider-not-allowed', provider: 'cohere'}));
    expect(description.title).toBe('The proxy has no key for cohere: set CO_API_KEY where npm start runs.');
  });

  it('says a model is not served by the proxy', () => {
    const description = describeProxyRefusal(refusal({reason: 'model-not-allowed', model: 'gpt-4-0314'}));
    expect(description.title).toBe('The model gpt-4-0314 is not served by the proxy.');
    expect(description.advice).toContain('Pick another openai model');
  });

  it('blames the proxy, not the provider, when it could not reach the provider', () => {
    const description = describeProxyRefusal(refusal({reason: 'upstream-unreachable', statusCode: 502}));
    expect(description.title).toBe('The proxy could not reach openai: the provider never saw the call.');
    expect(description.advice).toContain('internet connection');
  });

  it('tells to add a refused page origin to LLM_RX_DEMO_ORIGINS', () => {
    expect(describeProxyRefusal(refusal({reason: 'origin-not-allowed'})).advice).toContain('LLM_RX_DEMO_ORIGINS');
  });

  it("keeps the proxy's own message for the other reasons", () => {
    const description = describeProxyRefusal(refusal({reason: 'invalid-request'}));
    expect(description.title).toBe('The proxy refused the call (invalid-request): refused by the proxy');
  });
});
