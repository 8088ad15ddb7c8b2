import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {mapTransportError} from './map-transport-error';

describe('mapTransportError', () => {
  it('maps a dropped connection (TypeError) to a retryable provider error with the cause', () => {
    const cause = new TypeError('terminated');
    const error = mapTransportError('anthropic', 'claude-test', cause);
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    const providerError = error as LlmProviderError;
    expect(providerError.isRetryable).toBeTrue();
    expect(providerError.provider).toBe('anthropic');
    expect(providerError.model).toBe('claude-test');
    expect(providerError.statusCode).toBeUndefined();
    expect(providerError.cause).toBe(cause);
    expect(providerError.message).toContain('connection to anthropic failed or dropped for claude-test (terminated)');
  });

  it('maps a malformed event (SyntaxError) to a retryable provider error with the cause', () => {
    const cause = new SyntaxError('Unexpected end of JSON input');
    const error = mapTransportError('gemini', 'gemini-test', cause) as LlmProviderError;
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect(error.isRetryable).toBeTrue();
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('malformed stream event for gemini-test (Unexpected end of JSON input)');
  });

  it('says which kind of failure it was', () => {
    expect((mapTransportError('a', 'm', new TypeError('network error')) as LlmProviderError).kind).toBe('connection');
    expect((mapTransportError('a', 'm', new SyntaxError('Unexpected token')) as LlmProviderError).kind).toBe(
      'malformed-stream',
    );
  });

  it("knows each runtime's words for a failed or dropped fetch, and Node's socket codes", () => {
    for (const message of [
      'fetch failed',
      'terminated',
      'Failed to fetch',
      'network error',
      'NetworkError when attempting to fetch resource.',
      'Load failed',
      'The network connection was lost.',
    ]) {
      expect(mapTransportError('a', 'm', new TypeError(message)))
        .withContext(message)
        .toEqual(jasmine.objectContaining({kind: 'connection', isRetryable: true}));
    }
    const refused = new TypeError('something new', {cause: {code: 'ECONNREFUSED'}});
    expect((mapTransportError('a', 'm', refused) as LlmProviderError).kind).toBe('connection');
  });

  it('returns undefined for anything else, for the adapter to map, TypeErrors that are no network failure included', () => {
    for (const error of [
      new Error('400 Bad Request'),
      new RangeError('x'),
      'a string',
      undefined,
      {status: 500},
      new TypeError('Failed to parse URL from not a url/responses'),
      new TypeError('Headers.append: "Bearer x\ny" is an invalid header value.'),
      new TypeError("Cannot read properties of undefined (reading 'choices')"),
    ]) {
      expect(mapTransportError('openai', 'gpt-test', error))
        .withContext(String(error))
        .toBeUndefined();
    }
    expect(LlmError.isInstance(mapTransportError('openai', 'gpt-test', new TypeError('terminated')))).toBeTrue();
  });
});
