import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import {mapTransportError} from './map-transport-error';

describe('mapTransportError', () => {
  it('returns an llm-rx error unchanged', () => {
    const error = new LlmTimeoutError({kind: 'idle', timeoutMs: 10, chunksSeen: 1});
    expect(mapTransportError('openai', 'gpt-test', error)).toBe(error);
  });

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

  it('does not copy a key quoted by a JSON parse error into its message', () => {
    // V8's message for a proxy's error text in place of an event: it quotes the text it could not parse.
    const cause = new SyntaxError(`Unexpected token 'k', "key sk-test-123" is not valid JSON`);
    const error = mapTransportError('openai', 'gpt-test', cause) as LlmProviderError;
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect(error.message).not.toContain('sk-test-123');
    expect(error.cause).toBe(cause);
  });

  it('returns undefined for anything else, for the adapter to map', () => {
    for (const error of [new Error('400 Bad Request'), new RangeError('x'), 'a string', undefined, {status: 500}]) {
      expect(mapTransportError('openai', 'gpt-test', error))
        .withContext(String(error))
        .toBeUndefined();
    }
    expect(LlmError.isInstance(mapTransportError('openai', 'gpt-test', new TypeError('x')))).toBeTrue();
  });
});
