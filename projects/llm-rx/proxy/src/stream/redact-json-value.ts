import {redactSecrets} from 'llm-rx';

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

/** Keys shorter than this are placeholders, not secrets (as `redactSecrets()` has it). */
const MIN_SECRET_LENGTH = 8;

/**
 * Cuts keys out of every string of a parsed JSON value, property names included, with the core's
 * `redactSecrets()`: the given keys become `***`, key-shaped strings (`sk-…`, `AIza…`, `Bearer …`, long random
 * tokens) their prefix and `[redacted]`. Working on the decoded strings, not the JSON text, it also finds a key
 * that the text spells with escapes (`\u0073k-…`, or after a `\n`), and its result always serialises to valid JSON.
 * In the provider's opaque tokens (`OPAQUE_TOKEN_PROPERTIES`) only the given keys are cut.
 * @param value The parsed value.
 * @param secrets The keys to cut.
 * @returns The same value when nothing was cut (so that the caller can forward the original text), else a copy.
 */
export function redactJsonValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) {
    const items = value.map(item => redactJsonValue(item, secrets));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  let isChanged = false;
  const entries = Object.entries(value).map(([key, item]) => {
    const redactedKey = redactSecrets(key, secrets);
    const redactedItem =
      typeof item === 'string' && OPAQUE_TOKEN_PROPERTIES.has(key)
        ? cutKeys(item, secrets)
        : redactJsonValue(item, secrets);
    if (redactedKey !== key || redactedItem !== item) isChanged = true;
    return [redactedKey, redactedItem] as const;
  });
  return isChanged ? Object.fromEntries(entries) : value;
}

/** The given keys (the longest first) replaced by `***`, and nothing else. */
function cutKeys(text: string, secrets: readonly string[]): string {
  return [...secrets]
    .filter(secret => secret.length >= MIN_SECRET_LENGTH)
    .sort((left, right) => right.length - left.length)
    .reduce((cut, secret) => cut.split(secret).join('***'), text);
}
