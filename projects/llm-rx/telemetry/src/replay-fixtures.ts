import type {
  LlmCallRecord,
  LlmCallReplaySource,
  LlmReplayCall,
  LlmReplayCursor,
  LlmReplayPage,
  LlmReplayQuery,
} from 'llm-rx';

/**
 * A call log's replay side in memory, for the replay's specs: the contract's order and stops, without IndexedDB
 * (`llm-rx/logging`'s own is specified in Chromium).
 */
export class InMemoryReplaySource implements LlmCallReplaySource {
  readonly cursors = new Map<string, LlmReplayCursor>();
  /** How many pages were read, for specs that stop a replay part-way. */
  pagesRead = 0;

  /** @param rows Every attempt's row. */
  constructor(readonly rows: LlmCallRecord[]) {}

  async countReplayCalls(query: LlmReplayQuery): Promise<number> {
    return this._calls(query).length;
  }

  async readReplayPage(query: LlmReplayQuery, limit: number): Promise<LlmReplayPage> {
    this.pagesRead++;
    const calls = this._calls(query);
    const page: LlmReplayCall[] = [];
    for (const call of calls) {
      if (page.length === limit || call.attempts.some(row => row.status === 'in-progress')) break;
      page.push(call);
    }
    const last = page[page.length - 1];
    return {
      calls: page,
      cursor: last === undefined ? null : {startedAt: last.attempts[0].startedAt, traceId: last.traceId},
      hasMore: calls.length > page.length,
    };
  }

  async readReplayCursor(name: string): Promise<LlmReplayCursor | null> {
    return this.cursors.get(name) ?? null;
  }

  async saveReplayCursor(name: string, cursor: LlmReplayCursor | null): Promise<void> {
    if (cursor === null) this.cursors.delete(name);
    else this.cursors.set(name, cursor);
  }

  private _calls({after, from, to}: LlmReplayQuery): LlmReplayCall[] {
    const byTrace = new Map<string, LlmCallRecord[]>();
    for (const row of this.rows) byTrace.set(row.traceId, [...(byTrace.get(row.traceId) ?? []), row]);
    return [...byTrace.entries()]
      .map(([traceId, rows]) => ({traceId, attempts: rows.sort((a, b) => a.attemptIndex - b.attemptIndex)}))
      .filter(({traceId, attempts: [first]}) => {
        const key = first.startedAt;
        if (from !== undefined && key < from) return false;
        if (to !== undefined && key >= to) return false;
        return !after || key > after.startedAt || (key === after.startedAt && traceId > after.traceId);
      })
      .sort((a, b) => a.attempts[0].startedAt - b.attempts[0].startedAt || (a.traceId < b.traceId ? -1 : 1));
  }
}
