import {
  LlmAbortError,
  LlmCascadeError,
  LlmConfigurationError,
  LlmError,
  LlmInvalidRequestError,
  LlmTimeoutError,
  LlmTruncationError,
} from 'llm-rx';
import {usagePart} from 'llm-rx/testing';
import {shouldFailOver} from './cascade';
import {providerError} from './cascade-fixtures';

describe('shouldFailOver', () => {
  it('fails over on provider errors of any status, and on timeouts', () => {
    for (const statusCode of [undefined, 400, 401, 404, 429, 500, 503, 529]) {
      expect(shouldFailOver(providerError('a', statusCode)))
        .withContext(String(statusCode))
        .toBeTrue();
    }
    expect(shouldFailOver(new LlmTimeoutError({kind: 'first-chunk', timeoutMs: 100, chunksSeen: 0}))).toBeTrue();
    expect(shouldFailOver(new LlmCascadeError([])))
      .withContext('a nested cascade whose children all failed')
      .toBeTrue();
  });

  it('does not fail over where another provider cannot help', () => {
    const usage = usagePart({finishReason: {unified: 'length', raw: 'max_tokens'}}).usage;
    expect(shouldFailOver(new LlmConfigurationError('llm-rx: no key'))).toBeFalse();
    expect(shouldFailOver(new LlmInvalidRequestError('temperature', 'llm-rx: bad temperature'))).toBeFalse();
    expect(shouldFailOver(new LlmTruncationError('partial', usage, 10))).toBeFalse();
    expect(shouldFailOver(new LlmAbortError('a', 'gone'))).toBeFalse();
    expect(shouldFailOver(new LlmError('llm-rx: other'))).toBeFalse();
    expect(shouldFailOver(new TypeError('bug'))).toBeFalse();
    expect(shouldFailOver('a string')).toBeFalse();
  });
});
