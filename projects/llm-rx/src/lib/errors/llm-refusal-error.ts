import type {LlmUsage} from '../usage/llm-usage';
import {LlmAnswerError} from './llm-answer-error';
import {hasMarker} from './llm-error';

const MARKER = Symbol.for('llm-rx.refusal-error');

/**
 * The model refused to give the object a request asked for (`LlmRequest.output`): OpenAI's `refusal`, Anthropic's
 * `refusal` stop reason, or a provider's content filter. Raised after every chunk was emitted; it keeps the
 * refusal's text and the usage. Neither retried nor failed over.
 */
export class LlmRefusalError extends LlmAnswerError {
  private readonly [MARKER] = true;

  /**
   * @param refusal What the model said instead of the object (its refusal message, or the text it streamed).
   * @param usage The call's usage; its finish reason says which kind of refusal it was.
   */
  constructor(
    readonly refusal: string,
    usage: LlmUsage,
  ) {
    super(
      `llm-rx: ${usage.provider} (${usage.model}) refused to answer with the object` +
        (refusal === '' ? '' : `: "${refusal.length > 200 ? `${refusal.slice(0, 200)}…` : refusal}"`) +
        ` (finish reason ${usage.finishReason.raw ?? usage.finishReason.unified}). Rephrase the request; ` +
        'the whole refusal is in error.refusal.',
      usage,
    );
    this.name = 'LlmRefusalError';
  }

  /** @internal */
  override _withUsage(usage: LlmUsage): LlmRefusalError {
    return new LlmRefusalError(this.refusal, usage);
  }

  /**
   * Whether a value is a refusal error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmRefusalError`.
   */
  static override isInstance(error: unknown): error is LlmRefusalError {
    return hasMarker(error, MARKER);
  }
}
