// One seeded generator for every spec and harness that needs numbers that look random but repeat.

/** A source of numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/**
 * mulberry32 (public domain): a small, fast 32-bit PRNG, so that one seed always gives the same sequence, in a
 * page as in Node.
 * @param seed Any 32-bit integer.
 * @returns The generator.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
