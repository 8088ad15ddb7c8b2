import {liveQuery, type DexieOptions} from 'dexie';
import type {
  LlmCallDetails,
  LlmCallFilter,
  LlmCallGrouping,
  LlmCallPage,
  LlmCallRecord,
  LlmCallStats,
  LlmCallStatsGroup,
  LlmRequest,
  LlmResponseBody,
} from 'llm-rx';
import {from, type Observable, Subject} from 'rxjs';
import {buildBodyRecord, type LlmRedactor} from './build-body-record';
import type {LlmCallDraft} from './build-call-records';
import {LlmLogDatabase} from './llm-log-database';
import type {LlmLogError} from './llm-log-error';
import {callBreakdown, callDetails, callTotals, filteredCalls, recentCalls} from './llm-log-queries';
import {LlmLogWriter} from './llm-log-writer';
import type {LlmLogRetention} from './log-maintenance';
import {toCsv} from './to-csv';
import {utcDay} from './utc-day';

/** How to build an `LlmCallLog`. */
export interface LlmCallLogOptions {
  /** The IndexedDB database name; default `llm-rx-log`. */
  readonly databaseName?: string;
  /** Passed to Dexie, e.g. `{indexedDB, IDBKeyRange}` from `fake-indexeddb` outside a browser. */
  readonly databaseOptions?: DexieOptions;
  /** Whether to store prompts and answers in the `bodies` table; default true. */
  readonly storeBodies?: boolean;
  /** Applied to every prompt, system prompt, answer and reasoning before it is stored. */
  readonly redact?: LlmRedactor;
  /** Deletes old rows on open and at most once a minute after writes; default: keep everything. */
  readonly retention?: LlmLogRetention;
  /** Milliseconds between a record and its batched write; default 250. */
  readonly flushIntervalMs?: number;
  /**
   * Rows kept in memory while the database cannot be written (unavailable, blocked, over quota); default 5,000.
   * Beyond that the oldest are dropped, reported once as an `LlmLogError` of kind `dropped`.
   */
  readonly maxPendingRecords?: number;
  /** Called once per kind of failure (until a write succeeds again); the calls themselves never fail. */
  readonly onError?: (error: LlmLogError) => void;
}

/** The columns of `exportCalls('csv')`, in order. */
export const LLM_CALL_CSV_COLUMNS = [
  'id',
  'traceId',
  'attemptIndex',
  'attemptCount',
  'provider',
  'model',
  'label',
  'status',
  'startedAt',
  'firstChunkAt',
  'endedAt',
  'day',
  'timeToFirstChunkMs',
  'responseTimeMs',
  'inputTokens',
  'outputTokens',
  'cachedInputTokens',
  'cacheWriteTokens',
  'reasoningTokens',
  'inputCost',
  'outputCost',
  'totalCost',
  'finishReason',
  'finishReasonRaw',
  'errorType',
  'errorMessage',
  'apiKeyHash',
  'apiKeyAlias',
  'sessionId',
] as const satisfies readonly (keyof LlmCallRecord)[];

/**
 * A log of LLM calls in IndexedDB (through Dexie): the writer that `loggedLlm()` feeds, and the live queries
 * that dashboards read.
 *
 * Writes are batched off the streams' path. If IndexedDB is missing, blocked or full, calls go on working; the
 * failure is reported once through `onError` and `errors`, rows wait in memory (see `maxPendingRecords`) and are
 * written when possible. When the page is hidden, closed or reloaded, what is buffered is written at once
 * (`visibilitychange`, `pagehide`, and `beforeunload` while rows wait: a reload commits only what starts there). Rows left `in-progress` by a closed tab are marked `interrupted` when the next
 * log opens the database. Create one per database and page, and `close()` it when done.
 *
 * ```ts
 * const log = new LlmCallLog({retention: {maxAgeMs: 30 * 24 * 3600_000}, onError: error => console.warn(error)});
 * const llm = loggedLlm(createLlm('openai', 'gpt-5-mini', {apiKey}), {log, apiKey, apiKeyAlias: 'prod'});
 * log.totals({from: Date.now() - 24 * 3600_000}).subscribe(totals => console.log(totals.totalCost));
 * ```
 */
