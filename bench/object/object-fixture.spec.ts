import {benchObject, BenchObjectSchema, FULL_OBJECT_RECORDS, splitIntoPieces} from './object-fixture';

describe('benchObject', () => {
  it('builds the same object for the same seed, and another for another seed', () => {
    expect(JSON.stringify(benchObject(50))).toBe(JSON.stringify(benchObject(50)));
    expect(JSON.stringify(benchObject(50, 12))).not.toBe(JSON.stringify(benchObject(50)));
  });

  it('is about 1 MB of JSON at full size, and matches its schema', () => {
    const object = benchObject(FULL_OBJECT_RECORDS);
    const bytes = Buffer.byteLength(JSON.stringify(object));
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThan(1_600_000);
    expect(BenchObjectSchema.safeParse(object).success).toBeTrue();
  });

  it('carries escapes, non-ASCII, a surrogate pair, nulls and an optional key both ways', () => {
    const object = benchObject(200);
    const json = JSON.stringify(object);
    for (const escaped of ['\\"', '\\n', '\\t', '\\\\']) expect(json).toContain(escaped);
    expect(json).toMatch(/[^ -~\n\t]/);
    expect(json).toContain('🚀');
    expect(object.items.some(item => item.rating === null)).toBeTrue();
    expect(object.items.some(item => 'discount' in item)).toBeTrue();
    expect(object.items.some(item => !('discount' in item))).toBeTrue();
  });
});

describe('splitIntoPieces', () => {
  it('gives count pieces of about the same size that join back to the text', () => {
    const text = JSON.stringify(benchObject(20));
    const pieces = splitIntoPieces(text, 97);
    expect(pieces.length).toBe(97);
    expect(pieces.join('')).toBe(text);
    const sizes = pieces.map(piece => Array.from(piece).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('never splits a surrogate pair', () => {
    const pieces = splitIntoPieces('a🚀b🚀🚀c', 7);
    expect(pieces.join('')).toBe('a🚀b🚀🚀c');
    for (const piece of pieces) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});
