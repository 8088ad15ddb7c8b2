import type {CDPSession, Page} from 'playwright-core';
import {assertConsumersAgree, type StreamResult} from '../consumers/consumer';
import {clearMockLog} from '../lib/mock-server-process';
import {interleavedRounds, type RoundsConfig} from '../lib/measure';
import {pairedRatios, summarize} from '../lib/stats';
import type {LoggingPageApi} from './logging-page';
import type {LoggingResult} from './logging-result';

/** What the logging bench runs. */
export interface LoggingBenchConfig extends RoundsConfig {
  readonly mockUrl: string;
  readonly chunks: number;
  /** Synthetic rows to insert, then query. */
  readonly rows: number;
  /** Runs of each query. */
  readonly queryRuns: number;
}

type PageWindow = {loggingBench: LoggingPageApi};

/**
 * Runs the logging bench in a loaded logging page: stream cost with and without `loggedLlm()` (interleaved, main
 * thread busy time from the DevTools protocol), bulk insert throughput, and dashboard query times.
 * @param page The logging page.
 * @param session A DevTools session on it with `Performance` enabled.
 * @param config Rounds, sizes and the mock server.
 * @returns The measurements.
 */
export async function benchLogging(
  page: Page,
  session: CDPSession,
  config: LoggingBenchConfig,
): Promise<LoggingResult> {
  await page.evaluate(baseUrl => (globalThis as unknown as PageWindow).loggingBench.prepare(baseUrl), config.mockUrl);
  const scenario = `chunks=${config.chunks};tag=bench-logging`;
  const variants = ['plain', 'logged'] as const;
  const pending = new Map<number, StreamResult[]>();
  const samples = await interleavedRounds(variants, config, async (variant, round) => {
    const taskBefore = await taskSeconds(session);
    const wallBefore = performance.now();
    const result = await page.evaluate(
      ([name, value]) => (globalThis as unknown as PageWindow).loggingBench.run(name, value),
      [variant, scenario] as const,
    );
    const wall = performance.now() - wallBefore;
    const task = (await taskSeconds(session)) - taskBefore;
    const results = pending.get(round) ?? [];
    results[variants.indexOf(variant)] = result;
    pending.set(round, results);
    if (results.filter(Boolean).length === variants.length) {
      assertConsumersAgree(
        variants.map((label, index) => ({label: `llm-rx ${label}`, result: results[index] as StreamResult})),
        config.chunks,
      );
      await clearMockLog(config.mockUrl);
    }
    return {task: (task * 1e6) / config.chunks, wall: (wall * 1000) / config.chunks};
  });
  const [plain = [], logged = []] = samples;
  const insertBatch = 1_000;
  const insertMs = await page.evaluate(
    ([rows, batch]) => (globalThis as unknown as PageWindow).loggingBench.insert(rows, batch),
    [config.rows, insertBatch] as const,
  );
  const names = await page.evaluate(() => (globalThis as unknown as PageWindow).loggingBench.queryNames());
  const queries = [];
  for (const name of names) {
    const times: number[] = [];
    for (let run = 0; run < config.queryRuns; run++) {
      times.push(await page.evaluate(query => (globalThis as unknown as PageWindow).loggingBench.query(query), name));
    }
    queries.push({query: name, ms: summarize(times)});
  }
  await page.evaluate(() => (globalThis as unknown as PageWindow).loggingBench.dispose());
  return {
    chunks: config.chunks,
    plainTaskMicros: summarize(plain.map(sample => sample.task)),
    loggedTaskMicros: summarize(logged.map(sample => sample.task)),
    taskRatio: summarize(
      pairedRatios(
        logged.map(sample => sample.task),
        plain.map(sample => sample.task),
      ),
    ),
    plainWallMicros: summarize(plain.map(sample => sample.wall)),
    loggedWallMicros: summarize(logged.map(sample => sample.wall)),
    insertedRows: config.rows,
    insertBatch,
    insertRowsPerSecond: config.rows / (insertMs / 1000),
    queries,
  };
}

/**
 * The renderer main thread's busy time so far (`Performance.getMetrics` `TaskDuration`), in seconds.
 * @param session A DevTools session with `Performance` enabled.
 * @returns The seconds.
 */
export async function taskSeconds(session: CDPSession): Promise<number> {
  const {metrics} = await session.send('Performance.getMetrics');
  return metrics.find(metric => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}
