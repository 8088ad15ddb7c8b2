import type {LlmCallRecord, LlmReplayCall} from 'llm-rx';
import {InMemoryReplaySource} from '@llm-rx/spec-support';

// The source is shared with the replay's specs.
export {InMemoryReplaySource};

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
