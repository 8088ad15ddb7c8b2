import {checkProxyOrigin, isPreflight, preflightResponse} from './proxy-cors';

const APP = 'https://app.example.com';
const allowed = new Set([APP]);
const requestFrom = (origin: string | undefined, init: RequestInit = {}) =>
  new Request('https://proxy.example.com/api/llm/openai/chat/completions', {
    method: 'POST',
    ...init,
    headers: {...(origin === undefined ? {} : {origin}), ...(init.headers as Record<string, string>)},
  });
const entriesOf = (headers: Headers) => Object.fromEntries(headers.entries());

describe('checkProxyOrigin', () => {
  it('lets a call without Origin through, without CORS headers', () => {
    const check = checkProxyOrigin(requestFrom(undefined), allowed);
    expect([check.isAllowed, check.origin, entriesOf(check.headers)]).toEqual([true, undefined, {}]);
  });

  it('lets a same-origin call through, without CORS headers, even with no allowed origin', () => {
    const check = checkProxyOrigin(requestFrom('https://proxy.example.com'), new Set());
    expect([check.isAllowed, check.origin, entriesOf(check.headers)]).toEqual([true, 'https://proxy.example.com', {}]);
  });

  it('lets an allowed origin through with the headers its page needs to read the answer', () => {
    const check = checkProxyOrigin(requestFrom(APP), allowed);
    expect([check.isAllowed, check.origin]).toEqual([true, APP]);
    expect(entriesOf(check.headers)).toEqual({
      'access-control-allow-origin': APP,
      vary: 'origin',
      'access-control-expose-headers': 'retry-after, x-request-id, request-id',
    });
  });

  it('refuses another origin, without CORS headers', () => {
    for (const origin of [
      'https://evil.example.com',
      'https://app.example.com:8443',
      'http://app.example.com',
      'null',
    ]) {
      const check = checkProxyOrigin(requestFrom(origin), allowed);
      expect([check.isAllowed, check.origin, entriesOf(check.headers)])
        .withContext(origin)
        .toEqual([false, origin, {}]);
    }
  });
});

describe('isPreflight', () => {
  it('is an OPTIONS with access-control-request-method, and nothing else', () => {
    const preflight = requestFrom(APP, {method: 'OPTIONS', headers: {'access-control-request-method': 'POST'}});
    expect(isPreflight(preflight)).toBeTrue();
    expect(isPreflight(requestFrom(APP, {method: 'OPTIONS'}))).toBeFalse();
    expect(isPreflight(requestFrom(APP, {headers: {'access-control-request-method': 'POST'}}))).toBeFalse();
  });
});

describe('preflightResponse', () => {
  it('answers 204 with POST, the headers the page asked for, and a max-age', async () => {
    const preflight = requestFrom(APP, {
      method: 'OPTIONS',
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, anthropic-version, x-stainless-os',
      },
    });
    const response = preflightResponse(preflight, checkProxyOrigin(preflight, allowed));
    expect(response.status).toBe(204);
    expect(entriesOf(response.headers)).toEqual({
      'access-control-allow-origin': APP,
      vary: 'origin',
      'access-control-expose-headers': 'retry-after, x-request-id, request-id',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type, anthropic-version, x-stainless-os',
      'access-control-max-age': '600',
    });
    expect(await response.text()).toBe('');
  });

  it('allows no headers when the page asked for none, and leaves the check headers unchanged', () => {
    const preflight = requestFrom(APP, {method: 'OPTIONS', headers: {'access-control-request-method': 'POST'}});
    const check = checkProxyOrigin(preflight, allowed);
    const response = preflightResponse(preflight, check);
    expect(response.headers.has('access-control-allow-headers')).toBeFalse();
    expect(check.headers.has('access-control-allow-methods')).toBeFalse();
  });
});
