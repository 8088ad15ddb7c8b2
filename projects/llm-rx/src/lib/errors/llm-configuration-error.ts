import {hasMarker, LlmError, type LlmErrorOptions} from './llm-error';

const MARKER = Symbol.for('llm-rx.configuration-error');

/** What an `LlmConfigurationError` knows about the mistake. */
export interface LlmConfigurationErrorOptions extends LlmErrorOptions {
  /** The option or argument at fault, e.g. `baseURL`, `apiKey` or `llms`. */
  readonly field?: string;
}

/**
 * The toolkit is set up wrongly: an unknown provider, an invalid option, an SDK that is not installed. Raised when
 * the model is created (or, for a missing SDK, at the first call), before any network call. Never retried.
 */
export class LlmConfigurationError extends LlmError {
  private readonly [MARKER] = true;
  /** The option or argument at fault, e.g. `baseURL`; `undefined` when the error is not about one value. */
  readonly field: string | undefined;

  /**
   * @param message What is wrong and what to do; names the field.
   * @param options The field at fault and the cause, if any.
   */
  constructor(message: string, options: LlmConfigurationErrorOptions = {}) {
    super(message, options);
    this.name = 'LlmConfigurationError';
    this.field = options.field;
  }

  /**
   * Whether a value is a configuration error (invalid requests included), from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmConfigurationError`.
   */
  static override isInstance(error: unknown): error is LlmConfigurationError {
    return hasMarker(error, MARKER);
  }
}
