import {LlmImageInputError} from '../errors/llm-image-input-error';
import type {LlmImagePart} from '../request/llm-content';
import type {LlmRequest} from '../request/llm-request';
import type {LlmImageInput} from './llm-image-input';
import {base64ByteLength, mediaTypeOfUrl, parseLlmDataUrl} from './llm-image-source';

/** An image part of a request, with where it is (`messages[2].content[1]`). */
export interface LocatedLlmImage {
  readonly part: LlmImagePart;
  /** Its place in the request, as error messages name it. */
  readonly at: string;
}

/**
 * Every image part of a request's messages, in order.
 * @param request A request whose shape was validated.
 * @returns The image parts with their places.
 */
export function llmImagesOf(request: LlmRequest): readonly LocatedLlmImage[] {
  const images: LocatedLlmImage[] = [];
  request.messages?.forEach((message, messageIndex) => {
    if (message.role !== 'user' || typeof message.content === 'string') return;
    message.content.forEach((part, partIndex) => {
      if (part.type === 'image') images.push({part, at: `messages[${messageIndex}].content[${partIndex}]`});
    });
  });
  return images;
}

/**
 * What can be known of an image part without reading it: its media type (given, the `Blob`'s, the `data:` URL's,
 * or the URL's extension) and its decoded size (a `Blob`'s or a `data:` URL's; `undefined` for a URL).
 * @param part An image part.
 * @returns Its kind, media type and size, as far as known.
 */
export function peekLlmImage(part: LlmImagePart): {
  readonly kind: 'url' | 'bytes';
  readonly mediaType: string | undefined;
  readonly byteLength: number | undefined;
} {
  const given = part.mediaType?.toLowerCase();
  const {image} = part;
  if (typeof image !== 'string') {
    return {kind: 'bytes', mediaType: given ?? (image.type.toLowerCase() || undefined), byteLength: image.size};
  }
  const dataUrl = parseLlmDataUrl(image);
  if (dataUrl === undefined) return {kind: 'url', mediaType: given ?? mediaTypeOfUrl(image), byteLength: undefined};
  return {
    kind: 'bytes',
    mediaType: given ?? dataUrl.mediaType,
    byteLength: dataUrl.isBase64 ? base64ByteLength(dataUrl.data) : undefined,
  };
}

/**
 * Checks a request's images against what a provider accepts, before any network call: that it takes images at
 * all, each image's media type and size, their number and total size, and URLs where it cannot fetch them.
 * @internal Run by `fromProviderStream()` with the provider's `imageInput`.
 * @param request A request whose shape was validated.
 * @param limits What the provider accepts, or `undefined` when it takes no images.
 * @param provider The provider's name, for the messages.
 * @throws LlmImageInputError (an `LlmInvalidRequestError` on `messages`) with its `problem`, naming the image and
 *   what to do.
 */
export function _checkLlmImages(request: LlmRequest, limits: LlmImageInput | undefined, provider: string): void {
  const images = llmImagesOf(request);
  if (images.length === 0) return;
  if (limits === undefined) {
    throw new LlmImageInputError(
      'no-images',
      images[0].at,
      `llm-rx: ${provider} takes no images (${images[0].at} is one); send text only, or choose a provider that ` +
        'reads images.',
    );
  }
  if (limits.maxImages !== undefined && images.length > limits.maxImages) {
    throw new LlmImageInputError(
      'too-many',
      undefined,
      `llm-rx: ${provider} takes at most ${limits.maxImages} images in one request; this one has ${images.length}.`,
    );
  }
  let totalBytes = 0;
  for (const {part, at} of images) {
    const {kind, mediaType, byteLength} = peekLlmImage(part);
    if (kind === 'url' && !limits.urls) {
      throw new LlmImageInputError(
        'url-not-fetched',
        at,
        `llm-rx: ${provider} does not fetch image URLs (${at}.image); send the image's bytes instead, as a Blob, a ` +
          'File or a base64 data: URL.',
      );
    }
    if (mediaType === undefined) {
      if (kind === 'bytes' || limits.requiresMediaType) {
        throw new LlmImageInputError(
          'media-type-unknown',
          at,
          `llm-rx: the media type of ${at}.image is unknown; set ${at}.mediaType, e.g. 'image/png'.`,
        );
      }
    } else if (!limits.mediaTypes.includes(mediaType)) {
      throw new LlmImageInputError(
        'media-type-not-taken',
        at,
        `llm-rx: ${provider} does not take ${mediaType} images (${at}); it takes ${limits.mediaTypes.join(', ')}. ` +
          'Convert the image first.',
      );
    }
    if (byteLength === undefined) continue;
    if (byteLength > limits.maxImageBytes) {
      throw new LlmImageInputError(
        'image-too-large',
        at,
        `llm-rx: ${at}.image is ${formatBytes(byteLength)}; ${provider} takes images of at most ` +
          `${formatBytes(limits.maxImageBytes)}. Scale it down first.`,
      );
    }
    totalBytes += byteLength;
  }
  if (limits.maxTotalImageBytes !== undefined && totalBytes > limits.maxTotalImageBytes) {
    throw new LlmImageInputError(
      'images-too-large',
      undefined,
      `llm-rx: the request's images are ${formatBytes(totalBytes)} together; ${provider} takes at most ` +
        `${formatBytes(limits.maxTotalImageBytes)} in one request. Send fewer or smaller images.`,
    );
  }
}

/** A size as a person reads it: `3.2 MB`, `512 kB`, `900 bytes` (decimal units). */
function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${Math.round(bytes / 1e5) / 10} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e2) / 10} kB`;
  return `${bytes} bytes`;
}
