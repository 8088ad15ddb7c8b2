import {hasMarker, LlmError} from './llm-error';

const MARKER = Symbol.for('llm-rx.abort-error');

/**
 * The call was cancelled through `request.signal`. Its `cause` is the signal's `reason`. Neither retried nor
 * failed over; a log records the call as `cancelled`. (Unsubscribing cancels without any error.)
 */
export class LlmAbortError extends LlmError {
  private readonly [MARKER] = true;

  /**
   * @param provider The provider whose call was cancelled, when known.
   * @param reason The signal's `reason`.
   */
  constructor(provider: string | undefined, reason: unknown) {
    super(`llm-rx: the ${provider ?? 'LLM'} call was cancelled through request.signal.`, {cause: reason});
    this.name = 'LlmAbortError';
  }

  /**
   * Whether a value is an abort error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmAbortError`.
   */
  static override isInstance(error: unknown): error is LlmAbortError {
    return hasMarker(error, MARKER);
  }
}
