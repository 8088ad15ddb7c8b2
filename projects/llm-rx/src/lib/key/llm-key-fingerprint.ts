/**
 * What an `Llm` tells about its API key without holding it: a label, and a fingerprint to group calls by key
 * (e.g. in a call log) that cannot be turned back into the key.
 */
export interface LlmKeyFingerprint {
  /** The key's label, from the `apiKeyAlias` option. */
  readonly alias?: string;
  /**
   * The key's fingerprint: the first 16 hex characters of its SHA-256, computed at the first call only.
   * @returns The fingerprint, or `null` when the model has no key (e.g. behind a proxy that adds it); rejects
   *   when WebCrypto is unavailable (browsers offer it in secure contexts only: `https:` and `localhost`).
   */
  hash(): Promise<string | null>;
}

/**
 * Creates the fingerprint of an API key. The key is held only by the `hash` function, and only until its first
 * call: the digest is then computed once and the key dropped, so the object never reveals it.
 * @param apiKey The key; `undefined` when there is none.
 * @param alias The key's label, from the `apiKeyAlias` option.
 * @returns The fingerprint, with `alias` only when one was given.
 *
 * ```ts
 * const fingerprint = createLlmKeyFingerprint(options.apiKey, options.apiKeyAlias);
 * await fingerprint.hash(); // e.g. 'ba7816bf8f01cfea'
 * ```
 */
export function createLlmKeyFingerprint(apiKey: string | undefined, alias?: string): LlmKeyFingerprint {
  let key = apiKey;
  let hash: Promise<string | null> | undefined;
  return {
    ...(alias === undefined ? {} : {alias}),
    hash: () => {
      if (hash === undefined) {
        hash = key === undefined ? Promise.resolve(null) : sha256Prefix(key);
        key = undefined;
      }
      return hash;
    },
  };
}

async function sha256Prefix(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).subarray(0, 8), byte => byte.toString(16).padStart(2, '0')).join('');
}
