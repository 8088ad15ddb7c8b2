import {hasMarker, LlmError} from './llm-error';

const MARKER = Symbol.for('llm-rx.timeout-error');

/** Which wait ran out: for the first content chunk, or between two chunks. */
export type LlmTimeoutKind = 'first-chunk' | 'idle';

/** Context of a timeout, like rxjs `TimeoutError.info`. */
export interface LlmTimeoutInfo {
  readonly kind: LlmTimeoutKind;
  readonly timeoutMs: number;
  /** The provider that stalled, when known. */
  readonly provider?: string;
  readonly model?: string;
  /** How many chunks arrived before the wait ran out. */
  readonly chunksSeen: number;
}

/** No chunk arrived in time. Retryable, and a cascade fails over on it while no content was emitted. */
export class LlmTimeoutError extends LlmError {
  private readonly [MARKER] = true;
  readonly isRetryable = true;

  /** @param info Which wait ran out, after how long and how many chunks. */
  constructor(readonly info: LlmTimeoutInfo) {
    super(
      `llm-rx: ${info.provider ?? 'the provider'} sent no ${info.kind === 'first-chunk' ? 'first chunk' : 'chunk'} ` +
        `within ${info.timeoutMs} ms (${info.chunksSeen} chunks received). ` +
        `Raise the ${info.kind === 'first-chunk' ? 'firstChunkTimeoutMs' : 'idleTimeoutMs'} option if the model needs longer.`,
    );
    this.name = 'LlmTimeoutError';
  }

  /**
   * Whether a value is a timeout error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmTimeoutError`.
   */
  static override isInstance(error: unknown): error is LlmTimeoutError {
    return hasMarker(error, MARKER);
  }
}
