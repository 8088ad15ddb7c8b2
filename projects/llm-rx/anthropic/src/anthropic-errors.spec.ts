import * as sdk from '@anthropic-ai/sdk';
import {LlmProviderError, mapProviderError} from 'llm-rx';
import {mapAnthropicError} from './anthropic-errors';

const MODEL = 'claude-haiku-4-5';

function httpError(status: number, type: string, message: string, headers: Record<string, string> = {}) {
  const body = {type: 'error', error: {type, message}, request_id: 'req_body'};
  return sdk.APIError.generate(status, body, undefined, new Headers({'request-id': 'req_123', ...headers}));
}

const context = {provider: 'anthropic', model: MODEL, sdk};

/** What the core emits for an SDK error, with this mapper. */
function map(error: unknown, sdkContext: Partial<typeof context> = context): LlmProviderError {
  const mapped = mapProviderError(error, context, caught => mapAnthropicError(caught, {...context, ...sdkContext}));
  expect(LlmProviderError.isInstance(mapped)).withContext(String(mapped)).toBeTrue();
  return mapped as LlmProviderError;
}

describe('mapAnthropicError', () => {
  const statuses: [number, string, boolean][] = [
    [400, 'invalid_request_error', false],
    [401, 'authentication_error', false],
    [403, 'permission_error', false],
    [404, 'not_found_error', false],
    [408, 'timeout_error', true],
    [429, 'rate_limit_error', false],
    [500, 'api_error', true],
    [502, 'api_error', true],
    [503, 'api_error', true],
    [529, 'overloaded_error', false],
  ];
  for (const [status, type, isRetryable] of statuses) {
    it(`maps HTTP ${status} to a provider error with retryable ${isRetryable}`, () => {
      const error = map(httpError(status, type, 'It failed'));
      expect(error.provider).toBe('anthropic');
      expect(error.model).toBe(MODEL);
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(isRetryable);
      expect(error.requestId).toBe('req_123');
      expect(error.responseBody).toEqual({type: 'error', error: {type, message: 'It failed'}, request_id: 'req_body'});
      expect(error.message).toMatch(
        new RegExp(`^llm-rx: anthropic answered HTTP ${status} \\(${type}\\) for ${MODEL}: It failed\\.`),
      );
    });
  }

  it('classifies the SDK leaf class of 529 (OverloadedError, an InternalServerError) by status', () => {
    const original = httpError(529, 'overloaded_error', 'Overloaded');
    expect(original instanceof sdk.InternalServerError).toBeTrue();
    expect(map(original).isRetryable).toBeFalse();
  });

  it('reads retry-after as seconds and retry-after-ms as milliseconds', () => {
    expect(map(httpError(429, 'rate_limit_error', 'Slow down', {'retry-after': '2'})).retryAfterMs).toBe(2000);
    expect(map(httpError(429, 'rate_limit_error', 'Slow down', {'retry-after-ms': '150'})).retryAfterMs).toBe(150);
    expect(map(httpError(429, 'rate_limit_error', 'Slow down')).retryAfterMs).toBeUndefined();
  });

  it('maps an in-stream error event by the status of its error type', () => {
    const overloaded = {type: 'error', error: {type: 'overloaded_error', message: 'Overloaded'}};
    const overloadedError = map(new sdk.APIError(undefined, overloaded, undefined, new Headers(), 'overloaded_error'));
    // The status its type stands for, so that it is judged (and can be branched on) like the HTTP error.
    expect(overloadedError.statusCode).toBe(529);
    expect(overloadedError.isRetryable).toBeFalse();
    expect(overloadedError.responseBody).toEqual(overloaded);
    expect(overloadedError.message).toBe(
      `llm-rx: anthropic reported an error in its stream for ${MODEL} (overloaded_error): Overloaded. ` +
        'The service is overloaded: fail over to another provider or try again later.',
    );
    const apiError = {type: 'error', error: {type: 'api_error', message: 'Internal'}};
    expect(map(new sdk.APIError(undefined, apiError, undefined, new Headers(), 'api_error')).isRetryable).toBeTrue();
  });

  it('maps APIConnectionError (no response, e.g. refused or blocked by CORS) to a retryable error', () => {
    const error = map(new sdk.APIConnectionError({message: 'Connection error.', cause: new TypeError('fetch failed')}));
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBeTrue();
    expect(error.message).toContain('could not reach anthropic');
  });

  it('maps a bare TypeError (connection dropped mid-stream) to a retryable error', () => {
    const error = map(new TypeError('terminated'));
    expect(error.isRetryable).toBeTrue();
    expect(error.message).toContain('terminated');
  });

  it('maps a SyntaxError (malformed event) to a provider error that names it', () => {
    expect(map(new SyntaxError('Unexpected token n in JSON')).message).toContain('malformed stream event');
  });

  it('maps other errors to a non-retryable provider error, and without the SDK recognises nothing', () => {
    const unknown = new Error('Could not resolve authentication method');
    expect(mapAnthropicError(unknown, context)).toBeUndefined();
    expect(map(unknown).isRetryable).toBeFalse();
    expect(mapAnthropicError(httpError(500, 'api_error', 'x'), {...context, sdk: undefined})).toBeUndefined();
    expect(map(httpError(500, 'api_error', 'x'), {sdk: undefined}).kind).toBe('other');
  });

  it('says how the call failed: an HTTP status or an error event in the stream', () => {
    expect(map(httpError(401, 'authentication_error', 'invalid x-api-key')).kind).toBe('http');
    const body = {type: 'error', error: {type: 'overloaded_error', message: 'x'}};
    const inStream = new sdk.APIError(undefined, body, undefined, new Headers(), 'overloaded_error');
    expect(map(inStream).kind).toBe('stream-error');
  });
});
