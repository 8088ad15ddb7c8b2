import {redactSecrets} from 'llm-rx';
import {redactJsonValue} from './redact-json-value';
import type {SseFrame} from './sse-frames';

/** One line of a frame, and the line end after it (`''` for a last line without one). */
const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/g;
/** A `data` field line (after the byte order mark that may open the stream). */
const DATA_FIELD = /^\ufeff?data(?::|$)/;

/**
 * Cuts keys out of one SSE frame, keeping it a valid frame whose JSON still parses. A frame in which nothing needs
 * cutting (the common case) is returned as it came, byte for byte. Otherwise each line is redacted on its own with
 * the core's `redactSecrets()` (so that a replacement never joins two lines), except the data of a JSON payload:
 * its strings are redacted as parsed values (`redactJsonValue()`) and, when one changed, its `data:` lines become
 * one `data: <JSON>` line. Every replacement (`***`, `sk-[redacted]`, `[redacted]`, …) is free of quotes,
 * backslashes and line breaks, so it cannot end a JSON string or an SSE line.
 * @param frame The frame.
 * @param payload The frame's data parsed as JSON, or `undefined` when it is not JSON (or absent).
 * @param secrets The keys to cut (the provider's key, the browser's placeholder, …).
 * @returns The frame's text to forward.
 */
export function redactSseFrame(frame: SseFrame, payload: unknown, secrets: readonly string[]): string {
  // Without escapes, a JSON string's text is its value: nothing found in the text means nothing in the values.
  if (!frame.text.includes('\\') && redactSecrets(frame.text, secrets) === frame.text) return frame.text;
  const redactedPayload = payload === undefined ? undefined : redactJsonValue(payload, secrets);
  let output = '';
  let isDataWritten = false;
  for (const [, line, lineEnd] of frame.text.matchAll(LINE)) {
    if (line === '' && lineEnd === '') continue;
    if (payload === undefined || !DATA_FIELD.test(line)) {
      output += redactSecrets(line, secrets) + lineEnd;
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
