import {_createSecretRedactor} from 'llm-rx';
import {redactJsonValue} from './redact-json-value';

const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd';

describe('redactJsonValue', () => {
  it('cuts keys out of strings and property names, deeply, and returns the same value when nothing is cut', () => {
    const clean = {a: ['x', 1, null, {b: 'y'}]};
    expect(redactJsonValue(clean, _createSecretRedactor([KEY]))).toBe(clean);
    expect(
      redactJsonValue({[KEY]: [`key ${KEY}`, 2], c: {d: '\nAIzaSyA1234567890abcdef'}}, _createSecretRedactor([KEY])),
    ).toEqual({
      '***': ['key ***', 2],
      c: {d: '\nAIza[redacted]'},
    });
  });

  it("keeps the provider's opaque tokens (thinking signatures), cutting only the given keys in them", () => {
    const signature = 'bW9jay1zaWduYXR1cmU6bW9ja3RwaDBoZTAwMXA9PQ3xYz0123456789AbCdEf';
    const value = {delta: {type: 'signature_delta', signature}, part: {thoughtSignature: signature}};
    expect(redactJsonValue(value, _createSecretRedactor([KEY]))).toBe(value);
    expect(redactJsonValue({signature: `${signature}${KEY}`}, _createSecretRedactor([KEY]))).toEqual({
      signature: `${signature}***`,
    });
    // Elsewhere the same token is key-shaped, and cut.
    expect(redactJsonValue({text: signature}, _createSecretRedactor([KEY]))).toEqual({text: '[redacted]'});
  });
});
