import {LlmProviderError} from '../errors/llm-provider-error';
import {httpStatusAdvice, providerHttpError, providerStreamError} from './provider-http-errors';

const base = {provider: 'acme', model: 'acme-1'};

describe('providerHttpError', () => {
  it('builds a provider error of kind http with the status, body, advice and cause', () => {
    const cause = new Error('SDK said 404');
    const error = providerHttpError({
      ...base,
      status: 404,
      detail: 'No such model.',
      code: 'not_found',
      responseBody: {message: 'No such model.'},
      cause,
    });
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect(error.message).toBe(
      'llm-rx: acme answered HTTP 404 (not_found) for acme-1: No such model. Check the model id and the baseURL.',
    );
    expect([error.kind, error.statusCode, error.isRetryable]).toEqual(['http', 404, false]);
    expect(error.responseBody).toEqual({message: 'No such model.'});
    expect(error.cause).toBe(cause);
  });

  it('reads the wait and the request id from the headers, unless given', () => {
    const headers = new Headers({'retry-after': '3', 'x-request-id': 'req_1'});
    const fromHeaders = providerHttpError({...base, status: 429, detail: 'slow down', headers});
    expect([fromHeaders.retryAfterMs, fromHeaders.requestId]).toEqual([3000, 'req_1']);
    const given = providerHttpError({...base, status: 429, detail: 'x', headers, retryAfterMs: 5, requestId: 'req_2'});
    expect([given.retryAfterMs, given.requestId]).toEqual([5, 'req_2']);
    const anthropicStyle = providerHttpError({
      ...base,
      status: 500,
      detail: 'x',
      headers: new Headers({'request-id': 'r'}),
    });
    expect(anthropicStyle.requestId).toBe('r');
  });

  it("retries what isRetryableStatus says, and takes a provider's own advice", () => {
    expect(
      [503, 500, 429, 529, 401].map(status => providerHttpError({...base, status, detail: 'x'}).isRetryable),
    ).toEqual([true, true, false, false, false]);
    expect(providerHttpError({...base, status: 498, detail: 'x', advice: 'Check the key.'}).message).toMatch(
      /: x\. Check the key\.$/,
    );
    expect(providerHttpError({...base, status: 500, detail: ' '}).message).toContain('for acme-1: no message.');
  });
});

describe('providerStreamError', () => {
  it('is retryable without a status, and judged by the status the error stands for with one', () => {
    const passing = providerStreamError({...base, detail: 'Something went wrong', code: 'code server_error'});
    expect(passing.message).toBe(
      'llm-rx: acme reported an error in its stream for acme-1 (code server_error): Something went wrong. ' +
        'This is usually temporary; it is safe to try again.',
    );
    expect([passing.kind, passing.statusCode, passing.isRetryable]).toEqual(['stream-error', undefined, true]);
    const overloaded = providerStreamError({...base, detail: 'Overloaded', status: 529});
    expect([overloaded.kind, overloaded.statusCode, overloaded.isRetryable]).toEqual(['stream-error', 529, false]);
    expect(overloaded.message).toContain(httpStatusAdvice(529));
  });
});

describe('httpStatusAdvice', () => {
  it('says what to do for the statuses providers answer', () => {
    expect(httpStatusAdvice(401)).toContain('apiKey');
    expect(httpStatusAdvice(404)).toContain('model id');
    expect(httpStatusAdvice(429)).toContain('wait');
    expect(httpStatusAdvice(503)).toContain('safe to try again');
    expect(httpStatusAdvice(418)).toBe('See the response body for details.');
  });
});
