import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {mapUnrecognisedProviderError, unreachableProviderError} from './provider-failure-errors';

const KEY = 'acme-secret-key-0123';

describe('unreachableProviderError', () => {
  it('is retryable, says what to check and never quotes the key', () => {
    const cause = new Error('fetch failed');
    const error = unreachableProviderError('acme', 'acme-1', `ECONNREFUSED with ${KEY}`, cause, KEY);
    expect(error.isRetryable).toBeTrue();
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      'llm-rx: could not reach acme for acme-1 (ECONNREFUSED with ***). ' +
        'Check the network, the baseURL and, in a browser, CORS; it is safe to retry.',
    );
  });
});

describe('mapUnrecognisedProviderError', () => {
  it('passes llm-rx errors through', () => {
    const error = new LlmInvalidRequestError('temperature', 'llm-rx: bad temperature');
    expect(mapUnrecognisedProviderError('acme', 'acme-1', error)).toBe(error);
  });

  it('maps a dropped connection through mapTransportError, as retryable', () => {
    const error = mapUnrecognisedProviderError('acme', 'acme-1', new TypeError('terminated')) as LlmProviderError;
    expect(error.isRetryable).toBeTrue();
    expect(error.message).toContain('failed or dropped');
  });

  it('turns anything else into a non-retryable provider error without the key', () => {
    const cause = new Error(`bad configuration for ${KEY}`);
    const error = mapUnrecognisedProviderError('acme', 'acme-1', cause, KEY) as LlmProviderError;
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect(error.isRetryable).toBeFalse();
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('llm-rx: the acme call for acme-1 failed: bad configuration for ***');
    expect(mapUnrecognisedProviderError('acme', 'acme-1', 'text').message).toContain('failed: text');
  });
});
