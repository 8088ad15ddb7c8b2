import type {LlmUsage} from '../usage/llm-usage';
import {hasMarker, LlmError} from './llm-error';

const MARKER = Symbol.for('llm-rx.truncation-error');

/**
 * The answer was cut at the output cap (`maxTokens`). Raised after every chunk was emitted; the partial text and
 * the usage are kept. Neither retried nor failed over.
 */
export class LlmTruncationError extends LlmError {
  private readonly [MARKER] = true;

  /**
   * @param partialContent The text streamed before the cut.
   * @param usage The call's usage, finish reason `length`.
   * @param maxTokens The cap that was hit, when the request set one.
   */
  constructor(
    readonly partialContent: string,
    readonly usage: LlmUsage,
    readonly maxTokens: number | undefined,
  ) {
    super(
      `llm-rx: the answer from ${usage.provider} (${usage.model}) was truncated at ` +
        `${maxTokens === undefined ? "the model's output limit" : `maxTokens ${maxTokens}`} ` +
        `(${usage.outputTokens} output tokens). Raise maxTokens or ask for a shorter answer.`,
    );
    this.name = 'LlmTruncationError';
  }

  /**
   * Whether a value is a truncation error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmTruncationError`.
   */
  static override isInstance(error: unknown): error is LlmTruncationError {
    return hasMarker(error, MARKER);
  }
}
