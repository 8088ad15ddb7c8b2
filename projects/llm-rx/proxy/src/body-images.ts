/** The images a request body carries as bytes: how many, and how many base64 characters they take. */
export interface BodyImages {
  readonly count: number;
  /** Their base64 text's length: the part of the body's bytes that is image data. */
  readonly base64Chars: number;
}

const BASE64_DATA_URL = /^data:[^,]*;base64,/i;

/**
 * Finds the images a parsed request body carries as base64, in any of the five wires' shapes: a `data:` URL
 * (Chat Completions' and Cohere's `image_url.url`, the Responses API's `image_url`), or an object whose `data` is
 * the base64 beside a `type: 'base64'` (Anthropic's source) or an image `mimeType` (Gemini's `inlineData`;
 * `mime_type` in its snake_case). Images by URL carry no bytes and are not counted.
 * @param body The parsed JSON body.
 * @returns Their number and base64 length.
 */
export function bodyImagesOf(body: unknown): BodyImages {
  let count = 0;
  let base64Chars = 0;
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    const base64 = base64Of(value);
    if (base64 !== undefined) {
      count++;
      base64Chars += base64.length;
    } else if (typeof value === 'object' && value !== null) {
      pending.push(...Object.values(value));
    }
  }
  return {count, base64Chars};
}

/** The base64 text a value holds as an image, or `undefined`. */
function base64Of(value: unknown): string | undefined {
  if (typeof value === 'string') return BASE64_DATA_URL.test(value) ? value : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const {type, data, mimeType, mime_type: mimeTypeSnake} = value as Record<string, unknown>;
  const mediaType = String(mimeType ?? mimeTypeSnake ?? '');
  return (type === 'base64' || mediaType.startsWith('image/')) && typeof data === 'string' ? data : undefined;
}
