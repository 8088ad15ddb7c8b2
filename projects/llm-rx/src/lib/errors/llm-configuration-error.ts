import {hasMarker, LlmError, type LlmErrorOptions} from './llm-error';

const MARKER = Symbol.for('llm-rx.configuration-error');

/** The toolkit is set up wrongly: an unknown provider, a missing API key, an invalid option. Never retried. */
export class LlmConfigurationError extends LlmError {
  private readonly [MARKER] = true;

  constructor(message: string, options: LlmErrorOptions = {}) {
    super(message, options);
    this.name = 'LlmConfigurationError';
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
