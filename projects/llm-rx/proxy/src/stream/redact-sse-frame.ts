import {_JSON_ESCAPES, type _SecretRedactor} from 'llm-rx';
import {redactJsonValue} from './redact-json-value';
import type {SseFrame} from './sse-frames';

/** One line of a frame, and the line end after it (`''` for a last line without one). */
const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/g;
/** A `data` field line (after the byte order mark that may open the stream). */
const DATA_FIELD = /^\ufeff?data(?::|$)/;
/** JSON's one-character escapes (`_JSON_ESCAPES` says what each stands for). */
const SIMPLE_ESCAPE = /\\(["\\/bfnrt])/g;

/**
 * Cuts keys out of one SSE frame, keeping it a valid frame whose JSON still parses. A frame in which nothing needs
 * cutting (the common case) is returned as it came, byte for byte. Otherwise each line is redacted on its own with
 * the core's `redactSecrets()` (so that a replacement never joins two lines), except the data of a JSON payload:
 * its strings are redacted as parsed values (`redactJsonValue()`) and, when one changed, its `data:` lines become
 * one `data: <JSON>` line. Every replacement (`***`, `sk-[redacted]`, `[redacted]`, …) is free of quotes,
 * backslashes and line breaks, so it cannot end a JSON string or an SSE line.
 * @param frame The frame.
 * @param payload The frame's data parsed as JSON, or `undefined` when it is not JSON (or absent).
 * @param redact The redactor of the keys to cut (the provider's key, the browser's placeholder, …).
 * @returns The frame's text to forward.
 */
export function redactSseFrame(frame: SseFrame, payload: unknown, redact: _SecretRedactor): string {
  // With the frame's escapes decoded, its text says what its values say: nothing found there, nothing to cut.
  const decoded = decodedTextOf(frame.text);
  if (decoded !== undefined && redact(decoded) === decoded) return frame.text;
  const redactedPayload = payload === undefined ? undefined : redactJsonValue(payload, redact);
  let output = '';
  let isDataWritten = false;
  for (const [, line, lineEnd] of frame.text.matchAll(LINE)) {
    if (line === '' && lineEnd === '') continue;
    if (payload === undefined || !DATA_FIELD.test(line)) {
      output += redact(line) + lineEnd;
    } else if (redactedPayload === payload) {
      output += line + lineEnd;
    } else if (!isDataWritten) {
      // The payload's data lines, redacted, as one line (JSON needs none of the others).
      isDataWritten = true;
      output += `data: ${JSON.stringify(redactedPayload)}${lineEnd}`;
    }
  }
  return output;
}

/**
 * A frame's text with JSON's one-character escapes decoded (`\\n` → a line break, `\\"` → `"`, …), so that a key
 * after a `\\n` or between escaped quotes shows as it will to the client; `undefined` for a text with a `\\u`
 * escape, which could spell any character (the parsed payload is read then).
 * @param text The frame's text.
 * @returns The decoded text, or `undefined`.
 */
function decodedTextOf(text: string): string | undefined {
  if (!text.includes('\\')) return text;
  if (text.includes('\\u')) return undefined;
  return text.replace(SIMPLE_ESCAPE, (_escape, character: string) => _JSON_ESCAPES[character]);
}
