import type {
  LlmCallRecord,
  LlmCallReplaySource,
  LlmReplayCall,
  LlmReplayCursor,
  LlmReplayPage,
  LlmReplayQuery,
} from 'llm-rx';

/**
 * A call log in memory for the replay bench: `LlmCallReplaySource` over a fixed list of calls, so that the replay's
 * own cost (spans into the SDK, the exporter) is what is measured, not a database's.
 */
export class InMemoryReplaySource implements LlmCallReplaySource {
  readonly #calls: readonly LlmReplayCall[];
  readonly #cursors = new Map<string, LlmReplayCursor | null>();

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

/** The bench log's shape: how many rows, and how often a call failed over to a second attempt. */
export interface BenchCallLogShape {
  /** Rows (attempts) in all. */
  readonly rows: number;
  /** Every this many calls, one has two attempts (a failed one, then the answer), as a cascade's or a retry's. */
  readonly failoverEvery: number;
}

/**
 * The calls of a bench log: `rows` rows, one call a second apart, each answered (`ok`, tokens, cost), every
 * `failoverEvery`-th one after a failed first attempt (`error`, a rate limit).
 * @param shape The rows and the failover rate.
 * @returns The calls, in replay order.
 */
export function benchCallLog({rows, failoverEvery}: BenchCallLogShape): LlmReplayCall[] {
  const calls: LlmReplayCall[] = [];
  const startOfLog = Date.UTC(2026, 0, 1);
  for (let index = 0, written = 0; written < rows; index++) {
    const startedAt = startOfLog + index * 1_000;
    const traceId = `trace-${String(index).padStart(8, '0')}`;
    const failsOver = (index + 1) % failoverEvery === 0 && rows - written >= 2;
    const attempts: LlmCallRecord[] = failsOver
      ? [row(traceId, startedAt, 0, 2, 'error'), row(traceId, startedAt + 200, 1, 2, 'ok')]
      : [row(traceId, startedAt, 0, 1, 'ok')];
    calls.push({traceId, attempts});
    written += attempts.length;
  }
  return calls;
}

function row(
  traceId: string,
  startedAt: number,
  attemptIndex: number,
  attemptCount: number,
  status: 'ok' | 'error',
): LlmCallRecord {
  const isOk = status === 'ok';
  return {
    id: `${traceId}-${attemptIndex}`,
    traceId,
    sessionId: 'bench-session',
    provider: isOk ? 'openai' : 'anthropic',
    model: isOk ? 'gpt-4o-mini' : 'claude-haiku-4-5',
    label: 'bench',
    outputName: null,
    loopId: null,
    step: null,
    toolCallCount: null,
    status,
    startedAt,
    firstChunkAt: isOk ? startedAt + 150 : null,
    endedAt: startedAt + (isOk ? 900 : 120),
    day: new Date(startedAt).toISOString().slice(0, 10),
    timeToFirstChunkMs: isOk ? 150 : null,
    responseTimeMs: isOk ? 900 : 120,
    inputTokens: isOk ? 120 : null,
    outputTokens: isOk ? 480 : null,
    cachedInputTokens: null,
    cacheWriteTokens: null,
    reasoningTokens: null,
    inputCost: isOk ? 0.000018 : null,
    outputCost: isOk ? 0.000288 : null,
    totalCost: isOk ? 0.000306 : null,
    finishReason: isOk ? 'stop' : null,
    finishReasonRaw: isOk ? 'stop' : null,
    errorType: isOk ? null : 'LlmProviderError',
    errorMessage: isOk ? null : 'rate limited (429)',
    attemptIndex,
    attemptCount,
    apiKeyHash: '0123456789abcdef',
    apiKeyAlias: 'bench',
  };
}
