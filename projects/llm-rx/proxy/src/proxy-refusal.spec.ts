import {LLM_PROXY_REFUSAL_TYPE, type LlmProxyRefusalReason} from 'llm-rx';
import {type ProxyRefusal, refusalResponse, refusalStatus} from './proxy-refusal';

/** The reasons by the status they are answered with. */
const REASONS_BY_STATUS: Record<number, LlmProxyRefusalReason[]> = {
  400: ['invalid-request', 'max-tokens-too-large'],
  401: ['unauthenticated'],
  403: ['origin-not-allowed', 'provider-not-allowed', 'model-not-allowed', 'price-unknown'],
  404: ['route-not-found'],
  405: ['method-not-allowed'],
  413: ['request-too-large'],
  429: ['requests-per-minute', 'concurrent-streams', 'daily-tokens', 'daily-cost'],
  502: ['upstream-unreachable'],
  503: ['store-unavailable'],
};

const respond = (refusal: ProxyRefusal, headers = new Headers(), secrets: readonly string[] = []) =>
  refusalResponse(refusal, headers, secrets);

describe('refusalStatus', () => {
  it('answers each of the 16 reasons with its status', () => {
    const cases = Object.entries(REASONS_BY_STATUS).flatMap(([status, reasons]) =>
      reasons.map(reason => [reason, Number(status)] as const),
    );
    expect(new Set(cases.map(([reason]) => reason)).size).toBe(16);
    expect(cases.map(([reason]) => [reason, refusalStatus(reason)])).toEqual(
      cases.map(([reason, status]) => [reason, status]),
    );
  });
});

describe('refusalResponse', () => {
  it('answers with the status and a JSON body of the type, code and message only', async () => {
    const response = respond({reason: 'model-not-allowed', message: 'use gpt-5-mini'});
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.has('retry-after')).toBeFalse();
    expect(await response.json()).toEqual({
      error: {type: LLM_PROXY_REFUSAL_TYPE, code: 'model-not-allowed', message: 'use gpt-5-mini'},
    });
  });

  it('adds retry_after_ms, limit and used when the refusal has them', async () => {
    const response = respond({
      reason: 'daily-cost',
      message: 'daily budget reached',
      retryAfterMs: 1500.2,
      limit: 0.5,
      used: 0.51,
    });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      error: {
        type: 'llm_rx_proxy_refusal',
        code: 'daily-cost',
        message: 'daily budget reached',
        retry_after_ms: 1501,
        limit: 0.5,
        used: 0.51,
      },
    });
  });

  it('sends retry-after in whole seconds, rounded up and at least 1', () => {
    const retryAfterOf = (retryAfterMs: number) =>
      respond({reason: 'requests-per-minute', message: 'm', retryAfterMs}).headers.get('retry-after');
    expect([0, 1, 999, 1000, 1001, 59_000, 3_600_500].map(retryAfterOf)).toEqual([
      '1',
      '1',
      '1',
      '1',
      '2',
      '59',
      '3601',
    ]);
  });

  it('keeps the headers it is given (CORS) without changing them', () => {
    const cors = new Headers({'access-control-allow-origin': 'https://app.test', vary: 'origin'});
    const response = respond({reason: 'unauthenticated', message: 'sign in'}, cors);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.test');
    expect(response.headers.get('vary')).toBe('origin');
    expect(cors.has('content-type')).toBeFalse();
  });

  it('cuts the given secrets and any key-shaped string out of the message', async () => {
    const message = 'upstream said: bad key sk-proj-Qz7vLm2Kx9Tq4Wn8Rb3Yh6Jd, app token app-token-1234567 refused';
    const body = await respond({reason: 'upstream-unreachable', message}, new Headers(), ['app-token-1234567']).text();
    expect(body).not.toContain('Qz7vLm2Kx9');
    expect(body).not.toContain('app-token-1234567');
    expect(body).toContain('sk-[redacted]');
  });
});
