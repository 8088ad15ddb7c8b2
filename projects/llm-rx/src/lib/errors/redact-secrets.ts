// Key shapes that show up in SDK and proxy error messages: OpenAI/Anthropic/DeepSeek `sk-…`, Google `AIza…`,
// and any `Bearer …` authorization value. The `\b` keeps words such as `risk-free` intact.
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\bsk-[A-Za-z0-9_-]{3,}/g, 'sk-[redacted]'],
  [/\bAIza[A-Za-z0-9_-]{6,}/g, 'AIza[redacted]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
];

/**
 * Replaces API-key-like substrings in a text, before it goes into an llm-rx error message.
 * @internal Used by the errors and stream helpers that copy a cause's message into their own.
 * @param text A message that may quote a key, e.g. an SDK error's message.
 * @returns The text with each key replaced by its prefix and `[redacted]`.
 */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((redacted, [pattern, replacement]) => redacted.replace(pattern, replacement), text);
}
