import {newLogId} from './log-ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newLogId', () => {
  it('returns distinct UUID v4 strings', () => {
    const ids = new Set(Array.from({length: 100}, () => newLogId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('builds a UUID v4 from getRandomValues where randomUUID is missing (insecure contexts)', () => {
    // Browsers define randomUUID on Crypto.prototype, Node on the object: shadow it, then restore what was there.
    const ownDescriptor = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', {value: undefined, configurable: true, writable: true});
    try {
      const first = newLogId();
      expect(first).toMatch(UUID_V4);
      expect(newLogId()).not.toBe(first);
    } finally {
      if (ownDescriptor) Object.defineProperty(crypto, 'randomUUID', ownDescriptor);
      else delete (crypto as {randomUUID?: unknown}).randomUUID;
    }
  });
});
