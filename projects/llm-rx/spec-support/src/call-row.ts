// A call row of the log as the logging specs write and query it directly.
import type {LlmCallRecord} from 'llm-rx';

/**
 * A complete, finished call row with test defaults.
 * @param overrides The fields a spec sets; `day` follows `startedAt` unless given.
 * @returns The row, with fresh random `id` and `traceId`.
 */
export function callRow(overrides: Partial<LlmCallRecord> = {}): LlmCallRecord {
  const startedAt = overrides.startedAt ?? Date.UTC(2025, 0, 1, 12);
  return {
    id: crypto.randomUUID(),
    traceId: crypto.randomUUID(),
    sessionId: 'spec-session',
    provider: 'openai',
    model: 'gpt-5-mini',
    label: null,
    outputName: null,
    loopId: null,
    step: null,
    toolCallCount: null,
    status: 'ok',
    startedAt,
    firstChunkAt: startedAt + 100,
    endedAt: startedAt + 1000,
    // The UTC calendar day, as the log writes it.
    day: new Date(startedAt).toISOString().slice(0, 10),
    timeToFirstChunkMs: 100,
    responseTimeMs: 1000,
    inputTokens: 10,
    outputTokens: 20,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    inputCost: 0.001,
    outputCost: 0.002,
    totalCost: 0.003,
    finishReason: 'stop',
    finishReasonRaw: 'stop',
    errorType: null,
    errorMessage: null,
    attemptIndex: 0,
    attemptCount: 1,
    apiKeyHash: null,
    apiKeyAlias: null,
    ...overrides,
  };
}
