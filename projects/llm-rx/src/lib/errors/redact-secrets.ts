// Key shapes that show up in SDK and proxy error messages: OpenAI/Anthropic/DeepSeek `sk-…`, Google `AIza…`,
// and any `Bearer …` authorization value. The `\b` keeps words such as `risk-free` intact.
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\bsk-[A-Za-z0-9_-]{3,}/g, 'sk-[redacted]'],
  [/\bAIza[A-Za-z0-9_-]{6,}/g, 'AIza[redacted]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
];

/** Keys shorter than this are test placeholders, not secrets: cutting them out would garble every message. */
const MIN_SECRET_LENGTH = 8;

/**
 * Replaces API keys in a text, before it goes into an llm-rx error message: the given key wherever it appears,
 * then anything shaped like a key (`sk-…`, `AIza…`, `Bearer …`).
 *
 * ```ts
 * redactSecrets(`invalid api token ${apiKey}`, apiKey); // 'invalid api token ***'
 * ```
 * @param text A message that may quote a key, e.g. an SDK error's message.
 * @param apiKey The key in use, replaced by `***` (when at least 8 characters long).
 * @returns The text with the given key replaced by `***` and each key-like value by its prefix and `[redacted]`.
 */
export function redactSecrets(text: string, apiKey?: string): string {
  const withoutKey = apiKey && apiKey.length >= MIN_SECRET_LENGTH ? text.split(apiKey).join('***') : text;
  return SECRET_PATTERNS.reduce(
    (redacted, [pattern, replacement]) => redacted.replace(pattern, replacement),
    withoutKey,
  );
}

/**
 * Applies `redactSecrets()` to every string in a JSON value, e.g. an error response body that echoes the key.
 * @param body The parsed body; `undefined` when there was none.
 * @param apiKey The key in use.
 * @returns The same value when nothing needed redacting, else a redacted copy.
 */
export function redactResponseBody(body: unknown, apiKey?: string): unknown {
  if (body === undefined) return body;
  const json = JSON.stringify(body);
  if (json === undefined) return body;
  const redacted = redactSecrets(json, apiKey);
  return redacted === json ? body : JSON.parse(redacted);
}
