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

/** A body's images sent as bytes, and the input tokens each counts for (the config's `imageInputTokens`). */
export interface CountedBodyImages extends BodyImages {
  readonly tokensPerImage: number;
}

/**
 * The most a request can spend, reserved against the daily budgets while it streams: its input at one token per
 * byte of its body (no tokenizer gives more tokens than a text has bytes), its images at `imageInputTokens` each
 * where the config sets it (instead of their base64's bytes), and its output at its output-token cap.
 * @param bodyBytes The forwarded body's size in bytes.
 * @param maxOutputTokens The request's output-token cap.
 * @param images The body's images, when they count apart (`imageInputTokens` is set).
 * @returns The bound's token counts.
 */
export function reservationTokens(
  bodyBytes: number,
  maxOutputTokens: number,
  images?: CountedBodyImages,
): LlmTokenCounts {
  const {textBytes, imageTokens} = inputOf(bodyBytes, images);
  return plainTokens(textBytes + imageTokens, maxOutputTokens);
}

/**
 * What a request spent when the upstream reported no usage (the client went away, the stream broke): its input
 * and its streamed output at about four characters a token, its images at `imageInputTokens` each where set.
 * @param bodyBytes The forwarded body's size in bytes.
 * @param outputChars The text, reasoning and tool-argument characters that streamed back.
 * @param images The body's images, when they count apart (`imageInputTokens` is set).
 * @returns The estimate's token counts.
 */
export function estimatedTokens(bodyBytes: number, outputChars: number, images?: CountedBodyImages): LlmTokenCounts {
  const {textBytes, imageTokens} = inputOf(bodyBytes, images);
  return plainTokens(Math.ceil(textBytes / CHARS_PER_TOKEN) + imageTokens, Math.ceil(outputChars / CHARS_PER_TOKEN));
}

/** A body's bytes that count as text, and the tokens its images count for apart (none when they do not). */
function inputOf(bodyBytes: number, images: CountedBodyImages | undefined) {
  if (images === undefined) return {textBytes: bodyBytes, imageTokens: 0};
  return {textBytes: bodyBytes - images.base64Chars, imageTokens: images.count * images.tokensPerImage};
}
