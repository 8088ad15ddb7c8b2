// Fixtures of the loggedLlm specs: the request they stream, a billed usage, and a fresh log per spec.
import type {LlmCost, LlmRequest, LlmTokenCounts} from 'llm-rx';
import {deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';
import {createLlmCallLog} from './create-llm-call-log';
import type {LlmCallLog} from './llm-call-log';

/** The request the loggedLlm specs stream: a system prompt, a user prompt and a temperature. */
export const request: LlmRequest = {systemPrompt: 'Be brief.', userPrompt: 'Say hello', temperature: 0.3};

/**
 * What a provider billed for an attempt: input tokens only, at a total cost.
 * @param inputTokens The input tokens.
 * @param totalCost The cost, all of it input cost.
 * @returns The token counts and costs.
 */
export function billed(inputTokens: number, totalCost: number): LlmTokenCounts & LlmCost {
  return {
    inputTokens,
    outputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    inputCost: totalCost,
    outputCost: 0,
    totalCost,
  };
}
/**
 * Before each spec, opens a call log in a database of its own and hands it to `use`; after the spec, closes the log
 * and deletes its database.
 * @param use Receives each spec's log.
 */
export function logPerSpec(use: (log: LlmCallLog) => void): void {
  let databaseName: string;
  let log: LlmCallLog;
  beforeEach(() => {
    databaseName = uniqueDatabaseName();
    log = createLlmCallLog({databaseName});
    use(log);
  });
  afterEach(async () => {
    await log.close();
    await deleteDatabase(databaseName);
  });
}
