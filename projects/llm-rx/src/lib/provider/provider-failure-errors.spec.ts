import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {mapProviderError, mapUnrecognisedProviderError, unreachableProviderError} from './provider-failure-errors';

describe('unreachableProviderError', () => {
  it('is retryable, of kind connection, and says what to check', () => {
    const cause = new Error('fetch failed');
    const error = unreachableProviderError('acme', 'acme-1', 'ECONNREFUSED', cause);
    expect(error.isRetryable).toBeTrue();
    expect(error.kind).toBe('connection');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      'llm-rx: could not reach acme for acme-1 (ECONNREFUSED). ' +
        'Check the network, the baseURL and, in a browser, CORS; it is safe to retry.',
    );
  });
});

describe('mapUnrecognisedProviderError', () => {
  it('does not take a TypeError that is no network failure for a dropped connection', () => {
    const error = mapUnrecognisedProviderError(
      'acme',
      'acme-1',
      new TypeError('Headers.append: "a\nb" is an invalid header value.'),
    ) as LlmProviderError;
    expect(error.isRetryable).toBeFalse();
    expect(error.kind).toBe('other');
  });

  it('maps a dropped connection through mapTransportError, as retryable', () => {
    const error = mapUnrecognisedProviderError('acme', 'acme-1', new TypeError('terminated')) as LlmProviderError;
    expect(error.isRetryable).toBeTrue();
    expect(error.message).toContain('failed or dropped');
  });

  it('turns anything else into a non-retryable provider error', () => {
    const cause = new Error('bad configuration');
    const error = mapUnrecognisedProviderError('acme', 'acme-1', cause) as LlmProviderError;
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect(error.isRetryable).toBeFalse();
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('llm-rx: the acme call for acme-1 failed: bad configuration');
    expect(mapUnrecognisedProviderError('acme', 'acme-1', 'text').message).toContain('failed: text');
  });
});

describe('mapProviderError', () => {
  const call = {provider: 'acme', model: 'acme-1'};

  it('passes llm-rx errors through without asking the adapter', () => {
    const error = new LlmInvalidRequestError('temperature', 'llm-rx: bad temperature');
    const recognise = jasmine.createSpy('recognise');
    expect(mapProviderError(error, call, recognise)).toBe(error);
    expect(recognise).not.toHaveBeenCalled();
  });

  it("takes the adapter's error, and maps what it leaves or throws on as unrecognised", () => {
    const recognised = new LlmProviderError('llm-rx: acme answered HTTP 503', {provider: 'acme', statusCode: 503});
    expect(mapProviderError(new Error('503'), call, () => recognised)).toBe(recognised);
    expect((mapProviderError(new TypeError('terminated'), call, () => undefined) as LlmProviderError).kind).toBe(
      'connection',
    );
    const thrown = mapProviderError(new Error('odd'), call, () => {
      throw new Error('mapper bug');
    });
    expect(thrown.message).toBe('llm-rx: the acme call for acme-1 failed: odd');
  });
});
