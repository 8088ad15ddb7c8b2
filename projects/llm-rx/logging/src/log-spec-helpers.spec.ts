// Shared by the logging specs (a .spec.ts file, so that it stays out of the library build); it has no specs.
import Dexie from 'dexie';
import type {LlmCallRecord} from 'llm-rx';
import {newLogId} from './log-ids';
import {utcDay} from './utc-day';

/** A database name no other spec uses. */
export function uniqueDatabaseName(): string {
  return `llm-rx-log-spec-${newLogId()}`;
}

/** Deletes a spec's database, whatever connections are left. */
export async function deleteDatabase(name: string): Promise<void> {
  // A closed connection counts as open until its last transaction commits, which would log "delete blocked".
  await new Promise(resolve => setTimeout(resolve, 0));
  await Dexie.delete(name);
}

/** A complete, finished call row with test defaults. */
export function callRow(overrides: Partial<LlmCallRecord> = {}): LlmCallRecord {
  const startedAt = overrides.startedAt ?? Date.UTC(2025, 0, 1, 12);
  return {
    id: newLogId(),
    traceId: newLogId(),
    sessionId: 'spec-session',
    provider: 'openai',
    model: 'gpt-5-mini',
    label: null,
    status: 'ok',
    startedAt,
    firstChunkAt: startedAt + 100,
    endedAt: startedAt + 1000,
    day: utcDay(startedAt),
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
