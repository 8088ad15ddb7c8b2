import {LlmProviderError, mapProviderError} from 'llm-rx';
import OpenAI from 'openai';
import type {APIError} from 'openai';
import {mapOpenAiError} from './openai-errors';

const context = {provider: 'openai', model: 'gpt-4.1-mini', sdk: OpenAI};

function statusError(status: number, body: unknown, headers: Record<string, string> = {}): APIError {
  return OpenAI.APIError.generate(status, body as object, undefined, new Headers(headers));
}

/** What the core emits for an SDK error, with this mapper. */
function mapped(error: unknown, sdkContext: Partial<typeof context> = context): LlmProviderError {
  const result = mapProviderError(error, context, caught => mapOpenAiError(caught, {...context, ...sdkContext}));
  expect(LlmProviderError.isInstance(result)).withContext(String(result)).toBeTrue();
  return result as LlmProviderError;
}

describe('mapOpenAiError', () => {
  it('maps a 429 with status, body, request id and retry-after, not retryable', () => {
    const body = {
      error: {
        message: 'Rate limit reached for gpt-4.1-mini',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    };
    const error = mapped(statusError(429, body, {'retry-after': '2', 'x-request-id': 'req_1'}));
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBeFalse();
    expect(error.responseBody).toEqual(body.error);
    expect(error.requestId).toBe('req_1');
    expect(error.retryAfterMs).toBe(2000);
    expect(error.provider).toBe('openai');
    expect(error.model).toBe('gpt-4.1-mini');
    expect(error.message).toMatch(/^llm-rx: openai answered HTTP 429 for gpt-4\.1-mini: Rate limit reached/);
    expect(error.message).toContain('wait');
  });

  it('marks 500 and 503 retryable, 529 and 4xx not', () => {
    const body = {error: {message: 'boom', type: 'server_error', param: null, code: null}};
    expect(mapped(statusError(500, body)).isRetryable).toBeTrue();
    expect(mapped(statusError(503, body)).isRetryable).toBeTrue();
    expect(mapped(statusError(529, body)).isRetryable).toBeFalse();
    for (const status of [400, 401, 403, 404]) {
      const error = mapped(statusError(status, body));
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).withContext(String(status)).toBeFalse();
    }
  });

  it('says what to do for a 401 and a 404', () => {
    expect(mapped(statusError(401, {error: {message: 'Invalid key'}})).message).toContain('apiKey');
    expect(mapped(statusError(404, {error: {message: 'No such model'}})).message).toContain('model id');
  });

  it('says how the call failed: an HTTP status, the stream, the connection', () => {
    expect(mapped(statusError(401, {error: {message: 'Invalid key'}})).kind).toBe('http');
    expect(mapped(new OpenAI.APIError(undefined, {message: 'overloaded'}, undefined, undefined)).kind).toBe(
      'stream-error',
    );
    expect(mapped(new OpenAI.APIConnectionError({cause: new TypeError('fetch failed')})).kind).toBe('connection');
  });

  it('maps an in-stream error (no status) to a retryable error with its code', () => {
    const streamError = new OpenAI.APIError(
      undefined,
      {type: 'error', code: 'server_error', message: 'Something went wrong', param: null},
      undefined,
      new Headers({'x-request-id': 'req_2'}),
    );
    const error = mapped(streamError);
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBeTrue();
    expect(error.requestId).toBe('req_2');
    expect(error.message).toContain('code server_error');
    expect(error.message).toContain('Something went wrong');
  });

  it('maps a connection error to a retryable error', () => {
    const error = mapped(
      new OpenAI.APIConnectionError({message: 'Connection error.', cause: new TypeError('fetch failed')}),
    );
    expect(error.isRetryable).toBeTrue();
    expect(error.message).toContain('fetch failed');
  });

  it('maps an abort before the answer to a non-retryable error', () => {
    expect(mapped(new OpenAI.APIUserAbortError()).isRetryable).toBeFalse();
  });

  it('maps a dropped stream (TypeError) and a malformed event (SyntaxError) to retryable errors', () => {
    expect(mapped(new TypeError('terminated')).isRetryable).toBeTrue();
    expect(mapped(new SyntaxError('Error reading response: malformed server-sent event JSON.')).isRetryable).toBeTrue();
  });

  it('maps anything else to a non-retryable error', () => {
    const error = mapped(new OpenAI.OpenAIError('bad configuration'));
    expect(error.isRetryable).toBeFalse();
    expect(error.kind).toBe('other');
  });

  it('recognises nothing when the SDK is not loaded, so that only transport errors are known', () => {
    expect(mapOpenAiError(new TypeError('network error'), {provider: 'openai', model: 'm'})).toBeUndefined();
    expect(mapped(new TypeError('network error'), {sdk: undefined}).kind).toBe('connection');
    expect(mapped(statusError(500, {error: {message: 'boom'}}), {sdk: undefined}).kind).toBe('other');
  });
});
