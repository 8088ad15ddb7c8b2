import {
  LlmAbortError,
  LlmCascadeError,
  LlmImageInputError,
  LlmInvalidRequestError,
  LlmProviderError,
  LlmProxyRefusalError,
  LlmTimeoutError,
  LlmTruncationError,
  type LlmUsage,
} from 'llm-rx';
import {describeLlmError} from './describe-llm-error';

describe('describeLlmError', () => {
  const providerError = (statusCode: number | undefined, retryAfterMs?: number) =>
    new LlmProviderError('boom', {provider: 'openai', model: 'gpt-5-nano', statusCode, retryAfterMs});

  it('tells to check the key on 401', () => {
    const description = describeLlmError(providerError(401));
    expect(description.title).toContain('rejected the API key (401)');
    expect(description.advice).toContain('Check the key');
  });

  it('tells to add a fallback on 429 and 529, with the wait the provider asked for', () => {
    expect(describeLlmError(providerError(429, 2000)).title).toBe(
      'openai (gpt-5-nano) is rate-limiting this key (429). It asks to wait 2 s.',
    );
    expect(describeLlmError(providerError(429)).advice).toContain('add a fallback');
    expect(describeLlmError(providerError(529)).title).toContain('overloaded (529)');
    expect(describeLlmError(providerError(529)).advice).toContain('add a fallback');
  });

  it('tells a broken connection, an error in the stream, a malformed and an incomplete stream apart', () => {
    const ofKind = (kind: LlmProviderError['kind']) =>
      describeLlmError(new LlmProviderError('boom', {provider: 'openai', kind})).title;
    expect(ofKind('connection')).toBe('The connection to openai failed or broke off.');
    expect(ofKind('stream-error')).toBe('openai reported an error while it answered.');
    expect(ofKind('malformed-stream')).toContain('could not be read');
    expect(ofKind('incomplete-stream')).toContain('ended before its final event');
    expect(
      new Set(['connection', 'stream-error', 'malformed-stream', 'incomplete-stream'].map(k => ofKind(k as never)))
        .size,
    ).toBe(4);
    expect(describeLlmError(providerError(undefined)).title).not.toContain('connection');
  });

  it('describes a refusal of the demo proxy by its reason, not by its HTTP status, alone or in a cascade', () => {
    const refusal = new LlmProxyRefusalError('daily cost budget reached', {
      provider: 'openai',
      model: 'gpt-5-nano',
      statusCode: 429,
      reason: 'daily-cost',
      retryAfterMs: 7_200_000,
    });
    const description = describeLlmError(refusal);
    expect(description.title).toBe("The proxy's daily budget is reached, resets in 2 h.");
    expect(description.title).not.toContain('rate-limiting');
    const unreachable = new LlmProxyRefusalError('could not reach', {
      provider: 'openai',
      statusCode: 502,
      reason: 'upstream-unreachable',
    });
    expect(describeLlmError(unreachable).title).not.toContain('server error');
    const cascade = new LlmCascadeError([{provider: 'openai', model: 'gpt-5-nano', outcome: 'error', error: refusal}]);
    expect(describeLlmError(cascade).attempts[0].title).toBe(description.title);
  });

  it('says a call cancelled through its signal was cancelled', () => {
    expect(describeLlmError(new LlmAbortError('openai', 'gone')).title).toBe('The call was cancelled.');
  });

  it('names the timeout and the setting to raise', () => {
    const firstChunk = new LlmTimeoutError({kind: 'first-chunk', timeoutMs: 500, provider: 'gemini', chunksSeen: 0});
    const idle = new LlmTimeoutError({kind: 'idle', timeoutMs: 900, provider: 'gemini', chunksSeen: 3});
    expect(describeLlmError(firstChunk).title).toBe('gemini sent no answer within 500 ms.');
    expect(describeLlmError(firstChunk).advice).toContain('first-chunk timeout');
    expect(describeLlmError(idle).title).toBe('gemini stalled: nothing for 900 ms after 3 chunks.');
  });

  it('lists every attempt of a failed cascade', () => {
    const error = new LlmCascadeError([
      {provider: 'openai', model: 'gpt-5-nano', outcome: 'error', error: providerError(529)},
      {provider: 'anthropic', model: 'claude-haiku-4-5', outcome: 'error', error: providerError(401)},
    ]);
    const description = describeLlmError(error);
    expect(description.title).toContain('2 attempts');
    expect(description.attempts.map(attempt => [attempt.provider, attempt.title])).toEqual([
      ['openai', 'openai (gpt-5-nano) is overloaded (529).'],
      ['anthropic', 'openai (gpt-5-nano) rejected the API key (401).'],
    ]);
  });

  it('describes truncation and invalid requests', () => {
    const usage = {provider: 'openai', model: 'gpt-5-nano', outputTokens: 10} as LlmUsage;
    expect(describeLlmError(new LlmTruncationError('partial', usage, 10)).title).toContain('10 tokens');
    const short = {...usage, outputTokens: 14};
    expect(describeLlmError(new LlmTruncationError('partial', short, 1024)).title).toBe(
      'The answer was cut off after 14 tokens, below the 1024 asked for.',
    );
    expect(describeLlmError(new LlmInvalidRequestError('temperature', 'bad temperature')).title).toContain(
      'nothing was sent',
    );
  });

  it("tells an image the provider refuses before any call, with the library's advice", () => {
    const refusal = new LlmImageInputError(
      'media-type-not-taken',
      'messages[0].content[1]',
      'llm-rx: openai does not take image/bmp images (messages[0].content[1]); it takes image/png, image/jpeg. ' +
        'Convert the image first.',
    );
    const description = describeLlmError(refusal);
    expect(description.title).toBe('An attached image cannot be sent to this provider; nothing was sent.');
    expect(description.advice).toBe(
      'openai does not take image/bmp images (messages[0].content[1]); it takes image/png, image/jpeg. ' +
        'Convert the image first.',
    );
    expect(describeLlmError(new LlmInvalidRequestError('messages', 'llm-rx: messages is empty.')).title).toBe(
      'The request is invalid; nothing was sent.',
    );
    // An invalid request that only mentions images is not an image refusal.
    expect(
      describeLlmError(new LlmInvalidRequestError('messages', 'llm-rx: an image data: URL must be base64.')).title,
    ).toBe('The request is invalid; nothing was sent.');
  });

  it('keeps the message of an unknown error as the detail', () => {
    const description = describeLlmError(new TypeError('oops'));
    expect(description.detail).toBe('oops');
    expect(description.attempts).toEqual([]);
  });
});
