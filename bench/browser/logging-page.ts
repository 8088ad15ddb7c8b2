/**
 * The Chromium logging page: llm-rx's OpenAI Chat Completions stream with and without `loggedLlm()`, bulk inserts
 * into the call log, and the dashboard's aggregate queries over the inserted rows; driven by `logging-bench.ts`
 * through `window.loggingBench`.
 */
import type {Llm} from 'llm-rx';
import {createLlmCallLog, type LlmCallLog, loggedLlm} from 'llm-rx/logging';
import {firstValueFrom, type Observable} from 'rxjs';
import type {StreamResult} from '../consumers/consumer';
import {createBenchLlm, streamThrough} from '../consumers/llm-rx-consumers';

/** What the page exposes to the driver. */
export interface LoggingPageApi {
  /** Opens a fresh log database and builds both models. */
  prepare(baseUrl: string): Promise<void>;
  /** Streams one answer, plain or logged. */
  run(variant: 'plain' | 'logged', scenario: string): Promise<StreamResult>;
  /** Writes `rows` synthetic rows in batches; returns the milliseconds taken. */
  insert(rows: number, batch: number): Promise<number>;
  /** Runs one dashboard query to its first result; returns the milliseconds taken. */
  query(name: string): Promise<number>;
  /** The names of the dashboard queries. */
  queryNames(): readonly string[];
  /** Deletes the database. */
  dispose(): Promise<void>;
}

const DATABASE_NAME = `llm-rx-bench-${Date.now()}`;
let log: LlmCallLog | undefined;
let plain: Llm | undefined;
let logged: Llm | undefined;

const PROVIDERS = ['openai', 'anthropic', 'gemini', 'deepseek', 'cohere'];
const MODELS = ['gpt-5-mini', 'claude-haiku-4-5', 'gemini-2.5-flash', 'deepseek-chat', 'command-a'];
const DAY_MS = 24 * 3600 * 1000;

function theLog(): LlmCallLog {
  if (!log) throw new Error('bench: the logging page is not prepared');
  return log;
}

// 100,000 rows over 90 days: what a busy app's log holds under a typical retention.
function syntheticRow(index: number, now: number) {
  const which = index % PROVIDERS.length;
  const startedAt = now - (index % 90) * DAY_MS - (index % 86_400) * 1000;
  const isError = index % 50 === 0;
  return {
    id: `bench-${index}`,
    traceId: `bench-trace-${index}`,
    sessionId: 'bench-session',
    provider: PROVIDERS[which] as string,
    model: MODELS[which] as string,
    label: index % 3 === 0 ? 'chat' : 'summarize',
    status: isError ? ('error' as const) : ('ok' as const),
    startedAt,
    firstChunkAt: startedAt + 300 + (index % 700),
    endedAt: startedAt + 2000 + (index % 3000),
    timeToFirstChunkMs: 300 + (index % 700),
    responseTimeMs: 2000 + (index % 3000),
    inputTokens: 100 + (index % 900),
    outputTokens: 50 + (index % 450),
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    inputCost: 0.0001,
    outputCost: 0.0004,
    totalCost: 0.0005,
    finishReason: isError ? null : ('stop' as const),
    finishReasonRaw: isError ? null : 'stop',
    errorType: isError ? 'LlmProviderError' : null,
    errorMessage: isError ? 'overloaded' : null,
    attemptIndex: 0,
    attemptCount: 1,
    apiKeyHash: null,
    apiKeyAlias: null,
  };
}

const QUERIES: Readonly<Record<string, (calls: LlmCallLog) => Observable<unknown>>> = {
  'totals (all rows)': calls => calls.totals(),
  'totals (last 7 days)': calls => calls.totals({from: Date.now() - 7 * DAY_MS}),
  'totals (one provider)': calls => calls.totals({provider: 'openai'}),
  'breakdown by provider': calls => calls.breakdown('provider'),
  'breakdown by model': calls => calls.breakdown('model'),
  'breakdown by day': calls => calls.breakdown('day'),
  'recent calls (first page of 50)': calls => calls.recentCalls({limit: 50}),
};

const api: LoggingPageApi = {
  async prepare(baseUrl) {
    log = createLlmCallLog({databaseName: DATABASE_NAME});
    await log.open();
    plain = await createBenchLlm('openai-chat', baseUrl);
    logged = loggedLlm(plain, {log, label: 'bench'});
  },
  run(variant, scenario) {
    const llm = variant === 'plain' ? plain : logged;
    if (!llm) throw new Error('bench: the logging page is not prepared');
    return streamThrough(llm, scenario);
  },
  async insert(rows, batch) {
    const calls = theLog();
    await calls.clear();
    const now = Date.now();
    const startedAt = performance.now();
    for (let first = 0; first < rows; first += batch) {
      const count = Math.min(batch, rows - first);
      await calls.importCalls(Array.from({length: count}, (_, offset) => syntheticRow(first + offset, now)));
    }
    return performance.now() - startedAt;
  },
  async query(name) {
    const query = QUERIES[name];
    if (!query) throw new Error(`bench: no query ${name}`);
    const startedAt = performance.now();
    await firstValueFrom(query(theLog()));
    return performance.now() - startedAt;
  },
  queryNames: () => Object.keys(QUERIES),
  async dispose() {
    await log?.database.delete();
  },
};

(globalThis as unknown as {loggingBench: LoggingPageApi}).loggingBench = api;
