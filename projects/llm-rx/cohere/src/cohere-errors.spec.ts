import {Cohere, CohereError, CohereTimeoutError} from 'cohere-ai';
import {LlmConfigurationError, LlmProviderError} from 'llm-rx';
import {mapCohereError} from './cohere-errors';

const CONTEXT = {model: 'command-a-03-2025', sdk: {CohereError, CohereTimeoutError}};

function rawResponse(status: number, headers: Record<string, string> = {}) {
  return {headers: new Headers(headers), redirected: false, status, statusText: '', type: 'basic' as const, url: ''};
}

function asProviderError(error: unknown): LlmProviderError {
  expect(LlmProviderError.isInstance(error)).toBeTrue();
  return error as LlmProviderError;
}

describe('mapCohereError', () => {
  it('maps a 429 to a non-retryable error with the body, request id and retry-after', () => {
    const body = {message: 'You are using a Trial key, which is limited to 10 API calls / minute.'};
    const thrown = new Cohere.TooManyRequestsError(
      body,
      rawResponse(429, {'retry-after': '3', 'x-request-id': 'req_9'}),
    );
    const error = asProviderError(mapCohereError(thrown, CONTEXT));
    expect(error.provider).toBe('cohere');
    expect(error.model).toBe('command-a-03-2025');
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBeFalse();
    expect(error.retryAfterMs).toBe(3000);
    expect(error.requestId).toBe('req_9');
    expect(error.responseBody).toEqual(body);
    expect(error.message).toBe(
      'llm-rx: cohere answered HTTP 429 for command-a-03-2025: You are using a Trial key, which is limited to 10 ' +
        'API calls / minute. Rate limited (a trial key allows few calls): wait before retrying, or check your plan.',
    );
  });

  it('prefers retry-after-ms, and reads an HTTP date', () => {
    const fromMs = new Cohere.TooManyRequestsError({}, rawResponse(429, {'retry-after-ms': '250', 'retry-after': '9'}));
    expect(asProviderError(mapCohereError(fromMs, CONTEXT)).retryAfterMs).toBe(250);
    const date = new Date(Date.now() + 60_000).toUTCString();
    const fromDate = new Cohere.TooManyRequestsError({}, rawResponse(429, {'retry-after': date}));
    expect(asProviderError(mapCohereError(fromDate, CONTEXT)).retryAfterMs).toBeGreaterThan(50_000);
  });

  it('marks 500, 503 and a plain CohereError with 502 retryable, and 4xx and 529 not', () => {
    const cases: [CohereError, number, boolean][] = [
      [new Cohere.InternalServerError({message: 'x'}, rawResponse(500)), 500, true],
      [new Cohere.ServiceUnavailableError({message: 'x'}, rawResponse(503)), 503, true],
      [new CohereError({statusCode: 502, body: {message: 'x'}}), 502, true],
      [new Cohere.BadRequestError({message: 'x'}, rawResponse(400)), 400, false],
      [new Cohere.UnauthorizedError({message: 'x'}, rawResponse(401)), 401, false],
      [new Cohere.NotFoundError({message: 'x'}, rawResponse(404)), 404, false],
      [new CohereError({statusCode: 529, body: {message: 'x'}}), 529, false],
    ];
    for (const [thrown, status, isRetryable] of cases) {
      const error = asProviderError(mapCohereError(thrown, CONTEXT));
      expect(error.statusCode).withContext(String(status)).toBe(status);
      expect(error.isRetryable).withContext(String(status)).toBe(isRetryable);
    }
  });

  it('maps a failed fetch (CohereError without status) and a header timeout to retryable errors', () => {
    const fetchFailed = new CohereError({message: 'Failed to fetch', cause: new TypeError('Failed to fetch')});
    const unreachable = asProviderError(mapCohereError(fetchFailed, CONTEXT));
    expect(unreachable.statusCode).toBeUndefined();
    expect(unreachable.isRetryable).toBeTrue();
    expect(unreachable.message).toContain('could not reach cohere');
    const timeout = asProviderError(mapCohereError(new CohereTimeoutError('Timeout exceeded'), CONTEXT));
    expect(timeout.isRetryable).toBeTrue();
  });

  it('says how the call failed', () => {
    expect(
      asProviderError(mapCohereError(new Cohere.BadRequestError({message: 'x'}, rawResponse(400)), CONTEXT)).kind,
    ).toBe('http');
    expect(asProviderError(mapCohereError(new TypeError('terminated'), CONTEXT)).kind).toBe('connection');
    expect(asProviderError(mapCohereError(new SyntaxError('Unexpected end'), CONTEXT)).kind).toBe('malformed-stream');
  });

  it('maps a dropped stream and a malformed event through the transport mapping, and passes llm-rx errors on', () => {
    expect(asProviderError(mapCohereError(new TypeError('terminated'), CONTEXT)).isRetryable).toBeTrue();
    expect(asProviderError(mapCohereError(new SyntaxError('Unexpected end'), CONTEXT)).message).toContain('malformed');
    const own = new LlmConfigurationError('llm-rx: nope');
    expect(mapCohereError(own, CONTEXT)).toBe(own);
  });

  it('maps anything else to a non-retryable error', () => {
    const error = asProviderError(mapCohereError(new Error('odd'), CONTEXT));
    expect(error.isRetryable).toBeFalse();
    expect(error.message).toBe('llm-rx: the cohere call for command-a-03-2025 failed: odd');
  });
});
