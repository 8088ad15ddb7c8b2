import type {_SecretRedactor} from 'llm-rx';

/**
 * Properties whose strings are the provider's own opaque tokens, which the client must send back unchanged in a
 * later turn: Anthropic's thinking `signature`, Gemini's `thoughtSignature`, OpenAI's reasoning
 * `encrypted_content`. They are long base64, which the key-shape rule of `redactSecrets()` would cut (breaking
 * the next turn of a thinking model with tools); only the given keys are cut in them.
 */
const OPAQUE_TOKEN_PROPERTIES: ReadonlySet<string> = new Set([
  'signature',
  'thoughtSignature',
  'thought_signature',
  'encrypted_content',
]);

/**
 * Cuts keys out of every string of a parsed JSON value, property names included, with the core's
 * `redactSecrets()`: the given keys become `***`, key-shaped strings (`sk-…`, `AIza…`, `Bearer …`, long random
 * tokens) their prefix and `[redacted]`. Working on the decoded strings, not the JSON text, it also finds a key
 * that the text spells with escapes (`\u0073k-…`, or after a `\n`), and its result always serialises to valid JSON.
 * In the provider's opaque tokens (`OPAQUE_TOKEN_PROPERTIES`) only the given keys are cut.
 * @param value The parsed value.
 * @param redact The redactor of the keys to cut (`_createSecretRedactor()`).
 * @returns The same value when nothing was cut (so that the caller can forward the original text), else a copy.
 */
export function redactJsonValue(value: unknown, redact: _SecretRedactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) {
    const items = value.map(item => redactJsonValue(item, redact));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  let isChanged = false;
  const entries = Object.entries(value).map(([key, item]) => {
    const redactedKey = redact(key);
    const redactedItem =
      typeof item === 'string' && OPAQUE_TOKEN_PROPERTIES.has(key)
        ? redact.keysOnly(item)
        : redactJsonValue(item, redact);
    if (redactedKey !== key || redactedItem !== item) isChanged = true;
    return [redactedKey, redactedItem] as const;
  });
  return isChanged ? Object.fromEntries(entries) : value;
}
