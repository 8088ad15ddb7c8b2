import {LlmConfigurationError} from './llm-configuration-error';
import {hasMarker} from './llm-error';

const MARKER = Symbol.for('llm-rx.invalid-request-error');

/** A request has an invalid value (empty prompt, temperature out of range, …); raised before any network call. */
export class LlmInvalidRequestError extends LlmConfigurationError {
  private readonly [MARKER] = true;
  /** The top-level request field at fault, e.g. `temperature` or `headers`; the message names the exact value. */
  declare readonly field: string;

  /**
   * @param field The request field at fault, e.g. `temperature`.
   * @param message What is wrong with it and what to do.
   */
  constructor(field: string, message: string) {
    super(message, {field});
    this.name = 'LlmInvalidRequestError';
  }

  /**
   * Whether a value is an invalid-request error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmInvalidRequestError`.
   */
  static override isInstance(error: unknown): error is LlmInvalidRequestError {
    return hasMarker(error, MARKER);
  }
}
