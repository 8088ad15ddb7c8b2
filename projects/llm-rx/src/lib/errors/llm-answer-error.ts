import type {LlmUsage} from '../usage/llm-usage';
import {hasMarker, LlmError, type LlmErrorOptions} from './llm-error';

const MARKER = Symbol.for('llm-rx.answer-error');

/**
 * The model answered, and was billed, but the answer cannot be used: it was cut at the output cap
 * (`LlmTruncationError`), it is not the object that was asked for (`LlmObjectError`), or the model refused
 * (`LlmRefusalError`). Raised after every chunk was emitted; the usage is kept, with the call's attempts. Neither
 * retried nor failed over: content reached the subscriber.
 */
export abstract class LlmAnswerError extends LlmError {
  private readonly [MARKER] = true;

  /**
   * @param message What went wrong and what to do.
   * @param usage The call's usage: tokens, cost, timing, finish reason and attempts.
   * @param options The cause, if any.
   */
  constructor(
    message: string,
    readonly usage: LlmUsage,
    options: LlmErrorOptions = {},
  ) {
    super(message, options);
    this.name = 'LlmAnswerError';
  }

  /**
   * The same error with another usage (the call's, once its attempts are known).
   * @internal Used by the stream machinery as the error travels outwards.
   */
  abstract _withUsage(usage: LlmUsage): LlmAnswerError;

  /**
   * Whether a value is an answer error (truncation, object or refusal), from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmAnswerError`.
   */
  static override isInstance(error: unknown): error is LlmAnswerError {
    return hasMarker(error, MARKER);
  }
}
