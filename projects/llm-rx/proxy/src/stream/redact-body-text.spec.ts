import {_createSecretRedactor} from 'llm-rx';
import {mulberry32} from '@llm-rx/spec-support';
import {createChunkRedactor, redactBodyText} from './redact-body-text';

const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd';

describe('redactBodyText', () => {
  it('redacts a JSON body as values, keeping it valid, and unchanged text as it came', () => {
    expect(redactBodyText(`{"error": {"message": "key \\n${KEY}"}}`, _createSecretRedactor([KEY]))).toBe(
      '{"error":{"message":"key \\n***"}}',
    );
    expect(redactBodyText('{"ok": true}', _createSecretRedactor([KEY]))).toBe('{"ok": true}');
    expect(redactBodyText(`<html>${KEY}</html>`, _createSecretRedactor([]))).toBe('<html>sk-[redacted]</html>');
  });
});

describe('createChunkRedactor', () => {
  it('cuts a key split anywhere across chunks, losing and adding nothing else', () => {
    const text = `{"a":"x","message":"Incorrect key ${KEY}, Bearer ${KEY.slice(8)}.","b":[1,2]}`;
    // The core's Bearer rule takes the token characters after it, the full stop included.
    const expected = '{"a":"x","message":"Incorrect key ***, Bearer [redacted]","b":[1,2]}';
    const random = mulberry32(5);
    for (let run = 0; run < 100; run++) {
      const redactor = createChunkRedactor(_createSecretRedactor([KEY]));
      let output = '';
      for (let start = 0; start < text.length;) {
        const length = Math.floor(random() * 9);
        output += redactor.push(text.slice(start, start + length));
        start += length;
      }
      expect(output + redactor.end()).toBe(expected);
    }
  });

  it('lets a run of key characters longer than 64 KiB through rather than hold it', () => {
    const redactor = createChunkRedactor(_createSecretRedactor([KEY]));
    expect(redactor.push('a'.repeat(70_000)).length).toBe(70_000);
    expect(redactor.end()).toBe('');
  });
});
