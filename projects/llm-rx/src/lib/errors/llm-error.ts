import type {LlmAttempt} from '../usage/llm-usage';

const LLM_ERROR_MARKER = Symbol.for('llm-rx.error');

/** Options every llm-rx error takes. */
export interface LlmErrorOptions {
  /** The underlying error, e.g. the SDK's. */
  readonly cause?: unknown;
}

/**
 * The base of every error llm-rx raises. Branch on the subclasses' `isInstance()` checks, which work across
 * duplicated bundles where `instanceof` does not.
 */
export class LlmError extends Error {
  private readonly [LLM_ERROR_MARKER] = true;

  /**
   * Every attempt (request sent) of the call this error ended, in order, the failing one last: the same list a
   * successful call gives as `usage.attempts`. Empty for an error raised before any request (an invalid request
   * or option). Not enumerable, so that `JSON.stringify(error)` never walks into the attempts' own errors.
   */
  declare readonly attempts: readonly LlmAttempt[];

  /**
   * @param message What went wrong and what to do; never contains an API key.
   * @param options The cause, if any.
   */
  constructor(message: string, options: LlmErrorOptions = {}) {
    super(message, {cause: options.cause});
    this.name = 'LlmError';
    _setErrorAttempts(this, []);
  }

  /**
   * Whether a value is an llm-rx error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it carries the llm-rx error marker.
   */
  static isInstance(error: unknown): error is LlmError {
    return hasMarker(error, LLM_ERROR_MARKER);
  }
}

/**
 * Sets the attempts of an error that ends a call (see `LlmError.attempts`).
 * @internal Used by the stream machinery (`fromProviderStream`, retries, cascades) as the error travels outwards.
 * @param error The error.
 * @param attempts The call's attempts so far.
 */
export function _setErrorAttempts(error: LlmError, attempts: readonly LlmAttempt[]): void {
  Object.defineProperty(error, 'attempts', {value: attempts, writable: true, enumerable: false, configurable: true});
}

/**
 * Whether a value carries a `Symbol.for` marker set by an llm-rx error class.
 * @internal Shared by the error subclasses.
 */
export function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}
