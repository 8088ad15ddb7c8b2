import {LlmProviderError} from '../errors/llm-provider-error';
import {redactLlmError} from './redact-llm-error';

const KEY = 'co-Qz7vLm2Kx9Tq4Wn8Rb3Yh6Jd';

class SdkError extends Error {
  constructor(
    message: string,
    readonly body: unknown,
    readonly headers?: Headers,
  ) {
    super(message);
    this.name = 'SdkError';
  }
}

describe('redactLlmError', () => {
  it('cuts the key out of the message, the stack, the response body and the whole cause chain', () => {
    const root = new TypeError(`header value Bearer ${KEY} is invalid`);
    const cause = new SdkError(`401 Incorrect API key provided: ${KEY}`, {error: {message: `bad key ${KEY}`}});
    Object.defineProperty(cause, 'cause', {value: root, enumerable: false});
    const error = new LlmProviderError(`llm-rx: openai answered 401: Incorrect API key provided: ${KEY}`, {
      provider: 'openai',
      statusCode: 401,
      responseBody: {error: {message: `bad key ${KEY}`}},
      cause,
    });

    expect(redactLlmError(error, [KEY])).toBe(error);
    const everything = [
      error.message,
      error.stack,
      JSON.stringify(error.responseBody),
      (error.cause as SdkError).message,
      (error.cause as SdkError).stack,
      JSON.stringify((error.cause as SdkError).body),
      ((error.cause as SdkError).cause as Error).message,
    ].join('\n');
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain('Qz7vLm2K');
    expect(error.message).toBe('llm-rx: openai answered 401: Incorrect API key provided: ***');
    expect(error.cause).not.toBe(cause);
    expect(error.cause).withContext('the copy keeps the class').toBeInstanceOf(SdkError);
    expect((error.cause as SdkError).name).toBe('SdkError');
    expect(Object.keys(error.cause as object))
      .withContext('and what is enumerable')
      .toEqual(Object.keys(cause));
    expect(cause.message).withContext('the SDK error itself is not changed').toContain(KEY);
  });

  it('cuts key-shaped values it was not given, such as a plain random token a proxy added', () => {
    const plainKey = 'Hq3ZkL9vTx2WmN8bRc4YpJ7sDf6GhA1eUo5iKl0P';
    const error = new LlmProviderError(`llm-rx: cohere answered 401: invalid api token ${plainKey}`, {
      provider: 'cohere',
      statusCode: 401,
      cause: new Error(`invalid api token ${plainKey}`),
    });
    redactLlmError(error);
    expect(error.message).toBe('llm-rx: cohere answered 401: invalid api token [redacted]');
    expect((error.cause as Error).message).toBe('invalid api token [redacted]');
  });

  it('keeps a cause with nothing to cut as the very same object, and copies response headers it must change', () => {
    const clean = new Error('503 Service Unavailable');
    const error = new LlmProviderError('llm-rx: openai answered 503', {
      provider: 'openai',
      statusCode: 503,
      cause: clean,
    });
    expect(redactLlmError(error, [KEY]).cause).toBe(clean);

    const echoed = new SdkError('401', undefined, new Headers({'x-echo': `Bearer ${KEY}`, 'x-request-id': 'req_1'}));
    const withHeaders = new LlmProviderError('llm-rx: 401', {provider: 'openai', cause: echoed});
    const headers = (redactLlmError(withHeaders, [KEY]).cause as SdkError).headers!;
    expect(headers.get('x-echo')).toBe('Bearer ***');
    expect(headers.get('x-request-id')).toBe('req_1');
  });

  it('copies a cycle once and stops at a depth limit', () => {
    const looped: Record<string, unknown> = {message: `key ${KEY}`};
    looped['self'] = looped;
    let deep: Record<string, unknown> = {message: `key ${KEY}`};
    for (let level = 0; level < 20; level++) deep = {next: deep};
    const error = new LlmProviderError('llm-rx: x', {provider: 'p', cause: {looped, deep}});
    redactLlmError(error, [KEY]);
    const copy = error.cause as {looped: Record<string, unknown>; deep: unknown};
    expect(copy.looped['self']).toBe(copy.looped);
    expect(copy.looped['message']).toBe('key ***');
    expect(JSON.stringify(copy.deep)).not.toContain(KEY);
  });
});
