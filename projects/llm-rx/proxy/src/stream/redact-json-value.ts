import {redactSecrets} from 'llm-rx';

/**
 * Cuts keys out of every string of a parsed JSON value, property names included, with the core's
 * `redactSecrets()`: the given keys become `***`, key-shaped strings (`sk-…`, `AIza…`, `Bearer …`, long random
 * tokens) their prefix and `[redacted]`. Working on the decoded strings, not the JSON text, it also finds a key
 * that the text spells with escapes (`\u0073k-…`, or after a `\n`), and its result always serialises to valid JSON.
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
    const redactedItem = redactJsonValue(item, secrets);
    if (redactedKey !== key || redactedItem !== item) isChanged = true;
    return [redactedKey, redactedItem] as const;
  });
  return isChanged ? Object.fromEntries(entries) : value;
}
