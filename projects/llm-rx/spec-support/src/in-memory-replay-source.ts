import type {
  LlmCallRecord,
  LlmCallReplaySource,
  LlmReplayCall,
  LlmReplayCursor,
  LlmReplayPage,
  LlmReplayQuery,
} from 'llm-rx';

/**
 * A call log's replay side in memory (`LlmCallReplaySource` over a fixed list of calls), for the replay's specs and
 * bench: the contract's order and stops without a database, so that the replay's own cost is what a bench measures.
 */
export class InMemoryReplaySource implements LlmCallReplaySource {
  readonly #calls: readonly LlmReplayCall[];
  readonly #cursors = new Map<string, LlmReplayCursor | null>();
  /** How many pages were read, for specs that stop a replay part-way or check nothing was read. */
  pagesRead = 0;

  /**
   * A source over rows of the log, grouped into calls by `traceId` (attempts in order).
   * @param rows Every attempt's row.
   * @returns The source.
   */
  static fromRows(rows: readonly LlmCallRecord[]): InMemoryReplaySource {
    const byTrace = new Map<string, LlmCallRecord[]>();
    for (const row of rows) byTrace.set(row.traceId, [...(byTrace.get(row.traceId) ?? []), row]);
    return new InMemoryReplaySource(
      [...byTrace].map(([traceId, attempts]) => ({
        traceId,
        attempts: attempts.sort((a, b) => a.attemptIndex - b.attemptIndex),
      })),
    );
  }

  /**
   * @param calls The log's calls, each with its attempts in order; kept in the replay order (first attempt's
   *   `startedAt`, then `traceId`).
   */
  constructor(calls: readonly LlmReplayCall[]) {
    this.#calls = [...calls].sort(compareCalls);
  }

  countReplayCalls(query: LlmReplayQuery): Promise<number> {
    return Promise.resolve(this.#matching(query).length);
  }

  readReplayPage(query: LlmReplayQuery, limit: number): Promise<LlmReplayPage> {
    this.pagesRead++;
    const matching = this.#matching(query);
    const calls: LlmReplayCall[] = [];
    for (const call of matching) {
      if (calls.length >= limit || call.attempts.some(row => row.status === 'in-progress')) break;
      calls.push(call);
    }
    const last = calls.at(-1);
    return Promise.resolve({
      calls,
      cursor: last === undefined ? null : cursorOf(last),
      hasMore: matching.length > calls.length,
    });
  }

  readReplayCursor(name: string): Promise<LlmReplayCursor | null> {
    return Promise.resolve(this.#cursors.get(name) ?? null);
  }

  saveReplayCursor(name: string, cursor: LlmReplayCursor | null): Promise<void> {
    this.#cursors.set(name, cursor);
    return Promise.resolve();
  }

  #matching(query: LlmReplayQuery): readonly LlmReplayCall[] {
    const {after, from, to} = query;
    // The first call after the cursor, by binary search over the replay order.
    let low = 0;
    let high = this.#calls.length;
    if (after) {
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareToCursor(this.#calls[middle] as LlmReplayCall, after) <= 0) low = middle + 1;
        else high = middle;
      }
    }
    return this.#calls.slice(low).filter(call => {
      const startedAt = startOf(call);
      return (from === undefined || startedAt >= from) && (to === undefined || startedAt < to);
    });
  }
}

function startOf(call: LlmReplayCall): number {
  return call.attempts[0]?.startedAt ?? 0;
}

function cursorOf(call: LlmReplayCall): LlmReplayCursor {
  return {startedAt: startOf(call), traceId: call.traceId};
}

function compareToCursor(call: LlmReplayCall, cursor: LlmReplayCursor): number {
  return (
    startOf(call) - cursor.startedAt || (call.traceId < cursor.traceId ? -1 : call.traceId > cursor.traceId ? 1 : 0)
  );
}

function compareCalls(left: LlmReplayCall, right: LlmReplayCall): number {
  return compareToCursor(left, cursorOf(right));
}
