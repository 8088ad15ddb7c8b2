import {computeLlmCost, type LlmPriceTable, type LlmTokenCounts} from 'llm-rx';
import type {BodyImages} from './body-images';
import type {LlmProxySpend} from './store/llm-proxy-store';
import {NANO_USD_PER_USD} from './store/store-units';

/** Characters per token, for an estimate when the upstream reported no usage (a cancelled or broken stream). */
const CHARS_PER_TOKEN = 4;

/**
 * The token counts of a request with only input and output known.
 * @param inputTokens Input tokens.
 * @param outputTokens Output tokens.
 * @returns The counts, with no cache or reasoning part.
 */
export function plainTokens(inputTokens: number, outputTokens: number): LlmTokenCounts {
  return {inputTokens, outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0};
}

/**
 * Prices token counts as a spend, in nano-dollars; a model without a price costs 0 here (a cost budget refuses
 * such a model before it is called, with `price-unknown`).
 * @param provider The provider.
 * @param model The model.
 * @param tokens The counts.
 * @param table The prices.
 * @param atMs When the call was made (time-of-day prices).
 * @returns Tokens (input plus output) and nano-dollars.
 */
export function spendOf(
  provider: string,
  model: string,
  tokens: LlmTokenCounts,
  table: LlmPriceTable,
  atMs: number,
): LlmProxySpend & {costUsd: number | null} {
  const price = table.priceOf(provider, model);
  const costUsd = price ? computeLlmCost(tokens, price, new Date(atMs)).totalCost : null;
  return {
    tokens: tokens.inputTokens + tokens.outputTokens,
    costNanoUsd: toNanoUsd(costUsd ?? 0),
    costUsd,
  };
}

/** How far, relative to a value, float rounding in a price's few products and sums can take it. */
const FLOAT_NOISE = 16 * Number.EPSILON;

/**
 * Dollars as whole nano-dollars, a fraction rounded up, but not the float noise of a product such as
 * `0.00022500000000000002 * 1e9` (225000.00000000003 is 225000, not 225001).
 */
function toNanoUsd(usd: number): number {
  const nano = usd * NANO_USD_PER_USD;
  return Math.ceil(nano - Math.abs(nano) * FLOAT_NOISE);
}

/** A body without images. */
export const NO_BODY_IMAGES: BodyImages = {count: 0, base64Chars: 0};

/** How the proxy counts a body's images: what they are, and the tokens one counts for (`imageInputTokens`). */
export interface BodyImageCount {
  readonly images: BodyImages;
  /** The config's `imageInputTokens`; `undefined` counts each image's base64 like any other byte of the body. */
  readonly tokensPerImage: number | undefined;
}

const BYTES_AS_TOKENS: BodyImageCount = {images: NO_BODY_IMAGES, tokensPerImage: undefined};

/**
 * The most a request can spend, reserved against the daily budgets while it streams: its input at one token per
 * byte of its body (no tokenizer gives more tokens than a text has bytes), its images at `imageInputTokens` each
 * where the config sets it (instead of their base64's bytes), and its output at its output-token cap.
 * @param bodyBytes The forwarded body's size in bytes.
 * @param maxOutputTokens The request's output-token cap.
 * @param imageCount The body's images and the tokens one counts for.
 * @returns The bound's token counts.
 */
export function reservationTokens(
  bodyBytes: number,
  maxOutputTokens: number,
  imageCount: BodyImageCount = BYTES_AS_TOKENS,
): LlmTokenCounts {
  const {images, tokensPerImage} = imageCount;
  if (tokensPerImage === undefined) return plainTokens(bodyBytes, maxOutputTokens);
  return plainTokens(bodyBytes - images.base64Chars + images.count * tokensPerImage, maxOutputTokens);
}

/**
 * What a request spent when the upstream reported no usage (the client went away, the stream broke): its input
 * and its streamed output at about four characters a token, its images at `imageInputTokens` each where set.
 * @param bodyBytes The forwarded body's size in bytes.
 * @param outputChars The text, reasoning and tool-argument characters that streamed back.
 * @param imageCount The body's images and the tokens one counts for.
 * @returns The estimate's token counts.
 */
export function estimatedTokens(
  bodyBytes: number,
  outputChars: number,
  imageCount: BodyImageCount = BYTES_AS_TOKENS,
): LlmTokenCounts {
  const {images, tokensPerImage} = imageCount;
  const outputTokens = Math.ceil(outputChars / CHARS_PER_TOKEN);
  if (tokensPerImage === undefined) return plainTokens(Math.ceil(bodyBytes / CHARS_PER_TOKEN), outputTokens);
  const textTokens = Math.ceil((bodyBytes - images.base64Chars) / CHARS_PER_TOKEN);
  return plainTokens(textTokens + images.count * tokensPerImage, outputTokens);
}
