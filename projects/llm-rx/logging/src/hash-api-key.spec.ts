import {hashApiKey} from './hash-api-key';

describe('hashApiKey', () => {
  it('gives the first 16 hex characters of the SHA-256', async () => {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 test vector).
    expect(await hashApiKey('abc')).toBe('ba7816bf8f01cfea');
  });

  it('hashes UTF-8 and tells keys apart', async () => {
    // sha256("") = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.
    expect(await hashApiKey('')).toBe('e3b0c44298fc1c14');
    expect(await hashApiKey('sk-test-1')).not.toBe(await hashApiKey('sk-test-2'));
  });
});
