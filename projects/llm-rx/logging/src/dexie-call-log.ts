import {liveQuery} from 'dexie';
import {
  LlmConfigurationError,
  type LlmCallDetails,
  type LlmCallFilter,
  type LlmCallGrouping,
  type LlmCallPage,
  type LlmCallRecord,
  type LlmCallStats,
  type LlmCallStatsGroup,
  type LlmReplayCursor,
  type LlmReplayPage,
  type LlmReplayQuery,
} from 'llm-rx';
import {from, type Observable, Subject} from 'rxjs';
import {buildBodyRecord, type LlmRedactor} from './build-body-record';
import type {LlmCallDraft} from './build-call-records';
import {LLM_CALL_CSV_COLUMNS} from './llm-call-csv-columns';
import type {LlmCallBodyDraft, LlmCallImport, LlmCallLog, LlmCallLogOptions} from './llm-call-log';
import {LlmLogDatabase} from './llm-log-database';
import type {LlmLogError} from './llm-log-error';
import {callBreakdown, callDetails, callTotals, filteredCalls, recentCalls} from './llm-log-queries';
import {LlmLogWriter} from './llm-log-writer';
import {countReplayCalls, readReplayPage} from './replay-queries';
import {toCsv} from './to-csv';
import {utcDay} from './utc-day';

/**
 * The `LlmCallLog` that `createLlmCallLog()` makes: rows batched into Dexie by an `LlmLogWriter`, written at
 * once when the page is hidden or unloads, and read through Dexie's `liveQuery`.
 */
export class DexieCallLog implements LlmCallLog {
  readonly database: LlmLogDatabase;
  readonly errors: Observable<LlmLogError>;
  readonly #errors = new Subject<LlmLogError>();
  readonly #writer: LlmLogWriter;
  readonly #storeBodies: boolean;
  readonly #redact: LlmRedactor | undefined;
  readonly #storeImages: boolean;
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

  constructor(options: LlmCallLogOptions = {}) {
    this.database = new LlmLogDatabase(options.databaseName, options.databaseOptions);
    this.errors = this.#errors.asObservable();
    this.#storeBodies = options.storeBodies ?? true;
    this.#redact = options.redact;
    this.#storeImages = this.#storeBodies && options.storeImages === true;
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

  get storesBodies(): boolean {
    return this.#storeBodies;
  }

  get storesImages(): boolean {
    return this.#storeImages;
  }

  get pendingRecords(): number {
    return this.#writer.pendingCount;
  }

  _record(drafts: readonly LlmCallDraft[], apiKeyHash: Promise<string | null>, body?: LlmCallBodyDraft): void {
    const bodyRecord = body && this.#storeBodies ? buildBodyRecord(body, this.#redact) : undefined;
    this.#writer.enqueue(drafts, apiKeyHash, bodyRecord);
    this.#guardUnload(true);
  }

  #guardUnload(isNeeded: boolean): void {
    if (typeof window === 'undefined' || isNeeded === this.#isGuardingUnload) return;
    this.#isGuardingUnload = isNeeded;
    if (isNeeded) window.addEventListener('beforeunload', this.#onBeforeUnload);
    else window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  _report(error: LlmLogError): void {
    this.#writer.reportOnce(error);
  }

  open(): Promise<void> {
    return this.#writer.prepare();
  }

  flush(): Promise<void> {
    return this.#writer.flush();
  }

  async applyRetention(): Promise<number> {
    await this.#writer.prepare();
    return this.#writer.applyRetention();
  }

  recentCalls(page: LlmCallPage = {}): Observable<LlmCallRecord[]> {
    return from(liveQuery(() => recentCalls(this.database, page)));
  }

  totals(filter: LlmCallFilter = {}): Observable<LlmCallStats> {
    return from(liveQuery(() => callTotals(this.database, filter)));
  }

  breakdown(grouping: LlmCallGrouping, filter: LlmCallFilter = {}): Observable<LlmCallStatsGroup[]> {
    return from(liveQuery(() => callBreakdown(this.database, grouping, filter)));
  }

  callDetails(id: string): Observable<LlmCallDetails | undefined> {
    return from(liveQuery(() => callDetails(this.database, id)));
  }

  async exportCalls(format: 'json' | 'csv', filter: LlmCallFilter = {}): Promise<string> {
    await this.flush();
    const calls = await filteredCalls(this.database, filter).sortBy('startedAt');
    return format === 'json' ? JSON.stringify(calls) : toCsv(LLM_CALL_CSV_COLUMNS, calls);
  }

  async importCalls(
    calls: readonly LlmCallImport[],
    options: {readonly replaceExisting?: boolean} = {},
  ): Promise<void> {
    await this.#writer.prepare();
    const rows = calls.map(call => ({
      ...call,
      day: call.day ?? utcDay(call.startedAt),
      outputName: call.outputName ?? null,
      loopId: call.loopId ?? null,
      step: call.step ?? null,
      toolCallCount: call.toolCallCount ?? null,
    }));
    await (options.replaceExisting === false ? this.database.calls.bulkAdd(rows) : this.database.calls.bulkPut(rows));
  }

  async countReplayCalls(query: LlmReplayQuery = {}): Promise<number> {
    await this.#readyToReplay();
    return countReplayCalls(this.database, query);
  }

  async readReplayPage(query: LlmReplayQuery, limit: number): Promise<LlmReplayPage> {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new LlmConfigurationError(
        `llm-rx/logging: readReplayPage() takes a limit that is an integer ≥ 1, not ${String(limit)}.`,
        {field: 'limit'},
      );
    }
    await this.#readyToReplay();
    return readReplayPage(this.database, query, limit, Date.now());
  }

  async readReplayCursor(name: string): Promise<LlmReplayCursor | null> {
    await this.#writer.prepare();
    const record = await this.database.replayCursors.get(name);
    return record === undefined ? null : {startedAt: record.startedAt, traceId: record.traceId};
  }

  async saveReplayCursor(name: string, cursor: LlmReplayCursor | null): Promise<void> {
    await this.#writer.prepare();
    if (cursor === null) await this.database.replayCursors.delete(name);
    else await this.database.replayCursors.put({name, startedAt: cursor.startedAt, traceId: cursor.traceId});
  }

  /** Opens the database (marking rows of closed tabs interrupted) and writes what this tab buffered. */
  async #readyToReplay(): Promise<void> {
    await this.flush();
    await this.#writer.prepare();
  }

  async clear(): Promise<void> {
    this.#writer.discardPending();
    // Lets a batch already being written land first, so that it cannot reappear after the clear.
    await this.#writer.flush();
    await this.#writer.prepare();
    const {calls, bodies, replayCursors} = this.database;
    await this.database.transaction('rw', calls, bodies, replayCursors, () =>
      Promise.all([calls.clear(), bodies.clear(), replayCursors.clear()]),
    );
  }

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
