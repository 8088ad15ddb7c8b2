/**
 * A new random id for a call, a trace or a session.
 *
 * `crypto.randomUUID()` exists only in secure contexts, while IndexedDB works on plain `http:` pages too, so
 * the fallback builds the same 122 random bits from `crypto.getRandomValues()`, which exists everywhere.
 * @returns A random UUID-formatted string.
 */
export function newLogId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
