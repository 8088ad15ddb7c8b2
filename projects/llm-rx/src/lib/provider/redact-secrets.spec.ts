import {redactResponseBody, redactSecrets} from './redact-secrets';

describe('redactSecrets', () => {
  it('redacts OpenAI, Anthropic and DeepSeek style sk- keys', () => {
    expect(redactSecrets('Incorrect API key provided: sk-test-123.')).toBe(
      'Incorrect API key provided: sk-[redacted].',
    );
    expect(redactSecrets('key sk-ant-api03-AbC_dEf-123 rejected')).toBe('key sk-[redacted] rejected');
  });

  it('redacts Google AIza keys, e.g. in a URL query', () => {
    expect(redactSecrets('GET /v1beta/models?key=AIzaSyA1b2C3d4E5f6 failed')).toBe(
      'GET /v1beta/models?key=AIza[redacted] failed',
    );
  });

  it('redacts Bearer tokens whatever their shape', () => {
    expect(redactSecrets('Authorization: Bearer abc.DEF-123_x/y+z= was refused')).toBe(
      'Authorization: Bearer [redacted] was refused',
    );
    expect(redactSecrets('authorization: bearer co-key-42')).toBe('authorization: Bearer [redacted]');
  });

  it('redacts every key in a text', () => {
    expect(redactSecrets('sk-one1 and sk-two2')).toBe('sk-[redacted] and sk-[redacted]');
  });

  it('leaves ordinary text alone', () => {
    const text = 'llm-rx: openai answered 429 (rate limit) for a risk-free task-list; ask for a shorter answer.';
    expect(redactSecrets(text)).toBe(text);
  });

  it('replaces the given key, whatever its shape, by ***', () => {
    expect(redactSecrets('invalid api token co-secret-key-123 (x)', 'co-secret-key-123')).toBe(
      'invalid api token *** (x)',
    );
    expect(redactSecrets('key sk-ant-secret-0123456789 rejected', 'sk-ant-secret-0123456789')).toBe('key *** rejected');
  });

  it('cuts out each line of a given key that holds a line break, as HTTP stacks may quote only a part', () => {
    const key = 'sk-first-part-0123\nsecond-part-4567';
    expect(redactSecrets('header: Bearer sk-first-part-0123, then second-part-4567 (x)', key)).toBe(
      'header: Bearer ***, then *** (x)',
    );
  });

  it('redacts long random tokens it was not given, and leaves words, hex ids and short ids alone', () => {
    expect(redactSecrets('invalid api token Hq3ZkL9vTx2WmN8bRc4YpJ7sDf6GhA1eUo5iKl0P.')).toBe(
      'invalid api token [redacted].',
    );
    const ordinary =
      'request req_011CQ8iVvZ3fKc (trace 4bf92f3577b34da6a3ce929d0e0e4736) for Supercalifragilisticexpialidocious';
    expect(redactSecrets(ordinary)).toBe(ordinary);
  });

  it('takes several keys', () => {
    expect(
      redactSecrets('a co-secret-key-123 b co-other-key-456', ['co-secret-key-123', undefined, 'co-other-key-456']),
    ).toBe('a *** b ***');
  });

  it('leaves a given key shorter than 8 characters alone, as a test placeholder', () => {
    expect(redactSecrets('bad key k', 'k')).toBe('bad key k');
  });
});

describe('redactResponseBody', () => {
  it('redacts the key and key-like values in every string of a body, in a copy', () => {
    const body = {error: {message: 'API key not valid: AIza-secret-key', details: ['Bearer abc123']}};
    expect(redactResponseBody(body, 'AIza-secret-key')).toEqual({
      error: {message: 'API key not valid: ***', details: ['Bearer [redacted]']},
    });
    expect(body.error.message).toBe('API key not valid: AIza-secret-key');
  });

  it('returns the very same body when nothing needs redacting, and undefined for none', () => {
    const body = {error: {message: 'Overloaded'}};
    expect(redactResponseBody(body, 'co-secret-key-123')).toBe(body);
    expect(redactResponseBody(undefined, 'co-secret-key-123')).toBeUndefined();
  });
});