export class LlmCallLog {
  /** The Dexie database, for queries of your own. */
  readonly database: LlmLogDatabase;
  /** Every failure reported through `onError`, as it happens. */
  readonly errors: Observable<LlmLogError>;
  readonly #errors = new Subject<LlmLogError>();
  readonly #writer: LlmLogWriter;
  readonly #storeBodies: boolean;
  readonly #redact: LlmRedactor | undefined;
  readonly #onHidden = () => {
    // A tab going to the background may be discarded without notice: start writing what is buffered now, not
    // after a timer or a running write (through Dexie, as the page may well come back).
    if (document.visibilityState === 'hidden') this.#writer.flushNow();
  };
  // A closed tab still commits what is written at pagehide; a reload or a navigation commits only what is written
  // at beforeunload. A beforeunload listener can keep a page out of the back/forward cache, so it is only there
  // while rows wait in the buffer.
  readonly #onPageHide = () => this.#writer.writeBeforeUnload();
  readonly #onBeforeUnload = () => {
    this.#writer.writeBeforeUnload();
    // The page may stay after all (the app asked whether to leave): a timer that still runs a second later says so.
    setTimeout(() => this.#writer.resume(), 1_000);
  };
  readonly #onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) this.#writer.resume();
  };
  #isGuardingUnload = false;

  /** @param options The database, privacy, retention and batching settings. */
  constructor(options: LlmCallLogOptions = {}) {
    this.database = new LlmLogDatabase(options.databaseName, options.databaseOptions);
    this.errors = this.#errors.asObservable();
    this.#storeBodies = options.storeBodies ?? true;
    this.#redact = options.redact;
    const onError = options.onError;
    this.#writer = new LlmLogWriter(
      this.database,
      {
        flushIntervalMs: options.flushIntervalMs ?? 250,
        maxPendingRecords: options.maxPendingRecords ?? 5_000,
        retention: options.retention ?? {},
        onDrained: () => this.#guardUnload(false),
      },
      error => {
        try {
          onError?.(error);
        } finally {
          this.#errors.next(error);
        }
      },
    );
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.#onHidden);
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.#onPageHide);
      window.addEventListener('pageshow', this.#onPageShow);
    }
    // Opening at once marks rows of closed tabs interrupted and applies retention; failures are reported.
    void this.#writer.prepare().catch(() => undefined);
  }

  /** Whether prompts and answers are stored (`storeBodies`). */
  get storesBodies(): boolean {
    return this.#storeBodies;
  }

  /** How many rows wait in memory to be written. */
  get pendingRecords(): number {
    return this.#writer.pendingCount;
  }

  /**
   * Buffers the rows of a call and its body for the next batched write.
   * @internal Used by `logLlmCalls()`; build rows with `buildCallRecords()`.
   * @param drafts The rows.
   * @param apiKeyHash Resolves to the key hash for the rows.
   * @param body The body: the answering row's id, the request and the response so far.
   */
  _record(
    drafts: readonly LlmCallDraft[],
    apiKeyHash: Promise<string | null>,
    body?: {
      readonly id: string;
      readonly traceId: string;
      readonly request?: LlmRequest;
      readonly response: LlmResponseBody | null;
    },
  ): void {
    const bodyRecord =
      body && this.#storeBodies
        ? buildBodyRecord(body.id, body.traceId, body.request, body.response, this.#redact)
        : undefined;
    this.#writer.enqueue(drafts, apiKeyHash, bodyRecord);
    this.#guardUnload(true);
  }

  #guardUnload(isNeeded: boolean): void {
    if (typeof window === 'undefined' || isNeeded === this.#isGuardingUnload) return;
    this.#isGuardingUnload = isNeeded;
    if (isNeeded) window.addEventListener('beforeunload', this.#onBeforeUnload);
    else window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  /**
   * Reports a failure once per kind, through `onError` and `errors`.
   * @internal Used by `logLlmCalls()`.
   * @param error The failure.
   */
  _report(error: LlmLogError): void {
    this.#writer.reportOnce(error);
  }

  /**
   * Waits for the database to open. It opens by itself at construction; on open, rows left `in-progress` by
   * closed tabs are marked `interrupted` and retention is applied.
   * @returns Resolves when open; rejects if it cannot open (the failure is also reported), and a later call retries.
   */
  open(): Promise<void> {
    return this.#writer.prepare();
  }

  /**
   * Writes the buffered rows now instead of at the next batch.
   * @returns Resolves when written, or when the write failed (reported, rows kept); never rejects.
   */
  flush(): Promise<void> {
    return this.#writer.flush();
  }

  /**
   * Deletes the rows beyond the retention limits now (it also runs on open and after writes).
   * @returns How many rows were deleted.
   */
  async applyRetention(): Promise<number> {
    await this.#writer.prepare();
    return this.#writer.applyRetention();
  }

  /**
   * Recent rows, newest first, updated live as rows are written.
   * @param page Filters (provider, model, status, label, time range) and paging (`offset`, `limit` 50).
   * @returns The page, then a new page whenever the table changes.
   */
  recentCalls(page: LlmCallPage = {}): Observable<LlmCallRecord[]> {
    return from(liveQuery(() => recentCalls(this.database, page)));
  }

  /**
   * Live totals of the rows matching a filter: calls, errors, tokens, cost and p50/p95 latencies.
   * @param filter Which rows; default all.
   * @returns The totals, then new totals whenever the table changes.
   */
  totals(filter: LlmCallFilter = {}): Observable<LlmCallStats> {
    return from(liveQuery(() => callTotals(this.database, filter)));
  }

  /**
   * Live totals grouped by provider, model or UTC day.
   * @param grouping What to group by.
   * @param filter Which rows; default all.
   * @returns The groups in key order, then new ones whenever the table changes.
   */
  breakdown(grouping: LlmCallGrouping, filter: LlmCallFilter = {}): Observable<LlmCallStatsGroup[]> {
    return from(liveQuery(() => callBreakdown(this.database, grouping, filter)));
  }

  /**
   * One row, live, with its body and every attempt of its trace.
   * @param id The row's id.
   * @returns The details, `undefined` for an unknown id.
   */
  callDetails(id: string): Observable<LlmCallDetails | undefined> {
    return from(liveQuery(() => callDetails(this.database, id)));
  }

  /**
   * Every row (never bodies), oldest first, as JSON (an array `importCalls()` takes back) or RFC 4180 CSV.
   * @param format `json` or `csv`.
   * @param filter Which rows; default all.
   * @returns The text, after the buffered rows were flushed.
   */
  async exportCalls(format: 'json' | 'csv', filter: LlmCallFilter = {}): Promise<string> {
    await this.flush();
    const calls = await filteredCalls(this.database, filter).sortBy('startedAt');
    return format === 'json' ? JSON.stringify(calls) : toCsv(LLM_CALL_CSV_COLUMNS, calls);
  }

  /**
   * Writes rows as they are, e.g. from `exportCalls('json')` or synthetic rows for a benchmark. A missing `day` is
   * computed.
   * @param calls The rows.
   * @param options `replaceExisting` (default true): whether a row replaces one with the same id. Pass `false`
   *   to add into an empty log about three times faster (put must read each old row to update live queries);
   *   an existing id then fails the import.
   * @returns Resolves when written; rejects if the write fails.
   */
  async importCalls(
    calls: readonly (Omit<LlmCallRecord, 'day'> & {readonly day?: string})[],
    options: {readonly replaceExisting?: boolean} = {},
  ): Promise<void> {
    await this.#writer.prepare();
    const rows = calls.map(call => ({...call, day: call.day ?? utcDay(call.startedAt)}));
    await (options.replaceExisting === false ? this.database.calls.bulkAdd(rows) : this.database.calls.bulkPut(rows));
  }

  /**
   * Deletes every row and body, and the rows still buffered.
   * @returns Resolves when cleared.
   */
  async clear(): Promise<void> {
    this.#writer.discardPending();
    // Lets a batch already being written land first, so that it cannot reappear after the clear.
    await this.#writer.flush();
    await this.#writer.prepare();
    await this.database.transaction('rw', this.database.calls, this.database.bodies, () =>
      Promise.all([this.database.calls.clear(), this.database.bodies.clear()]),
    );
  }

  /**
   * Writes what is buffered, then closes the database. Rows still unwritten (database unavailable) are lost;
   * while another tab blocks the database, this waits until it lets go.
   * @returns Resolves when closed.
   */
  async close(): Promise<void> {
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.#onHidden);
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.#onPageHide);
      window.removeEventListener('pageshow', this.#onPageShow);
    }
    this.#guardUnload(false);
    await this.#writer.close();
    this.#errors.complete();
    this.database.close();
  }
}

/**
 * Creates a call log: the same as `new LlmCallLog(options)`.
 * @param options The database, privacy, retention and batching settings.
 * @returns The log.
 */
export function createLlmCallLog(options: LlmCallLogOptions = {}): LlmCallLog {
  return new LlmCallLog(options);
}
