/**
 * The fingerprint of an API key that the log stores instead of the key: the first 16 hex characters of its
 * SHA-256, as majordomo-llm logs it, so that rows of one key can be grouped without the key being recoverable.
 *
 * Uses WebCrypto (`crypto.subtle`), which browsers offer only in secure contexts (`https:` and `localhost`).
 * @param apiKey The key, as given to the provider.
 * @returns 16 lowercase hex characters.
 * @throws When WebCrypto is unavailable (the caller stores no hash then, never the key).
 */
export async function hashApiKey(apiKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(apiKey));
  return Array.from(new Uint8Array(digest).subarray(0, 8), byte => byte.toString(16).padStart(2, '0')).join('');
}
