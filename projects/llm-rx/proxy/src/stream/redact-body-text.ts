import type {_SecretRedactor} from 'llm-rx';
import {redactJsonValue} from './redact-json-value';

/**
 * Cuts keys out of a whole response body that is no event stream (a JSON error body, an HTML error page): a JSON
 * body is redacted as parsed values (`redactJsonValue()`), so that it still parses, and re-serialised only when a
 * key was cut; any other text with the core's `redactSecrets()`.
 * @param text The body.
 * @param redact The redactor of the keys to cut (`_createSecretRedactor()`).
 * @returns The body to forward.
 */
export function redactBodyText(text: string, redact: _SecretRedactor): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redact(text);
  }
  const redacted = redactJsonValue(parsed, redact);
  return redacted === parsed ? text : JSON.stringify(redacted);
}

/** Characters a key or a key-shaped string is made of (`Bearer` and its space included): never cut between. */
const KEY_CHARACTER = /[A-Za-z0-9._~+/=\s-]/;
/** The most text held back for a key that may go on in the next chunk. */
const MAX_HELD_BACK = 64 * 1024;

/** Redacts a text that comes in pieces, never cutting a key in two. */
export interface ChunkRedactor {
  /**
   * Takes the next piece.
   * @param text The piece.
   * @returns The redacted text up to the last character that cannot be part of a key (the rest is held back).
   */
  push(text: string): string;
  /**
   * Ends the text.
   * @returns The redacted rest.
   */
  end(): string;
}

/**
 * Creates a redactor of a text too long to hold whole (an error body past its size bound): each piece is redacted
 * with `redactSecrets()` up to its last character that no key contains (a quote, a comma, a brace), and the run of
 * key characters after it waits for the next piece, so that a key split across chunks is still cut. A run longer
 * than 64 KiB is let through at once.
 * @param redact The redactor of the keys to cut (`_createSecretRedactor()`).
 * @returns A new redactor, for one text.
 */
export function createChunkRedactor(redact: _SecretRedactor): ChunkRedactor {
  let heldBack = '';
  return {
    push(text) {
      const pending = heldBack + text;
      const lowest = Math.max(pending.length - MAX_HELD_BACK, 0);
      let cut = pending.length;
      while (cut > lowest && KEY_CHARACTER.test(pending[cut - 1])) cut--;
      if (cut === lowest && lowest > 0) cut = pending.length;
      heldBack = pending.slice(cut);
      return redact(pending.slice(0, cut));
    },
    end() {
      const rest = heldBack;
      heldBack = '';
      return redact(rest);
    },
  };
}
