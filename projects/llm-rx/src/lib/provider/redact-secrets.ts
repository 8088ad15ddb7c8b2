import {splitOnBlankOrControl} from '../validation/control-characters';

// Key shapes that show up in SDK and proxy error messages: OpenAI/Anthropic/DeepSeek `sk-…`, Google `AIza…`,
// any `Bearer …` authorization value, and long random tokens such as Cohere's plain 40-character keys (mixed-case
// letters and digits, 32 or more). The `\b` keeps words such as `risk-free` intact; the mixed-case rule keeps hex
// ids, hashes and words out.
const SECRET_PATTERNS: readonly [RegExp, (match: string) => string][] = [
  [/\bsk-[A-Za-z0-9_-]{3,}/g, () => 'sk-[redacted]'],
  [/\bAIza[A-Za-z0-9_-]{6,}/g, () => 'AIza[redacted]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, () => 'Bearer [redacted]'],
  [/\b[A-Za-z0-9]{32,}\b/g, token => (isRandomLooking(token) ? '[redacted]' : token)],
];

/** Keys shorter than this are test placeholders, not secrets: cutting them out would garble every message. */
const MIN_SECRET_LENGTH = 8;

/**
 * Replaces API keys in a text, before it goes into an llm-rx error message: the given keys wherever they appear
 * (also each line of a key that contains a line break, as some HTTP stacks quote only part of a header), then
 * anything shaped like a key (`sk-…`, `AIza…`, `Bearer …`, a long random token).
 *
 * ```ts
 * redactSecrets(`invalid api token ${apiKey}`, apiKey); // 'invalid api token ***'
 * ```
 * @param text A message that may quote a key, e.g. an SDK error's message.
 * @param apiKeys The keys in use, replaced by `***` (those at least 8 characters long).
 * @returns The text with the given keys replaced by `***` and each key-like value by its prefix and `[redacted]`.
 */
export function redactSecrets(text: string, apiKeys?: string | readonly (string | undefined)[]): string {
  return _createSecretRedactor(apiKeys)(text);
}

/**
 * `redactSecrets()` with its keys prepared once, for a caller that redacts many texts with the same keys (the
 * proxy, once per streamed event): `redactor(text)` is `redactSecrets(text, apiKeys)`, and `redactor.keysOnly(text)`
 * replaces the given keys alone, for a value that is random by nature (a reasoning signature).
 */
export interface _SecretRedactor {
  (text: string): string;
  readonly keysOnly: (text: string) => string;
}

/**
 * Prepares `redactSecrets()` for a set of keys: one regular expression of the keys (longest first), then the
 * key shapes.
 * @param apiKeys The keys in use.
 * @returns The redactor.
 * @internal For llm-rx/proxy; not part of the public API.
 */
export function _createSecretRedactor(apiKeys?: string | readonly (string | undefined)[]): _SecretRedactor {
  const keys = secretsOf(apiKeys);
  const keyPattern = keys.length ? new RegExp(keys.map(escapeRegExp).join('|'), 'g') : undefined;
  const keysOnly = (text: string) => (keyPattern ? text.replace(keyPattern, '***') : text);
  const redactor = (text: string) =>
    SECRET_PATTERNS.reduce((redacted, [pattern, replace]) => redacted.replace(pattern, replace), keysOnly(text));
  return Object.assign(redactor, {keysOnly});
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Applies `redactSecrets()` to every string in a JSON value, e.g. an error response body that echoes the key.
 * @param body The parsed body; `undefined` when there was none.
 * @param apiKeys The keys in use.
 * @returns The same value when nothing needed redacting, else a redacted copy.
 */
export function redactResponseBody(body: unknown, apiKeys?: string | readonly (string | undefined)[]): unknown {
  if (body === undefined) return body;
  const json = JSON.stringify(body);
  if (json === undefined) return body;
  const redacted = redactSecrets(json, apiKeys);
  return redacted === json ? body : JSON.parse(redacted);
}

/** The given keys, longest first (so that a key containing another is cut whole), and each line of each. */
function secretsOf(apiKeys: string | readonly (string | undefined)[] | undefined): string[] {
  const keys = typeof apiKeys === 'string' ? [apiKeys] : (apiKeys ?? []);
  const pieces = keys.flatMap(key => (key === undefined ? [] : [key, ...splitOnBlankOrControl(key)]));
  return [...new Set(pieces.filter(piece => piece.length >= MIN_SECRET_LENGTH))].sort(
    (left, right) => right.length - left.length,
  );
}

/** Whether a long token mixes lower case, upper case and digits, as generated keys do and words and hex ids don't. */
function isRandomLooking(token: string): boolean {
  return /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token);
}
