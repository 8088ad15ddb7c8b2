import {createLlmKeyFingerprint} from './llm-key-fingerprint';

describe('createLlmKeyFingerprint', () => {
  it('hashes the key to the first 16 hex characters of its SHA-256', async () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 example).
    expect(await createLlmKeyFingerprint('abc').hash()).toBe('ba7816bf8f01cfea');
    expect(await createLlmKeyFingerprint('sk-test-1').hash()).not.toBe(
      await createLlmKeyFingerprint('sk-test-2').hash(),
    );
  });

  it('gives null without a key', async () => {
    expect(await createLlmKeyFingerprint(undefined).hash()).toBeNull();
  });

  it('carries the alias, and no alias property without one', () => {
    expect(createLlmKeyFingerprint('sk-test-1', 'prod').alias).toBe('prod');
    expect(Object.keys(createLlmKeyFingerprint('sk-test-1'))).toEqual(['hash']);
  });

  it('computes the digest once, however often it is asked', async () => {
    const digest = spyOn(crypto.subtle, 'digest').and.callThrough();
    const fingerprint = createLlmKeyFingerprint('sk-test-once-123');
    const [first, second] = await Promise.all([fingerprint.hash(), fingerprint.hash()]);
    expect(await fingerprint.hash()).toBe(first);
    expect(second).toBe(first);
    expect(digest).toHaveBeenCalledTimes(1);
  });

  it('does not reveal the key through its properties', () => {
    const key = 'sk-test-DO-NOT-SHOW-0123456789';
    const fingerprint = createLlmKeyFingerprint(key, 'ci');
    expect(JSON.stringify(fingerprint)).not.toContain(key);
    expect(Object.values(fingerprint).map(String).join(' ')).not.toContain(key);
  });
});
