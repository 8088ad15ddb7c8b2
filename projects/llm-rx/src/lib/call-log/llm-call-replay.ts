import type {LlmCallRecord} from './llm-call-record';

/**
 * A position in the call log's replay order (calls by the start of their first attempt, then by trace id): every
 * call at or before it has been replayed.
 */
export interface LlmReplayCursor {
  /** The first attempt's `startedAt` of the last call replayed, epoch milliseconds. */
  readonly startedAt: number;
  /** Its `traceId`, which orders calls that started in the same millisecond. */
  readonly traceId: string;
}

/** Which calls a replay reads. */
export interface LlmReplayQuery {
  /** Only calls after this position (exclusive); `null` or absent: from the oldest. */
  readonly after?: LlmReplayCursor | null;
  /** Only calls whose first attempt started at or after this time, epoch milliseconds. */
  readonly from?: number;
  /** Only calls whose first attempt started before this time, epoch milliseconds. */
  readonly to?: number;
}

/** One call of the log as a replay sees it: every attempt's row, in attempt order. */
export interface LlmReplayCall {
  readonly traceId: string;
  /** The call's rows, `attemptIndex` 0 first. */
  readonly attempts: readonly LlmCallRecord[];
}

/** A page of calls to replay, oldest first. */
export interface LlmReplayPage {
  /**
   * Finished calls only: a call with an attempt still `in-progress` ends the page before it (it is replayed once it
   * ended, or once the log marks it `interrupted`).
   */
  readonly calls: readonly LlmReplayCall[];
  /** The position after the page's last call, to pass as `after` for the next page; `null` for an empty page. */
  readonly cursor: LlmReplayCursor | null;
  /** Whether calls of the query remain after this page (finished or not). */
  readonly hasMore: boolean;
}

/**
 * What a replay reads from a call log: pages of whole calls in a stable order, and a cursor the log remembers per
 * exporter name, so that a replay that stopped (a closed tab) resumes where it left off. `llm-rx/logging`'s
 * `LlmCallLog` implements it; `llm-rx/telemetry`'s replay reads it.
 */
export interface LlmCallReplaySource {
  /**
   * Counts the calls of a query (for progress).
   * @param query Which calls.
   * @returns How many calls (not rows) it has.
   */
  countReplayCalls(query: LlmReplayQuery): Promise<number>;
  /**
   * Reads the next page of whole calls.
   * @param query Which calls, and the position to read after.
   * @param limit The most calls in the page, an integer ≥ 1.
   * @returns The page, oldest first.
   */
  readReplayPage(query: LlmReplayQuery, limit: number): Promise<LlmReplayPage>;
  /**
   * Reads the position a replay under this name reached.
   * @param name The replay's name (e.g. `otel`).
   * @returns The position, or `null` when nothing was replayed under this name.
   */
  readReplayCursor(name: string): Promise<LlmReplayCursor | null>;
  /**
   * Remembers the position a replay under this name reached, durably (it survives the tab).
   * @param name The replay's name.
   * @param cursor The position; `null` forgets it (the next replay starts from the oldest call).
   */
  saveReplayCursor(name: string, cursor: LlmReplayCursor | null): Promise<void>;
}
