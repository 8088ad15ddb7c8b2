import {ApiError} from '@google/genai';
import {LlmProviderError, mapProviderError} from 'llm-rx';
import {mapGeminiError} from './gemini-errors';

const CONTEXT = {provider: 'gemini', model: 'gemini-2.5-flash'};

/** An `ApiError` as the SDK throws it for an HTTP error: the message is the JSON body. */
function httpError(status: number, body: unknown): ApiError {
  return new ApiError({message: JSON.stringify(body), status});
}

/** What the core emits for an SDK error, with this mapper. */
function asProviderError(error: unknown): LlmProviderError {
  const mapped = mapProviderError(error, CONTEXT, caught => mapGeminiError(caught, CONTEXT));
  expect(LlmProviderError.isInstance(mapped)).toBeTrue();
  return mapped as LlmProviderError;
}

describe('mapGeminiError', () => {
  it('maps an HTTP 429 to a non-retryable error with the body and the RetryInfo delay', () => {
    const body = {
      error: {
        code: 429,
        message: 'Resource has been exhausted (e.g. check quota).',
        status: 'RESOURCE_EXHAUSTED',
        details: [{'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s'}],
      },
    };
    const error = asProviderError(httpError(429, body));
    expect(error.provider).toBe('gemini');
    expect(error.model).toBe('gemini-2.5-flash');
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBeFalse();
    expect(error.retryAfterMs).toBe(1500);
    expect(error.responseBody).toEqual(body);
    expect(error.message).toMatch(
      /^llm-rx: gemini answered HTTP 429 for gemini-2\.5-flash: Resource has been exhausted/,
    );
    expect(error.message).toContain('wait before retrying');
  });

  it('marks 500 and 503 retryable, and 400, 401, 403 and 404 not', () => {
    for (const [status, isRetryable] of [
      [500, true],
      [503, true],
      [400, false],
      [401, false],
      [403, false],
      [404, false],
    ] as const) {
      const error = asProviderError(httpError(status, {error: {code: status, message: 'x'}}));
      expect(error.statusCode).withContext(String(status)).toBe(status);
      expect(error.isRetryable).withContext(String(status)).toBe(isRetryable);
      expect(error.retryAfterMs).toBeUndefined();
    }
  });

  it('maps an in-stream error object to a retryable error that says it came in the stream', () => {
    const body = {error: {code: 500, message: 'Internal error', status: 'INTERNAL'}};
    const thrown = new ApiError({message: `got status: INTERNAL. ${JSON.stringify(body)}`, status: 500});
    const error = asProviderError(thrown);
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBeTrue();
    expect(error.responseBody).toEqual(body);
    expect(error.message).toContain('reported an error in its stream for gemini-2.5-flash (HTTP 500): Internal error');
    expect(error.cause).toBe(thrown);
  });

  it('says how the call failed: an HTTP error, a dropped connection, a malformed event', () => {
    expect(asProviderError(httpError(400, {error: {code: 400, message: 'bad'}})).kind).toBe('http');
    expect(asProviderError(new TypeError('terminated')).kind).toBe('connection');
    expect(asProviderError(new SyntaxError('Unexpected end')).kind).toBe('malformed-stream');
    expect(asProviderError(new Error('Incomplete JSON segment at the end')).kind).toBe('incomplete-stream');
  });

  it('maps a dropped connection and a malformed event to retryable errors', () => {
    const dropped = asProviderError(new TypeError('terminated'));
    expect(dropped.isRetryable).toBeTrue();
    expect(dropped.statusCode).toBeUndefined();
    expect(dropped.message).toContain('terminated');
    const malformed = asProviderError(new SyntaxError('Unexpected end of JSON input'));
    expect(malformed.isRetryable).toBeTrue();
    expect(malformed.message).toContain('malformed');
  });

  it('maps a stream cut mid-event to a retryable error, and other failures to non-retryable ones', () => {
    const cut = asProviderError(new Error('Incomplete JSON segment at the end'));
    expect(cut.isRetryable).toBeTrue();
    const other = asProviderError(new Error('invalid model parameter'));
    expect(other.isRetryable).toBeFalse();
    expect(other.message).toBe('llm-rx: the gemini call for gemini-2.5-flash failed: invalid model parameter');
  });

  it('gives a 400 that blames the key the key advice', () => {
    const body = {error: {code: 400, message: 'API key not valid. Please pass a valid API key.'}};
    expect(asProviderError(httpError(400, body)).message).toContain('Check the apiKey option');
    expect(asProviderError(httpError(400, {error: {code: 400, message: 'bad field'}})).message).toContain(
      'Check the request',
    );
  });
});
