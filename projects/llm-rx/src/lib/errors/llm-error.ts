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
   * @param message What went wrong and what to do; never contains an API key.
   * @param options The cause, if any.
   */
  constructor(message: string, options: LlmErrorOptions = {}) {
    super(message, {cause: options.cause});
    this.name = 'LlmError';
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
 * Whether a value carries a `Symbol.for` marker set by an llm-rx error class.
 * @internal Shared by the error subclasses.
 */
export function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}
