import {LlmError} from 'llm-rx';
import {LlmLogError, logErrorKindOf} from './llm-log-error';

describe('LlmLogError', () => {
  it('is an LlmError with a kind and a cause, recognised by isInstance', () => {
    const cause = new Error('disk full');
    const error = new LlmLogError('quota', 'llm-rx/logging: storage is full.', cause);
    expect(LlmLogError.isInstance(error)).toBeTrue();
    expect(LlmError.isInstance(error)).toBeTrue();
    expect(error.kind).toBe('quota');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('LlmLogError');
    expect(LlmLogError.isInstance(new LlmError('other'))).toBeFalse();
    expect(LlmLogError.isInstance(null)).toBeFalse();
  });
});

describe('logErrorKindOf', () => {
  function named(name: string, extra: object = {}): Error {
    return Object.assign(new Error(name), {name}, extra);
  }

  it('finds a quota error behind Dexie wrappers and causes', () => {
    expect(logErrorKindOf(named('QuotaExceededError'))).toBe('quota');
    expect(logErrorKindOf(named('AbortError', {inner: named('QuotaExceededError')}))).toBe('quota');
    expect(logErrorKindOf(named('BulkError', {cause: named('QuotaExceededError')}))).toBe('quota');
  });

  it('calls a missing or unopenable database unavailable', () => {
    expect(logErrorKindOf(named('MissingAPIError'))).toBe('unavailable');
    expect(logErrorKindOf(named('DatabaseClosedError', {inner: named('OpenFailedError')}))).toBe('unavailable');
  });

  it('calls anything else a write error', () => {
    expect(logErrorKindOf(named('ConstraintError'))).toBe('write');
    expect(logErrorKindOf('boom')).toBe('write');
  });
});
