import type {LlmAttempt} from '../usage/llm-usage';
import {_setErrorAttempts, hasMarker, LlmError} from './llm-error';
import {redactSecrets} from '../provider/redact-secrets';

const MARKER = Symbol.for('llm-rx.cascade-error');

/**
 * Every child of a cascade failed before any content. `attempts` lists every request the cascade made (retries
 * and nested cascades' children included), in order, each with its error.
 */
export class LlmCascadeError extends LlmError {
  private readonly [MARKER] = true;

  /** @param attempts Every attempt, in order, each with its error. */
  constructor(attempts: readonly LlmAttempt[]) {
    super(
      `llm-rx: all ${attempts.length} attempts of the cascade failed: ` +
        attempts.map(attempt => `${attempt.provider}/${attempt.model}: ${describe(attempt.error)}`).join('; '),
      {cause: attempts.at(-1)?.error},
    );
    this.name = 'LlmCascadeError';
    _setErrorAttempts(this, attempts);
  }

  /**
   * Whether a value is a cascade error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmCascadeError`.
   */
  static override isInstance(error: unknown): error is LlmCascadeError {
    return hasMarker(error, MARKER);
  }
}

// A cause's message may quote the key (an SDK echoing a header, a proxy's error page): never copy it into ours.
function describe(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}
