// The chaos suite's draws: a seed per part of a run, and dice over the seeded generator of @llm-rx/spec-support.
import type {Random} from '@llm-rx/spec-support';

/**
 * A seed of its own for one part of a run (a call, a round), from the run's seed and the part's name (FNV-1a):
 * each call draws from its own generator, so its plan never depends on the order in which calls happen to end.
 * @param seed The run's seed.
 * @param parts What the seed is for, e.g. `['call', 17]`.
 * @returns A 32-bit seed.
 */
export function deriveSeed(seed: number, ...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const character of `${seed}:${parts.join(':')}`) {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Draws from a generator: integers, picks, chances and weighted choices. */
export class Dice {
  readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /** One element of a non-empty array. */
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }

  /** Whether an event of probability `probability` happens. */
  chance(probability: number): boolean {
    return this.random() < probability;
  }

  /** One key of a table of weights, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.random() * total;
    for (const [key, weight] of entries) {
      draw -= weight;
      if (draw < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** A shuffled copy of an array (Fisher–Yates). */
  shuffle<T>(values: readonly T[]): T[] {
    const copy = [...values];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = this.int(0, index);
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy;
  }
}
