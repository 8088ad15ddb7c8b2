/**
 * Reads how long a provider asked to wait before retrying, from `retry-after-ms` (milliseconds, sent by OpenAI
 * and Anthropic) or else `retry-after` (seconds, or an HTTP date).
 *
 * ```ts
 * new LlmProviderError(message, {provider, model, statusCode, retryAfterMs: parseRetryAfterMs(error.headers)});
 * ```
 * @param headers The error response's headers, when there were any.
 * @param now The current time in epoch milliseconds, for an HTTP-date `retry-after`.
 * @returns The wait in milliseconds (never negative), or `undefined` when no header said.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfterMs(headers: Headers | null | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = parseNumber(headers.get('retry-after-ms'));
  if (milliseconds !== undefined && milliseconds >= 0) return milliseconds;
  const value = headers.get('retry-after');
  const seconds = parseNumber(value);
  if (seconds !== undefined && seconds >= 0) return seconds * 1000;
  const date = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
