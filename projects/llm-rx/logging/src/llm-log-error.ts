import {LlmError} from 'llm-rx';

const MARKER = Symbol.for('llm-rx.log-error');

/**
 * Why the log could not write.
 *
 * - `unavailable`: IndexedDB is missing (server, some private modes) or the database failed to open.
 * - `blocked`: another tab holds an older version of the database open; writing resumes when it closes.
 * - `quota`: the origin's storage is full.
 * - `write`: any other failed write.
 * - `dropped`: the in-memory buffer of unwritten records overflowed and its oldest records were dropped.
 * - `hash`: WebCrypto is unavailable (not a secure context), so rows carry no API key hash.
 */
export type LlmLogErrorKind = 'unavailable' | 'blocked' | 'quota' | 'write' | 'dropped' | 'hash';

/** The call log could not store records. The calls themselves are not affected. */
export class LlmLogError extends LlmError {
  private readonly [MARKER] = true;

  /**
   * @param kind Why the log could not write.
   * @param message What happened and what the log does about it.
   * @param cause The underlying error, e.g. Dexie's.
   */
  constructor(
    readonly kind: LlmLogErrorKind,
    message: string,
    cause?: unknown,
  ) {
    super(message, {cause});
    this.name = 'LlmLogError';
  }

  /**
   * Whether a value is a log error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmLogError`.
   */
  static override isInstance(error: unknown): error is LlmLogError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}

/**
 * Classifies a failed database operation, looking through Dexie's wrappers (`inner`) and `cause` chains.
 * @param error What the operation rejected with.
 * @returns `quota`, `unavailable` or `write`.
 */
export function logErrorKindOf(error: unknown): Extract<LlmLogErrorKind, 'quota' | 'unavailable' | 'write'> {
  const names = new Set<string>();
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const {name, inner, cause} = current as {name?: unknown; inner?: unknown; cause?: unknown};
    if (typeof name === 'string') names.add(name);
    current = inner ?? cause;
  }
  if (names.has('QuotaExceededError')) return 'quota';
  if (names.has('MissingAPIError') || names.has('OpenFailedError') || names.has('InvalidStateError')) {
    return 'unavailable';
  }
  return 'write';
}
