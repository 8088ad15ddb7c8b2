import type {DexieOptions} from 'dexie';
import type {
  LlmCallDetails,
  LlmCallFilter,
  LlmCallGrouping,
  LlmCallPage,
  LlmCallRecord,
  LlmCallStats,
  LlmCallReplaySource,
  LlmCallStatsGroup,
  LlmReplayCursor,
  LlmReplayPage,
  LlmReplayQuery,
  LlmRequest,
  LlmResponseBody,
  ResolvedLlmOutput,
  ResolvedLlmTool,
} from 'llm-rx';
import type {Observable} from 'rxjs';
import type {LlmRedactor} from './build-body-record';
import type {LlmCallDraft} from './build-call-records';
import type {LlmLogDatabase} from './llm-log-database';
import type {LoggedImages} from './logged-images';
import type {LlmLogError} from './llm-log-error';
import type {LlmLogRetention} from './log-maintenance';

/** Options of `createLlmCallLog()`. */
export interface LlmCallLogOptions {
  /** The IndexedDB database name; default `llm-rx-log`. */
  readonly databaseName?: string;
  /** Passed to Dexie, e.g. `{indexedDB, IDBKeyRange}` from `fake-indexeddb` outside a browser. */
  readonly databaseOptions?: DexieOptions;
  /** Whether to store prompts and answers in the `bodies` table; default true. */
  readonly storeBodies?: boolean;
  /**
   * Applied to every prompt, system prompt, answer and reasoning before it is stored. Not to images: an image is
   * stored as its description (media type, size, SHA-256), and its bytes or URL only with `storeImages`.
   */
  readonly redact?: LlmRedactor;
  /**
   * Whether to keep the images of user messages themselves in the body row (`LlmImageBody.image`): a URL as
   * given, the bytes as a base64 `data:` URL (a `Blob` read into one). Default false: only each image's media
   * type, size and SHA-256 are stored. The redaction hook does not apply to images; with bodies off
   * (`storeBodies: false`) nothing of them is stored.
   */
  readonly storeImages?: boolean;
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

/**
 * A log of LLM calls in IndexedDB (through Dexie): the writer that `loggedLlm()` feeds, and the live queries
 * that dashboards read. Made by `createLlmCallLog()`.
 *
 * Writes are batched off the streams' path. If IndexedDB is missing, blocked or full, calls go on working; the
 * failure is reported once through `onError` and `errors`, rows wait in memory (see `maxPendingRecords`) and are
 * written when possible. When the page is hidden, closed or reloaded, what is buffered is written at once
 * (`visibilitychange`, `pagehide`, and `beforeunload` while rows wait: a reload commits only what starts there).
 * Rows left `in-progress` by a closed tab are marked `interrupted` when the next log opens the database.
 *
 * It is also a replay source (`LlmCallReplaySource`, which `llm-rx/telemetry` reads): pages of whole, finished
 * calls in the order their first attempts started, and a position per replay name kept in the database, so that a
 * replay resumes where it stopped, in this tab or the next.
 */
export interface LlmCallLog extends LlmCallReplaySource {
  /** The Dexie database, for queries of your own. */
  readonly database: LlmLogDatabase;
  /** Every failure reported through `onError`, as it happens. */
  readonly errors: Observable<LlmLogError>;
  /** Whether prompts and answers are stored (`storeBodies`). */
  readonly storesBodies: boolean;
  /** Whether images themselves are stored in bodies (`storeImages`, and bodies stored). */
  readonly storesImages: boolean;
  /** How many rows wait in memory to be written. */
  readonly pendingRecords: number;

  /**
   * Buffers the rows of a call and its body for the next batched write.
   * @internal Used by `logLlmCalls()`; build rows with `buildCallRecords()`.
   * @param drafts The rows.
   * @param apiKeyHash Resolves to the key hash for the rows.
   * @param body The body: the answering row's id, the request and the response so far.
   */
  _record(drafts: readonly LlmCallDraft[], apiKeyHash: Promise<string | null>, body?: LlmCallBodyDraft): void;

  /**
   * Reports a failure once per kind, through `onError` and `errors`.
   * @internal Used by `logLlmCalls()`.
   * @param error The failure.
   */
  _report(error: LlmLogError): void;

  /**
   * Waits for the database to open. It opens by itself when the log is created; on open, rows left `in-progress`
   * by closed tabs are marked `interrupted` and retention is applied.
   * @returns Resolves when open; rejects if it cannot open (the failure is also reported), and a later call retries.
   */
  open(): Promise<void>;

  /**
   * Writes the buffered rows now instead of at the next batch.
   * @returns Resolves when written, or when the write failed (reported, rows kept); never rejects.
   */
  flush(): Promise<void>;

  /**
   * Deletes the rows beyond the retention limits now (it also runs on open and after writes).
   * @returns How many rows were deleted.
   */
  applyRetention(): Promise<number>;

  /**
   * Recent rows, newest first, updated live as rows are written.
   * @param page Filters (provider, model, status, label, schema name, tool loop, time range) and paging (`offset`,
   *   `limit` 50).
   * @returns The page, then a new page whenever the table changes.
   */
  recentCalls(page?: LlmCallPage): Observable<LlmCallRecord[]>;

  /**
   * Live totals of the rows matching a filter: calls, errors, tokens, cost and p50/p95 latencies.
   * @param filter Which rows; default all.
   * @returns The totals, then new totals whenever the table changes.
   */
  totals(filter?: LlmCallFilter): Observable<LlmCallStats>;

