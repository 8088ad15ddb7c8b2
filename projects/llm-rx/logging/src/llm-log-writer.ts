import type {LlmBodyRecord, LlmCallRecord} from 'llm-rx';
import type {LlmCallDraft} from './build-call-records';
import type {LlmLogDatabase} from './llm-log-database';
import {LlmLogError, type LlmLogErrorKind, logErrorKindOf} from './llm-log-error';
import {newLogId} from './log-ids';
import {applyRetention, type LlmLogRetention, markInterruptedCalls} from './log-maintenance';
import {holdSessionLock} from './log-sessions';
import {importUnloadStash, stashForNextOpen, takeStash} from './unload-stash';
import {utcDay} from './utc-day';

/** How often a failed write is tried again even when no new call comes. */
export const LOG_RETRY_INTERVAL_MS = 5_000;
/** How often retention runs after successful writes, besides on open. */
export const LOG_RETENTION_INTERVAL_MS = 60_000;

/** What the writer needs from `LlmCallLogOptions`, defaults applied. */
export interface LlmLogWriterConfig {
  readonly flushIntervalMs: number;
  readonly maxPendingRecords: number;
  readonly retention: LlmLogRetention;
  /** Called when a write leaves nothing buffered. */
  readonly onDrained?: () => void;
}

interface PendingCall {
  readonly draft: LlmCallDraft;
  readonly apiKeyHash: Promise<string | null>;
  /** When it was buffered, in buffering order: of two versions of a row, the higher wins. */
  readonly sequence: number;
}

/**
 * Buffers rows in memory and writes them in batches, off the streams' path.
 *
 * Rows are keyed by id, so a call's start and end coalesce into one write when both land before a flush, and a
 * retried batch never duplicates. A failed batch goes back into the buffer (unless a newer version of a row came
 * meanwhile) and is retried on the next flush and every `LOG_RETRY_INTERVAL_MS`. The buffer holds at most
 * `maxPendingRecords` rows; beyond that the oldest are dropped and reported.
 *
 * Once the database is open, a write waits for nothing but microtasks before its transaction starts (a key hash
 * still being computed is written as `null` and the row written again once it is known), so that `flushNow()`,
 * called as a tab is hidden, gets its transaction started within the task. A page that unloads lets no Dexie write
 * commit in time (Dexie issues its requests over several steps), so `writeBeforeUnload()` puts every row through
 * IndexedDB itself, synchronously.
 * @internal Used by `LlmCallLog`.
 */
