import {blobToDataUrl, describeLlmImage, llmImagesOf, peekLlmImage} from 'llm-rx';
import type {LlmImageBody, LlmImageDescription, LlmImagePart, LlmRequest} from 'llm-rx';

/**
 * The images of one logged call, described off the stream's path: each image's SHA-256 (and, with `storeImages`,
 * a `Blob`'s bytes as a `data:` URL) is computed from the task after the call starts, all in parallel, and what is
 * known so far is readable at any time without awaiting, so that a body row written early (a call cancelled or failed at once, a
 * page that unloads) still holds each image's media type and size, with `sha256: null` until it is known.
 * @internal Used by `logLlmCalls()` and `buildBodyRecord()`.
 */
export class LoggedImages {
  readonly #described = new Map<LlmImagePart, LlmImageDescription>();
  readonly #stored = new Map<LlmImagePart, string>();
  readonly #storesImages: boolean;
  /** Resolves once every description (and every stored `Blob`) is known, or failed; never rejects. */
  readonly settled: Promise<void>;

  /**
   * Starts describing the images of a request.
   * @param request The request.
   * @param storesImages Whether the images themselves are kept (`storeImages`).
   * @param onFailure Told when an image cannot be described (no WebCrypto) or read; it then keeps `sha256: null`.
   * @returns The tracker, or `undefined` for a request without images (which then costs nothing more).
   */
  static start(
    request: LlmRequest | undefined,
    storesImages: boolean,
    onFailure: (error: unknown) => void,
  ): LoggedImages | undefined {
    const parts = request === undefined ? [] : llmImagesOf(request).map(image => image.part);
    return parts.length === 0 ? undefined : new LoggedImages(parts, storesImages, onFailure);
  }

  private constructor(parts: readonly LlmImagePart[], storesImages: boolean, onFailure: (error: unknown) => void) {
    this.#storesImages = storesImages;
    // Started in a task of its own: decoding a large data: URL before hashing it is synchronous work that must not
    // lengthen the task that subscribes (and sends the request).
    this.settled = new Promise<void>(resolve => setTimeout(resolve, 0)).then(() =>
      this.#describe(parts, storesImages, onFailure),
    );
  }

  #describe(parts: readonly LlmImagePart[], storesImages: boolean, onFailure: (error: unknown) => void): Promise<void> {
    const work = parts.flatMap(part => [
      describeLlmImage(part).then(description => {
        this.#described.set(part, description);
      }),
      ...(storesImages && typeof part.image !== 'string'
        ? [storedBlob(part, part.image).then(dataUrl => this.#stored.set(part, dataUrl))]
        : []),
    ]);
    return Promise.all(work.map(task => task.catch(onFailure))).then(() => undefined);
  }

  /**
   * An image as the body row stores it now.
   * @param part One of the request's image parts.
   * @returns Its description (`sha256: null` while not known) and, with `storeImages`, the image.
   */
  bodyOf(part: LlmImagePart): LlmImageBody {
    const image = this.#storesImages
      ? typeof part.image === 'string'
        ? part.image
        : this.#stored.get(part)
      : undefined;
    return {...imageBodyOf(part, this.#described.get(part)), ...(image === undefined ? {} : {image})};
  }
}

/**
 * An image as stored, from its description or, before it is known, from what `peekLlmImage()` knows.
 * @param part The image part.
 * @param description Its description, when known.
 * @returns The stored description, without the image itself.
 */
export function imageBodyOf(part: LlmImagePart, description?: LlmImageDescription): LlmImageBody {
  if (description !== undefined) return {type: 'image', ...description};
  const {kind, mediaType, byteLength} = peekLlmImage(part);
  return {
    type: 'image',
    source: kind,
    mediaType: mediaType ?? null,
    byteLength: kind === 'url' ? null : (byteLength ?? null),
    sha256: null,
  };
}

async function storedBlob(part: LlmImagePart, blob: Blob): Promise<string> {
  const mediaType = peekLlmImage(part).mediaType ?? 'application/octet-stream';
  return blobToDataUrl(blob, mediaType);
}
