/**
 * What a provider accepts of images in a request, checked by `fromProviderStream()` before any network call. A
 * provider without it takes no images: a request with one fails with `LlmInvalidRequestError`.
 *
 * ```ts
 * const imageInput: LlmImageInput = {
 *   mediaTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
 *   maxImageBytes: 5 * 1024 * 1024,
 *   maxImages: 100,
 *   urls: true,
 * };
 * ```
 */
export interface LlmImageInput {
  /** The media types it accepts, lower case, e.g. `image/png`. */
  readonly mediaTypes: readonly string[];
  /** The most bytes of one image (decoded, not base64). */
  readonly maxImageBytes: number;
  /** The most bytes of all images of one request together; default: no limit beyond each image's. */
  readonly maxTotalImageBytes?: number;
  /** The most images in one request; default: no limit. */
  readonly maxImages?: number;
  /**
   * Whether it fetches `http(s):` image URLs itself. When `false`, a URL image fails before any network call,
   * asking for the bytes (a `Blob` or a `data:` URL) instead.
   */
  readonly urls: boolean;
  /**
   * Whether it needs every image's media type, URLs included (Gemini's `fileData`): a URL whose type is neither
   * given as `mediaType` nor readable from its extension then fails before any network call.
   */
  readonly requiresMediaType?: boolean;
}
