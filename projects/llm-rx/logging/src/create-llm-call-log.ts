import {DexieCallLog} from './dexie-call-log';
import type {LlmCallLog, LlmCallLogOptions} from './llm-call-log';

/**
 * Creates a log of LLM calls in IndexedDB (through Dexie), for `loggedLlm()` to write to and dashboards to query
 * live (see `LlmCallLog`). Create one per database and page, and `close()` it when done.
 *
 * ```ts
 * const log = createLlmCallLog({retention: {maxAgeMs: 30 * 24 * 3600_000}, onError: error => console.warn(error)});
 * const llm = loggedLlm(createLlm('openai', 'gpt-5-mini', {apiKey}), {log, apiKey, apiKeyAlias: 'prod'});
 * log.totals({from: Date.now() - 24 * 3600_000}).subscribe(totals => console.log(totals.totalCost));
 * ```
 * @param options The database, privacy, retention and batching settings.
 * @returns The log, opening its database at once.
 */
export function createLlmCallLog(options: LlmCallLogOptions = {}): LlmCallLog {
  return new DexieCallLog(options);
}