export class LlmLogWriter {
  /** This writer's session, stamped on its rows and held as a Web Lock while it is open. */
  readonly sessionId = newLogId();
  readonly #database: LlmLogDatabase;
  readonly #config: LlmLogWriterConfig;
  readonly #report: (error: LlmLogError) => void;
  readonly #lock = holdSessionLock(this.sessionId);
  #pendingCalls = new Map<string, PendingCall>();
  #pendingBodies = new Map<string, LlmBodyRecord>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #queue: Promise<void> = Promise.resolve();
  #prepared: Promise<void> | undefined;
  #isPrepared = false;
  #writingCount = 0;
  #sequence = 0;
  /** The key hashes known so far, readable without awaiting. */
  readonly #settledHashes = new WeakMap<Promise<string | null>, string | null>();
  /** Rows written before their key hash was known, by id, to write again once it is. */
  readonly #unhashed = new Map<string, PendingCall>();
  /** The batches being written through Dexie, until their transaction has run. */
  readonly #writing = new Set<{
    readonly calls: Map<string, PendingCall>;
    readonly bodies: Map<string, LlmBodyRecord>;
  }>();
  /** Set once the page began to unload (`writeBeforeUnload()`): Dexie batches skip, new rows are written at once. */
  #hasUnloaded = false;
  #lastRetentionAt = 0;
  // Each kind is reported once, until a write succeeds again.
  readonly #reportedKinds = new Set<LlmLogErrorKind>();

  /**
   * @param database Where to write.
   * @param config Batching, buffer bound and retention.
   * @param report Receives each failure once.
   */
  constructor(database: LlmLogDatabase, config: LlmLogWriterConfig, report: (error: LlmLogError) => void) {
    this.#database = database;
    this.#config = config;
    this.#report = report;
    database.on('blocked', () =>
      this.reportOnce(
        new LlmLogError(
          'blocked',
          `llm-rx/logging: opening "${database.name}" is blocked by another tab with an older version; records are kept in memory until it closes.`,
        ),
      ),
    );
  }

  /** How many rows wait in memory to be written, those of a batch being written included. */
  get pendingCount(): number {
    return this.#pendingCalls.size + this.#writingCount;
  }

  /**
   * Buffers rows and a body for the next flush, and schedules it.
   * @param drafts The rows; a row with an id already buffered replaces it.
   * @param apiKeyHash Resolves to the key hash stamped on the rows.
   * @param body The body row, if bodies are stored.
   */
  enqueue(drafts: readonly LlmCallDraft[], apiKeyHash: Promise<string | null>, body?: LlmBodyRecord): void {
    this.#watchHash(apiKeyHash);
    for (const draft of drafts) {
      // Delete first, so that Map order stays "least recently written first" for dropping.
      this.#pendingCalls.delete(draft.id);
      this.#pendingCalls.set(draft.id, {draft, apiKeyHash, sequence: ++this.#sequence});
      // The newer version is written with the hash if it is known by then, or comes back here itself.
      this.#unhashed.delete(draft.id);
    }
    if (body) this.#pendingBodies.set(body.id, body);
    this.#dropOverflow();
    // A page that is unloading may still run a task or two (a retry's timer, a failover as the unload cuts a
    // request): each of its rows is written at once, as no later flush may come.
    if (this.#hasUnloaded) {
      this.writeBeforeUnload();
      return;
    }
    this.#schedule(this.#config.flushIntervalMs);
  }

  /**
   * Writes everything buffered now. Never rejects: failures are reported and the rows kept.
   * @returns Resolves when this flush (after any running one) has written or failed.
   */
  flush(): Promise<void> {
    this.#cancelTimer();
    const run = this.#queue.then(() => this.#write());
    this.#queue = run;
    return run;
  }

  /**
   * Starts writing everything buffered at once, beside any write already running, for a page that goes away:
   * once the database is open, the transaction starts within the current task (nothing waits for a timer, a
   * running write or a key hash). IndexedDB runs the transactions in the order they started, so an older batch
   * still being written lands first.
   */
  flushNow(): void {
    this.#cancelTimer();
    void this.#write();
  }

  /**
   * Writes every buffered row, and every row of a batch still on its way through Dexie, for a page that unloads
   * (closed, reloaded, navigated away): only requests made within the unloading task commit. The newest version of
   * each row goes into localStorage (which a closing tab commits even when its last IndexedDB requests are lost; the
   * next log to open writes it) and, once the database is open, synchronously into IndexedDB itself. Dexie batches
   * that have not started their transaction yet then skip their rows, and rows buffered later are written at once.
   */
  writeBeforeUnload(): void {
    this.#cancelTimer();
    this.#hasUnloaded = true;
    const calls = new Map<string, PendingCall>();
    const bodies = new Map<string, LlmBodyRecord>();
    for (const batch of [...this.#writing, {calls: this.#pendingCalls, bodies: this.#pendingBodies}]) {
      for (const [id, call] of batch.calls) {
        if ((calls.get(id)?.sequence ?? -1) < call.sequence) calls.set(id, call);
      }
      for (const [id, body] of batch.bodies) bodies.set(id, body);
    }
    if (calls.size === 0 && bodies.size === 0) return;
    const rows = [...calls.values()].map(call => this.#rowOf(call));
    stashForNextOpen(this.#database.name, this.sessionId, rows, [...bodies.values()]);
    // Written, the batches too (their Dexie writes skip them): a later call writes only what came since, never an
    // older version over a newer one.
    for (const batch of [...this.#writing, {calls: this.#pendingCalls, bodies: this.#pendingBodies}]) {
      batch.calls.clear();
      batch.bodies.clear();
    }
    const idb = this.#isPrepared && this.#database.isOpen() ? this.#database.backendDB() : undefined;
    if (idb === undefined) return;
    try {
      const transaction = idb.transaction(['calls', 'bodies'], 'readwrite');
      const callStore = transaction.objectStore('calls');
      for (const row of rows) callStore.put(row);
      const bodyStore = transaction.objectStore('bodies');
      for (const body of bodies.values()) bodyStore.put(body);
      // Committed at once, without waiting for the end of the task.
      transaction.commit?.();
    } catch (error) {
      // Still in localStorage, for the next log to open.
      this.#reportFailure(error, `could not write ${calls.size} call record(s) before the page unloaded`);
    }
  }

  /** For a page that stays after `writeBeforeUnload()` (back from the back/forward cache): batches are written again. */
  resume(): void {
    this.#hasUnloaded = false;
    // Written here, not from the stash at the next open, where they could land over newer versions.
    const {calls, bodies} = takeStash(this.#database.name, this.sessionId);
    if (calls.length === 0 && bodies.length === 0) return;
    const database = this.#database;
    void this.prepare()
      .then(() =>
        database.transaction('rw', database.calls, database.bodies, async () => {
          await database.calls.bulkPut(calls);
          await database.bodies.bulkPut(bodies);
        }),
      )
      .catch((error: unknown) => this.#reportFailure(error, `could not write ${calls.length} call record(s)`));
  }

  /**
   * Reports a failure, unless one of its kind was reported since the last successful write.
   * @param error The failure.
   */
  reportOnce(error: LlmLogError): void {
    if (this.#reportedKinds.has(error.kind)) return;
    this.#reportedKinds.add(error.kind);
    this.#report(error);
  }

  /** Forgets the buffered rows (for `clear()`). */
  discardPending(): void {
    this.#pendingCalls.clear();
    this.#pendingBodies.clear();
  }

  /**
   * Flushes, then lets the session lock go; the database is closed by the caller.
   * @returns Resolves when done.
   */
  async close(): Promise<void> {
    await this.flush();
    this.#cancelTimer();
    this.#lock.release();
  }

  /**
   * Opens the database once: marks rows of closed tabs interrupted and applies retention.
   * @returns Resolves when the database is ready; a failure is retried at the next call.
   */
  prepare(): Promise<void> {
    if (this.#prepared === undefined) {
      const prepared = (async () => {
        // Rows are stamped with the session only once its lock is held, so other tabs never see them as orphans.
        await this.#lock.held;
        await this.#database.open();
        // First what pages kept as they unloaded: rows still in progress among them are then marked.
        await importUnloadStash(this.#database);
        await markInterruptedCalls(this.#database, this.sessionId, Date.now());
        await this.applyRetention();
        this.#isPrepared = true;
      })();
      prepared.catch((error: unknown) => {
        if (this.#prepared === prepared) this.#prepared = undefined;
        this.#reportFailure(error, `could not open "${this.#database.name}"`);
      });
      this.#prepared = prepared;
    }
    return this.#prepared;
  }

  /**
   * Applies the retention limits now.
   * @returns How many rows were deleted.
   */
  applyRetention(): Promise<number> {
    this.#lastRetentionAt = Date.now();
    return applyRetention(this.#database, this.#config.retention, this.#lastRetentionAt);
  }

  async #write(): Promise<void> {
    if (this.#pendingCalls.size === 0 && this.#pendingBodies.size === 0) return;
    const batch = {calls: this.#pendingCalls, bodies: this.#pendingBodies};
    const {calls, bodies} = batch;
    this.#pendingCalls = new Map();
    this.#pendingBodies = new Map();
    const database = this.#database;
    const count = calls.size;
    this.#writingCount += count;
    this.#writing.add(batch);
    try {
      // Once open, this is a resolved promise: a microtask, not a task.
      if (!this.#isPrepared) await this.prepare();
      const unhashed = [...calls.values()].filter(call => !this.#settledHashes.has(call.apiKeyHash));
      const rows = [...calls.values()].map(call => this.#rowOf(call));
      await database.transaction('rw', database.calls, database.bodies, async () => {
        // The page is unloading and writeBeforeUnload() wrote these rows, or newer versions of them.
        if (this.#hasUnloaded) return;
        await database.calls.bulkPut(rows);
        if (bodies.size > 0) await database.bodies.bulkPut([...bodies.values()]);
      });
      this.#writing.delete(batch);
      this.#writingCount -= count;
      this.#reportedKinds.clear();
      if (this.pendingCount === 0) this.#config.onDrained?.();
      this.#rewriteOnceHashed(unhashed);
    } catch (error) {
      this.#writing.delete(batch);
      this.#writingCount -= count;
      this.#restore(calls, bodies);
      this.#reportFailure(error, `could not write ${count} call record(s) to "${database.name}"`);
      this.#schedule(LOG_RETRY_INTERVAL_MS);
      return;
    }
    if (Date.now() - this.#lastRetentionAt >= LOG_RETENTION_INTERVAL_MS) {
      await this.applyRetention().catch((error: unknown) => this.#reportFailure(error, 'could not apply retention'));
    }
  }

  /** The row as stored: stamped with the session, the day and the key hash known so far (`null` until known). */
  #rowOf(call: PendingCall): LlmCallRecord {
    return {
      ...call.draft,
      sessionId: this.sessionId,
      day: utcDay(call.draft.startedAt),
      apiKeyHash: this.#settledHashes.get(call.apiKeyHash) ?? null,
    };
  }

  #watchHash(apiKeyHash: Promise<string | null>): void {
    if (this.#settledHashes.has(apiKeyHash)) return;
    apiKeyHash.then(
      hash => this.#settledHashes.set(apiKeyHash, hash),
      () => this.#settledHashes.set(apiKeyHash, null),
    );
  }

  /** Rows written before their key hash was known are written again with it, unless a newer version came. */
  #rewriteOnceHashed(unhashed: readonly PendingCall[]): void {
    for (const call of unhashed) {
      const {id} = call.draft;
      this.#unhashed.set(id, call);
      void call.apiKeyHash
        .catch(() => null)
        .then(() => {
          if (this.#unhashed.get(id) !== call) return;
          this.#unhashed.delete(id);
          this.#pendingCalls.set(id, call);
          this.#schedule(this.#config.flushIntervalMs);
        });
    }
  }

  #reportFailure(error: unknown, what: string): void {
    const kind = logErrorKindOf(error);
    this.reportOnce(
      new LlmLogError(
        kind,
        `llm-rx/logging: ${what} (${kind}); records are kept in memory ` +
          `(at most ${this.#config.maxPendingRecords}) and retried.`,
        error,
      ),
    );
  }

  // Puts a failed batch back in front of what was buffered meanwhile; a newer version of a row wins.
  #restore(calls: Map<string, PendingCall>, bodies: Map<string, LlmBodyRecord>): void {
    for (const [id, call] of this.#pendingCalls) {
      if ((calls.get(id)?.sequence ?? -1) < call.sequence) calls.set(id, call);
    }
    for (const [id, body] of this.#pendingBodies) bodies.set(id, body);
    this.#pendingCalls = calls;
    this.#pendingBodies = bodies;
    this.#dropOverflow();
  }

  #dropOverflow(): void {
    let dropped = 0;
    for (const id of this.#pendingCalls.keys()) {
      if (this.#pendingCalls.size <= this.#config.maxPendingRecords) break;
      this.#pendingCalls.delete(id);
      this.#pendingBodies.delete(id);
      dropped++;
    }
    if (dropped > 0) {
      this.reportOnce(
        new LlmLogError(
          'dropped',
          `llm-rx/logging: more than ${this.#config.maxPendingRecords} records waited to be written; the oldest were dropped.`,
        ),
      );
    }
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, delayMs);
  }

  #cancelTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
