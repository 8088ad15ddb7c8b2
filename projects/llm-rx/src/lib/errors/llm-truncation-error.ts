import type {LlmUsage} from '../usage/llm-usage';
import {LlmAnswerError} from './llm-answer-error';
import {hasMarker} from './llm-error';

const MARKER = Symbol.for('llm-rx.truncation-error');

/**
 * The answer was cut at the output cap (`maxTokens`). Raised after every chunk was emitted; the partial text and
 * the usage are kept. Neither retried nor failed over.
 */
export class LlmTruncationError extends LlmAnswerError {
  private readonly [MARKER] = true;

  /**
   * @param partialContent The text streamed before the cut.
   * @param usage The call's usage, finish reason `length`.
   * @param maxTokens The cap that was hit, when the request set one.
   */
  constructor(
    readonly partialContent: string,
    usage: LlmUsage,
    readonly maxTokens: number | undefined,
  ) {
    super(truncationMessage(usage, maxTokens), usage);
    this.name = 'LlmTruncationError';
  }

  /** @internal */
  override _withUsage(usage: LlmUsage): LlmTruncationError {
    return new LlmTruncationError(this.partialContent, usage, this.maxTokens);
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

/** What cut the answer: the request's cap when the answer reached it, else the model's or the context's limit. */
function truncationMessage(usage: LlmUsage, maxTokens: number | undefined): string {
  const who = `llm-rx: the answer from ${usage.provider} (${usage.model})`;
  const tokens = `${usage.outputTokens} output tokens`;
  if (maxTokens === undefined) {
    return `${who} was cut off at the model's output limit (${tokens}). Set maxTokens higher, or ask for a shorter answer.`;
  }
  if (usage.outputTokens >= maxTokens) {
    return `${who} was cut off at maxTokens ${maxTokens} (${tokens}). Raise maxTokens or ask for a shorter answer.`;
  }
  return (
    `${who} was cut off after ${tokens}, below maxTokens ${maxTokens}: the model's own output limit or its context ` +
    'window was reached. Shorten the prompt or the conversation, or pick a model with a larger limit.'
  );
}
