import {hasMarker} from './llm-error';
import {LlmInvalidRequestError} from './llm-invalid-request-error';

const MARKER = Symbol.for('llm-rx.image-input-error');

/**
 * Why a provider would not take a request's images:
 *
 * - `no-images`: it takes no images at all;
 * - `too-many`: more images than it takes in one request;
 * - `url-not-fetched`: an image by URL, where it takes bytes only;
 * - `media-type-unknown`: bytes (or, where it needs one, a URL) whose media type is neither given nor readable;
 * - `media-type-not-taken`: a media type it does not take;
 * - `image-too-large`: one image over its size limit;
 * - `images-too-large`: all images together over its limit for a request.
 */
export type LlmImageInputProblem =
  | 'no-images'
  | 'too-many'
  | 'url-not-fetched'
  | 'media-type-unknown'
  | 'media-type-not-taken'
  | 'image-too-large'
  | 'images-too-large';

/**
 * A request's images break a provider's limits (its media types, sizes, image count, URLs), found before any
 * network call and before any attempt. An `LlmInvalidRequestError` on the field `messages`, with what is wrong as
 * `problem` and the image's place as `at`, so that a UI can say so without reading the message.
 *
 * ```ts
 * if (LlmImageInputError.isInstance(error) && error.problem === 'image-too-large') askToScaleDown(error.at);
 * ```
 */
export class LlmImageInputError extends LlmInvalidRequestError {
  private readonly [MARKER] = true;
  /** What is wrong. */
  readonly problem: LlmImageInputProblem;
  /** The image's place, e.g. `messages[2].content[1]`; `undefined` for a problem of all images together. */
  readonly at: string | undefined;

  /**
   * @param problem What is wrong.
   * @param at The image's place, or `undefined` for all images together.
   * @param message What is wrong and what to do.
   */
  constructor(problem: LlmImageInputProblem, at: string | undefined, message: string) {
    super('messages', message);
    this.name = 'LlmImageInputError';
    this.problem = problem;
    this.at = at;
  }

  /**
   * Whether a value is an image-input error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmImageInputError`.
   */
  static override isInstance(error: unknown): error is LlmImageInputError {
    return hasMarker(error, MARKER);
  }
}
