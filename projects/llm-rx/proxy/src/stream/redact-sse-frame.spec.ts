import {_createSecretRedactor} from 'llm-rx';
import {PLACEHOLDER_API_KEY, redactSecrets} from 'llm-rx';
import {redactSseFrame} from './redact-sse-frame';

const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd';

function frame(text: string, data?: string) {
  return {text, data};
}

describe('redactSseFrame', () => {
  it("relies on the core's replacements, which hold no quote, backslash or line break", () => {
    const samples = [
      KEY,
      PLACEHOLDER_API_KEY,
      'sk-abc123',
      'AIzaSyA1234567',
      'Bearer abc.def',
      'AbCdEf0123456789AbCdEf0123456789xY',
    ];
    for (const sample of samples) {
      const replacement = redactSecrets(sample, [KEY, PLACEHOLDER_API_KEY]);
      expect(replacement).withContext(sample).not.toBe(sample);
      expect(replacement)
        .withContext(sample)
        .not.toMatch(/["\\\r\n]/);
    }
  });

  it('returns a frame without keys as it came, escapes and all', () => {
    const text = 'event: x\r\ndata: {"t":"a\\nb \\u00e9"}\r\n\r\n';
    expect(redactSseFrame(frame(text, '{"t":"a\\nb \\u00e9"}'), {t: 'a\nb é'}, _createSecretRedactor([KEY]))).toBe(
      text,
    );
  });

  it('redacts a JSON payload as values, its data lines becoming one, the other lines and line ends kept', () => {
    const text = `event: error\r\ndata: {"m":\r\ndata: "\\u0073k-${KEY.slice(3)}"}\r\n\r\n`;
    const redacted = redactSseFrame(
      frame(text, `{"m":\n"sk-${KEY.slice(3)}"}`),
      {m: KEY},
      _createSecretRedactor([KEY]),
    );
    expect(redacted).toBe('event: error\r\ndata: {"m":"***"}\r\n\r\n');
  });

  it('finds a key-shaped string that only the decoded JSON shows (after an escape)', () => {
    const text = 'data: {"t":"\\nsk-abcdef"}\n\n';
    expect(redactSseFrame(frame(text, '{"t":"\\nsk-abcdef"}'), {t: '\nsk-abcdef'}, _createSecretRedactor([]))).toBe(
      'data: {"t":"\\nsk-[redacted]"}\n\n',
    );
  });

  it('redacts each line of a frame that is not JSON on its own, never joining lines', () => {
    const text = `: Bearer\ndata: Bearer ${KEY}\nid: 1\n\n`;
    expect(redactSseFrame(frame(text, `Bearer ${KEY}`), undefined, _createSecretRedactor([KEY]))).toBe(
      ': Bearer\ndata: Bearer ***\nid: 1\n\n',
    );
    expect(redactSseFrame(frame(`: ${KEY}`), undefined, _createSecretRedactor([]))).toBe(': sk-[redacted]');
  });
});
