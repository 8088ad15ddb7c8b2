import type {LlmImagePart} from '../request/llm-content';
import {peekLlmImage} from './check-llm-images';
import {base64ToBytes, parseLlmDataUrl} from './llm-image-source';

/**
 * What a log or a trace keeps of an image instead of its bytes: where it came from, its media type, its size and
 * the SHA-256 of its bytes (for a URL: of the URL's text), so that two calls with the same image can be matched.
 */
export interface LlmImageDescription {
  /** `bytes` for a `Blob` or a `data:` URL, `url` for an image the provider fetches. */
  readonly source: 'bytes' | 'url';
  /** e.g. `image/png`; `null` when unknown (a URL without a known extension). */
  readonly mediaType: string | null;
  /** The decoded size in bytes; `null` for a URL. */
  readonly byteLength: number | null;
  /** The lower-case hex SHA-256 of the bytes, or of the URL's text. */
  readonly sha256: string;
}

/**
 * Describes an image by media type, size and SHA-256, reading a `Blob` (never changing it).
 * @param part An image part.
 * @returns Its description.
 */
export async function describeLlmImage(part: LlmImagePart): Promise<LlmImageDescription> {
  const {kind, mediaType, byteLength} = peekLlmImage(part);
  const {image} = part;
  let bytes: Uint8Array;
  if (typeof image !== 'string') bytes = new Uint8Array(await image.arrayBuffer());
  else {
    const dataUrl = kind === 'bytes' ? parseLlmDataUrl(image) : undefined;
    bytes =
      dataUrl === undefined
        ? new TextEncoder().encode(image)
        : dataUrl.isBase64
          ? base64ToBytes(dataUrl.data)
          : new TextEncoder().encode(decodeURIComponent(dataUrl.data));
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return {
    source: kind,
    mediaType: mediaType ?? null,
    byteLength: kind === 'url' ? null : (byteLength ?? bytes.length),
    sha256: [...digest].map(byte => byte.toString(16).padStart(2, '0')).join(''),
  };
}
