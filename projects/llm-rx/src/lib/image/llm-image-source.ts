import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import type {LlmImagePart} from '../request/llm-content';

/** An image as an adapter sends it: a URL the provider fetches, or base64 bytes with their media type. */
export type LlmImageSource =
  | {readonly kind: 'url'; readonly url: string; readonly mediaType: string | undefined}
  | {readonly kind: 'base64'; readonly mediaType: string; readonly data: string};

/** Media types by file extension, for URLs and for `Blob`s without a `type`. */
const MEDIA_TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*),/i;

/**
 * What an adapter sends of an image part, once `fromProviderStream()` has read its `Blob` (if any) into a
 * `data:` URL: a URL with its media type where known, or the base64 bytes and their media type.
 * @param part An image part of a request the kit passed to the adapter.
 * @returns The URL or the bytes.
 * @throws LlmInvalidRequestError for a `Blob` not yet read (an adapter called without the kit) or a `data:` URL
 *   that is not base64.
 */
export function llmImageSourceOf(part: LlmImagePart): LlmImageSource {
  const {image} = part;
  if (typeof image !== 'string') {
    throw new LlmInvalidRequestError(
      'messages',
      'llm-rx: a Blob image reached the adapter unread; call the model through fromProviderStream(), which reads it.',
    );
  }
  const dataUrl = parseLlmDataUrl(image);
  if (dataUrl === undefined) return {kind: 'url', url: image, mediaType: part.mediaType ?? mediaTypeOfUrl(image)};
  if (!dataUrl.isBase64) {
    throw new LlmInvalidRequestError(
      'messages',
      'llm-rx: an image data: URL must be base64 (data:image/png;base64,…).',
    );
  }
  return {kind: 'base64', mediaType: (part.mediaType ?? dataUrl.mediaType).toLowerCase(), data: dataUrl.data};
}

/**
 * An image as the wires that take images as URLs send it (Chat Completions, the Responses API, Cohere): its URL, or
 * its bytes as a base64 `data:` URL with their media type.
 * @param part An image part of a request the kit passed to the adapter.
 * @returns The URL.
 * @throws LlmInvalidRequestError as `llmImageSourceOf()` does.
 */
export function llmImageUrlOf(part: LlmImagePart): string {
  const source = llmImageSourceOf(part);
  return source.kind === 'url' ? source.url : base64DataUrl(source.mediaType, source.data);
}

/**
 * Reads a `Blob` into a base64 `data:` URL.
 * @param blob The bytes.
 * @param mediaType Their media type, e.g. `image/png`.
 * @returns `data:<mediaType>;base64,…`.
 */
export async function blobToDataUrl(blob: Blob, mediaType: string): Promise<string> {
  return base64DataUrl(mediaType, bytesToBase64(new Uint8Array(await blob.arrayBuffer())));
}

function base64DataUrl(mediaType: string, base64: string): string {
  return `data:${mediaType};base64,${base64}`;
}

/**
 * Reads a `data:` URL's header.
 * @param url Any string.
 * @returns Its media type (default `text/plain`, as the URL syntax says), whether it is base64, and its data; or
 *   `undefined` when the string is no `data:` URL.
 */
export function parseLlmDataUrl(
  url: string,
): {readonly mediaType: string; readonly isBase64: boolean; readonly data: string} | undefined {
  const header = DATA_URL.exec(url);
  if (!header) return undefined;
  const parameters = header[2].split(';').map(parameter => parameter.trim().toLowerCase());
  return {
    mediaType: (header[1].trim() || 'text/plain').toLowerCase(),
    isBase64: parameters.includes('base64'),
    data: url.slice(header[0].length),
  };
}

/**
 * The media type a URL's path extension names (`photo.JPG` → `image/jpeg`).
 * @param url An image URL.
 * @returns The media type, or `undefined` for an unknown or missing extension.
 */
export function mediaTypeOfUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : MEDIA_TYPES_BY_EXTENSION[extension];
}

/**
 * How many bytes a base64 text decodes to, without decoding it.
 * @param base64 Base64 text, padded or not.
 * @returns The decoded length.
 */
export function base64ByteLength(base64: string): number {
  const length = base64.replace(/\s/g, '').length;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((length * 3) / 4) - padding;
}

/**
 * Encodes bytes as base64, in pieces (a spread of a whole image would overflow the call stack).
 * @param bytes The bytes.
 * @returns Their base64 text.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let start = 0; start < bytes.length; start += step) {
    binary += String.fromCharCode(...bytes.subarray(start, start + step));
  }
  return btoa(binary);
}

/**
 * Decodes base64 text to bytes.
 * @param base64 Base64 text.
 * @returns The bytes.
 */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
