import {mulberry32} from '@llm-rx/spec-support';
import {z} from 'zod';

/** One record of the bench's object: strings, numbers, booleans, a null, nested objects and arrays. */
export const BenchItemSchema = z.object({
  id: z.number().int(),
  sku: z.string(),
  title: z.string(),
  description: z.string(),
  price: z.number(),
  quantity: z.number().int(),
  inStock: z.boolean(),
  rating: z.number().nullable(),
  discount: z.number().optional(),
  tags: z.array(z.string()),
  dimensions: z.object({width: z.number(), height: z.number(), depth: z.number()}),
  variants: z.array(z.object({color: z.string(), size: z.string(), stock: z.number().int(), isDefault: z.boolean()})),
});

/** The bench's object: `{items: [...]}`. */
export const BenchObjectSchema = z.object({items: z.array(BenchItemSchema)});

/** The bench's object's type. */
export type BenchObject = z.infer<typeof BenchObjectSchema>;

/** Records in the full-size object (about 1 MB of JSON). */
export const FULL_OBJECT_RECORDS = 2_600;

/** The seed every bench process uses, so that the mock server and the consumers build the same object. */
export const BENCH_OBJECT_SEED = 11;

// Words with non-ASCII letters, a CJK word and an emoji (a surrogate pair), so that both the text and the
// object carry more than ASCII.
const WORDS = [
  'alpha', 'bravo', 'crème', 'brûlée', 'délice', 'über', 'naïve', 'smörgåsbord', '東京', 'café', 'piñata',
  'fjord', 'garçon', 'zoë', 'kitchen', 'steel', 'oak', 'linen', 'rocket', '🚀', 'deluxe', 'compact', 'señor',
] as const; // prettier-ignore
const COLORS = ['red', 'green', 'blue', 'black', 'white', 'Grün', 'rouge'] as const;
const SIZES = ['XS', 'S', 'M', 'L', 'XL'] as const;

/**
 * Builds the bench's object deterministically: the same seed and count give the same object in every process.
 * Descriptions carry characters JSON must escape (quotes, backslashes, newlines, tabs) and non-ASCII ones.
 * @param records How many items.
 * @param seed The pseudo-random seed.
 * @returns The object.
 */
export function benchObject(records: number, seed = BENCH_OBJECT_SEED): BenchObject {
  const random = mulberry32(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const words = (count: number) => Array.from({length: count}, () => pick(WORDS)).join(' ');
  const items = Array.from({length: records}, (_, index) => {
    const hasDiscount = random() < 0.3;
    return {
      id: index + 1,
      sku: `SKU-${String(index + 1).padStart(6, '0')}`,
      title: words(3 + Math.floor(random() * 4)),
      description:
        `${words(8 + Math.floor(random() * 10))}. Say "${pick(WORDS)}"\n` +
        `\tpath C:\\items\\${index + 1}; size ${pick(SIZES)}/${pick(SIZES)} — ${words(3)}`,
      price: Math.round(random() * 100_000) / 100,
      quantity: Math.floor(random() * 500),
      inStock: random() < 0.7,
      rating: random() < 0.2 ? null : Math.round(random() * 50) / 10,
      ...(hasDiscount && {discount: Math.round(random() * 40) / 100}),
      tags: Array.from({length: 1 + Math.floor(random() * 4)}, () => pick(WORDS)),
      dimensions: {
        width: Math.round(random() * 2000) / 10,
        height: Math.round(random() * 2000) / 10,
        depth: Math.round(random() * 2000) / 10,
      },
      variants: Array.from({length: 1 + Math.floor(random() * 3)}, (_, variant) => ({
        color: pick(COLORS),
        size: pick(SIZES),
        stock: Math.floor(random() * 100),
        isDefault: variant === 0,
      })),
    };
  });
  return {items};
}

/**
 * Splits a text into `count` pieces of about the same number of characters (code points, so that no piece holds
 * half a surrogate pair), anywhere: inside strings, escapes, numbers and keys, as a model streams JSON.
 * @param text The text.
 * @param count How many pieces; each piece holds at least one character when the text has enough.
 * @returns The pieces; joined they give the text back.
 */
export function splitIntoPieces(text: string, count: number): string[] {
  const characters = Array.from(text);
  const pieces: string[] = [];
  for (let index = 0; index < count; index++) {
    const start = Math.round((index * characters.length) / count);
    const end = Math.round(((index + 1) * characters.length) / count);
    pieces.push(characters.slice(start, end).join(''));
  }
  return pieces;
}
