import {Cohere, CohereError, CohereTimeoutError} from 'cohere-ai';
import {LlmProviderError, mapProviderError} from 'llm-rx';
import {mapCohereError} from './cohere-errors';

const CONTEXT = {provider: 'cohere', model: 'command-a-03-2025', sdk: {CohereError, CohereTimeoutError}};

function rawResponse(status: number, headers: Record<string, string> = {}) {
  return {headers: new Headers(headers), redirected: false, status, statusText: '', type: 'basic' as const, url: ''};
}

/** What the core emits for an SDK error, with this mapper. */
function asProviderError(error: unknown): LlmProviderError {
  const mapped = mapProviderError(error, CONTEXT, caught => mapCohereError(caught, CONTEXT));
  expect(LlmProviderError.isInstance(mapped)).toBeTrue();
  return mapped as LlmProviderError;
}

describe('mapCohereError', () => {
  it('maps a 429 to a non-retryable error with the body, request id and retry-after', () => {
    const body = {message: 'You are using a Trial key, which is limited to 10 API calls / minute.'};
    const thrown = new Cohere.TooManyRequestsError(
      body,
      rawResponse(429, {'retry-after': '3', 'x-request-id': 'req_9'}),
    );
    const error = asProviderError(thrown);
    expect(error.provider).toBe('cohere');
    expect(error.model).toBe('command-a-03-2025');
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBeFalse();
    expect(error.retryAfterMs).toBe(3000);
    expect(error.requestId).toBe('req_9');
    expect(error.responseBody).toEqual(body);
    expect(error.message).toBe(
      'llm-rx: cohere answered HTTP 429 for command-a-03-2025: You are using a Trial key, which is limited to 10 ' +
        'API calls / minute. Rate limited or out of quota: wait before retrying, fail over to another provider, or check ' +
        'your plan.',
    );
  });

  it('prefers retry-after-ms, and reads an HTTP date', () => {
    const fromMs = new Cohere.TooManyRequestsError({}, rawResponse(429, {'retry-after-ms': '250', 'retry-after': '9'}));
    expect(asProviderError(fromMs).retryAfterMs).toBe(250);
    const date = new Date(Date.now() + 60_000).toUTCString();
    const fromDate = new Cohere.TooManyRequestsError({}, rawResponse(429, {'retry-after': date}));
    expect(asProviderError(fromDate).retryAfterMs).toBeGreaterThan(50_000);
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
      const error = asProviderError(thrown);
      expect(error.statusCode).withContext(String(status)).toBe(status);
      expect(error.isRetryable).withContext(String(status)).toBe(isRetryable);
    }
  });

  it('maps a failed fetch (CohereError without status) and a header timeout to retryable errors', () => {
    const fetchFailed = new CohereError({message: 'Failed to fetch', cause: new TypeError('Failed to fetch')});
    const unreachable = asProviderError(fetchFailed);
    expect(unreachable.statusCode).toBeUndefined();
    expect(unreachable.isRetryable).toBeTrue();
    expect(unreachable.message).toContain('could not reach cohere');
    const timeout = asProviderError(new CohereTimeoutError('Timeout exceeded'));
    expect(timeout.isRetryable).toBeTrue();
  });

  it('says how the call failed', () => {
    expect(asProviderError(new Cohere.BadRequestError({message: 'x'}, rawResponse(400))).kind).toBe('http');
    expect(asProviderError(new TypeError('terminated')).kind).toBe('connection');
    expect(asProviderError(new SyntaxError('Unexpected end')).kind).toBe('malformed-stream');
  });

  it('leaves a dropped stream and a malformed event to the transport mapping', () => {
    expect(mapCohereError(new TypeError('terminated'), CONTEXT)).toBeUndefined();
    expect(asProviderError(new TypeError('terminated')).isRetryable).toBeTrue();
    expect(asProviderError(new SyntaxError('Unexpected end')).message).toContain('malformed');
  });

  it("gives Cohere's 498 (an invalid token) the key advice", () => {
    const thrown = new CohereError({
      message: 'invalid api token',
      statusCode: 498,
      body: {message: 'invalid api token'},
    });
    expect(asProviderError(thrown).message).toContain('Check the apiKey option');
  });

  it('maps anything else to a non-retryable error', () => {
    const error = asProviderError(new Error('odd'));
    expect(error.isRetryable).toBeFalse();
    expect(error.message).toBe('llm-rx: the cohere call for command-a-03-2025 failed: odd');
  });
});