  /**
   * Live totals grouped by provider, model or UTC day.
   * @param grouping What to group by.
   * @param filter Which rows; default all.
   * @returns The groups in key order, then new ones whenever the table changes.
   */
  breakdown(grouping: LlmCallGrouping, filter?: LlmCallFilter): Observable<LlmCallStatsGroup[]>;

  /**
   * One row, live, with its body, every attempt of its trace and, for a step of a tool loop, every step of the loop
   * with its rows and body (the tool calls are in each step's response, their results in the next step's request).
   * @param id The row's id.
   * @returns The details, `undefined` for an unknown id.
   */
  callDetails(id: string): Observable<LlmCallDetails | undefined>;

  /**
   * Every row (never bodies), oldest first, as JSON (an array `importCalls()` takes back) or RFC 4180 CSV with the
   * columns `LLM_CALL_CSV_COLUMNS`.
   * @param format `json` or `csv`.
   * @param filter Which rows; default all.
   * @returns The text, after the buffered rows were flushed.
   */
  exportCalls(format: 'json' | 'csv', filter?: LlmCallFilter): Promise<string>;

  /**
   * Writes rows as they are, e.g. from `exportCalls('json')` or synthetic rows for a benchmark. A missing `day` is
   * computed; a missing `outputName` (a row exported before schema version 3) is `null`, and so are a missing
   * `loopId`, `step` and `toolCallCount` (before schema version 4).
   * @param calls The rows.
   * @param options `replaceExisting` (default true): whether a row replaces one with the same id. Pass `false`
   *   to add into an empty log about three times faster (put must read each old row to update live queries);
   *   an existing id then fails the import.
   * @returns Resolves when written; rejects if the write fails.
   */
  importCalls(calls: readonly LlmCallImport[], options?: {readonly replaceExisting?: boolean}): Promise<void>;

  /**
   * Counts the calls a replay would read (see `readReplayPage()`), after the buffered rows were flushed.
   * @param query Which calls: after a position, from and to a time.
   * @returns How many calls (not rows) it has, finished or not.
   */
  countReplayCalls(query: LlmReplayQuery): Promise<number>;

  /**
   * Reads the next page of whole calls to replay, after the buffered rows were flushed: calls in the order their
   * first attempts started (then by trace id), each with every attempt's row. The page stops before the first call
   * that is not final: one with an attempt `in-progress`, or whose rows are not all written yet (a call's rows can
   * land in different batches); `hasMore` is then true. Rows marked `interrupted` are final.
   *
   * ```ts
   * let after = await log.readReplayCursor('otel');
   * for (;;) {
   *   const page = await log.readReplayPage({after}, 500);
   *   if (page.cursor === null) break;
   *   await send(page.calls);
   *   await log.saveReplayCursor('otel', (after = page.cursor));
   *   if (!page.hasMore) break;
   * }
   * ```
   * @param query Which calls, and the position to read after.
   * @param limit The most calls in the page, an integer ≥ 1.
   * @returns The page, oldest first.
   * @throws {LlmConfigurationError} For a `limit` that is not an integer ≥ 1 (field `limit`).
   */
  readReplayPage(query: LlmReplayQuery, limit: number): Promise<LlmReplayPage>;

  /**
   * Reads the position a replay under this name reached, as `saveReplayCursor()` kept it in the database.
   * @param name The replay's name, e.g. `otel`.
   * @returns The position, or `null` when nothing was saved under this name (or it was forgotten, or cleared).
   */
  readReplayCursor(name: string): Promise<LlmReplayCursor | null>;

  /**
   * Keeps the position a replay under this name reached in the database (`replayCursors`), so that it survives the
   * tab; `clear()` forgets every position.
   * @param name The replay's name.
   * @param cursor The position; `null` forgets it (the next replay starts from the oldest call).
   * @returns Resolves when written.
   */
  saveReplayCursor(name: string, cursor: LlmReplayCursor | null): Promise<void>;

  /**
   * Deletes every row and body, every replay position, and the rows still buffered.
   * @returns Resolves when cleared.
   */
  clear(): Promise<void>;

  /**
   * Writes what is buffered, then closes the database. Rows still unwritten (database unavailable) are lost;
   * while another tab blocks the database, this waits until it lets go.
   * @returns Resolves when closed.
   */
  close(): Promise<void>;
}

/** A row as `importCalls()` takes it: `day`, `outputName`, `loopId`, `step` and `toolCallCount` may be missing. */
export type LlmCallImport = Omit<LlmCallRecord, 'day' | 'outputName' | 'loopId' | 'step' | 'toolCallCount'> & {
  readonly day?: string;
  readonly outputName?: string | null;
  readonly loopId?: string | null;
  readonly step?: number | null;
  readonly toolCallCount?: number | null;
};

/**
 * The body a call's rows are buffered with: the answering row's id, the request, its resolved output and the
 * response so far.
 * @internal Used by `logLlmCalls()`.
 */
export interface LlmCallBodyDraft {
  readonly id: string;
  readonly traceId: string;
  /** What was asked, when known. */
  readonly request?: LlmRequest;
  /** The request's output, resolved once per call; absent for prose, or when it could not be resolved. */
  readonly output?: ResolvedLlmOutput;
  /** The request's tools, resolved once per call; absent without tools, or when they could not be resolved. */
  readonly tools?: readonly ResolvedLlmTool[];
  /** The request's images, described as the call started; absent for a request without images. */
  readonly images?: LoggedImages;
  /** The text, reasoning and object as the stream gave them (unredacted), or `null` while the call runs. */
  readonly response: LlmResponseBody | null;
}
