/** The images a request body carries as bytes: how many, and how many base64 characters they take. */
export interface BodyImages {
  readonly count: number;
  /** Their base64 text's length: the part of the body's bytes that is image data. */
  readonly base64Chars: number;
}

const BASE64_DATA_URL = /^data:[^,]*;base64,/i;

/**
 * Finds the images a parsed request body carries as base64, in any of the five wires' shapes: a `data:` URL
 * (Chat Completions' and Cohere's `image_url.url`, the Responses API's `image_url`), Anthropic's
 * `{type: 'base64', data}` source and Gemini's `inlineData.data` (or `inline_data`). Images by URL carry no bytes
 * and are not counted.
 * @param body The parsed JSON body.
 * @returns Their number and base64 length.
 */
export function bodyImagesOf(body: unknown): BodyImages {
  let count = 0;
  let base64Chars = 0;
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (BASE64_DATA_URL.test(value)) {
        count++;
        base64Chars += value.length;
      }
    } else if (Array.isArray(value)) {
      pending.push(...value);
    } else if (typeof value === 'object' && value !== null) {
      const fields = value as Record<string, unknown>;
      const data = fields['data'];
      if (fields['type'] === 'base64' && typeof data === 'string') {
        count++;
        base64Chars += data.length;
        continue;
      }
      for (const [name, field] of Object.entries(fields)) {
        const inline = (name === 'inlineData' || name === 'inline_data') && isRecord(field) ? field['data'] : undefined;
        if (typeof inline === 'string') {
          count++;
          base64Chars += inline.length;
        } else {
          pending.push(field);
        }
      }
    }
  }
  return {count, base64Chars};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
