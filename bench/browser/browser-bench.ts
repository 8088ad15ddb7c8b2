import {existsSync, rmSync} from 'node:fs';
import type {Browser, Page} from 'playwright-core';
import {assertConsumersAgree, type StreamResult} from '../consumers/consumer';
import {clearMockLog} from '../lib/mock-server-process';
import {interleavedRounds, type RoundsConfig} from '../lib/measure';
import {pairedRatios, type SampleSummary, summarize} from '../lib/stats';
import {type BenchPage, buildBenchPages} from './build-pages';
import {launchChromium} from './chromium';
import {benchLogging, taskSeconds} from './logging-bench';
import type {LoggingResult} from './logging-result';
import type {PerChunkPageApi} from './per-chunk-page';
import type {RenderPageApi, RenderResult} from './render-page';
import {serveDirectory} from './static-server';

/** llm-rx against the raw `openai` SDK in Chromium, per chunk. */
export interface BrowserPerChunkResult {
  readonly chunks: number;
  /** Renderer main-thread busy time (CDP `Performance.getMetrics` `TaskDuration`) per chunk, microseconds. */
  readonly rawTaskMicros: SampleSummary;
  readonly llmRxTaskMicros: SampleSummary;
  readonly taskRatio: SampleSummary;
  /** Wall time per chunk, microseconds. */
  readonly rawWallMicros: SampleSummary;
  readonly llmRxWallMicros: SampleSummary;
}

/** One binding at one rate. */
export interface RenderRow extends RenderResult {
  readonly binding: 'naive' | 'llm-rx';
  readonly chunksPerSecond: number;
}

/** Everything measured in Chromium. */
export interface BrowserResults {
  readonly chromiumVersion: string;
  readonly perChunk?: BrowserPerChunkResult;
  readonly render?: readonly RenderRow[];
  /** Absent until `llm-rx/logging` has a public API. */
  readonly logging?: LoggingResult;
}

/** What to run in Chromium. */
export interface BrowserBenchConfig extends RoundsConfig {
  readonly mockUrl: string;
  readonly chunks: number;
  readonly renderRates: readonly number[];
  readonly renderSeconds: number;
  /** Synthetic log rows for the dashboard queries. */
  readonly logRows: number;
}

/** Whether `llm-rx/logging` can be bundled yet (it is being written alongside the bench). */
export const isLoggingAvailable = (): boolean => existsSync('projects/llm-rx/logging/public-api.ts');

/**
 * Runs the Chromium benches: per-chunk cost of llm-rx against the raw SDK, and view updates per frame of the naive
 * and llm-rx bindings.
 * @param config Rounds, chunk counts, rates and the mock server.
 * @param log Progress messages.
 * @returns The results and Chromium's version.
 */
export async function runBrowserBenches(
  config: BrowserBenchConfig,
  log: (message: string) => void,
): Promise<BrowserResults> {
  const pages: BenchPage[] = [
    'per-chunk-page',
    'render-page',
    ...(isLoggingAvailable() ? (['logging-page'] as const) : []),
  ];
  const directory = await buildBenchPages(pages);
  const server = await serveDirectory(directory);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    log(`chromium ${browser.version()}: per-chunk`);
    const perChunk = await browserPerChunk(await openPage(browser, `${server.url}/per-chunk-page.html`), config);
    log('chromium: render');
    const render = await browserRender(await openPage(browser, `${server.url}/render-page.html`), config);
    let logging: LoggingResult | undefined;
    if (pages.includes('logging-page')) {
      log('chromium: logging');
      const page = await openPage(browser, `${server.url}/logging-page.html`);
      const session = await page.context().newCDPSession(page);
      await session.send('Performance.enable', {timeDomain: 'threadTicks'});
      logging = await benchLogging(page, session, {...config, rows: config.logRows, queryRuns: config.rounds});
    }
    return {chromiumVersion: browser.version(), perChunk, render, ...(logging && {logging})};
  } finally {
    await browser?.close();
    await server.close();
    rmSync(directory, {recursive: true, force: true});
  }
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(String(error)));
  await page.goto(url);
  await page
    .waitForFunction(
      () => ['perChunkBench', 'renderBench', 'loggingBench'].some(name => name in globalThis),
      undefined,
      {timeout: 10_000},
    )
    .catch(() => {
      throw new Error(`bench: ${url} did not load: ${errors.join('; ')}`);
    });
  return page;
}

async function browserPerChunk(page: Page, config: BrowserBenchConfig): Promise<BrowserPerChunkResult> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', {timeDomain: 'threadTicks'});
  await page.evaluate(
    baseUrl => (globalThis as unknown as {perChunkBench: PerChunkPageApi}).perChunkBench.prepare(baseUrl),
    config.mockUrl,
  );
  const scenario = `chunks=${config.chunks};tag=bench-browser`;
  const libraries = ['raw SDK', 'llm-rx'] as const;
  const pending = new Map<number, StreamResult[]>();
  const samples = await interleavedRounds(libraries, config, async (library, round) => {
    const taskBefore = await taskSeconds(session);
    const wallBefore = performance.now();
    const result = await page.evaluate(
      ([name, value]) => (globalThis as unknown as {perChunkBench: PerChunkPageApi}).perChunkBench.run(name, value),
      [library, scenario] as const,
    );
    const wall = performance.now() - wallBefore;
    const task = (await taskSeconds(session)) - taskBefore;
    const results = pending.get(round) ?? [];
    results[libraries.indexOf(library)] = result;
    pending.set(round, results);
    if (results.filter(Boolean).length === libraries.length) {
      assertConsumersAgree(
        libraries.map((label, index) => ({label: `${label} (Chromium)`, result: results[index] as StreamResult})),
        config.chunks,
      );
      await clearMockLog(config.mockUrl);
    }
    return {task: (task * 1e6) / config.chunks, wall: (wall * 1000) / config.chunks};
  });
  const [raw = [], llmRx = []] = samples;
  return {
    chunks: config.chunks,
    rawTaskMicros: summarize(raw.map(sample => sample.task)),
    llmRxTaskMicros: summarize(llmRx.map(sample => sample.task)),
    taskRatio: summarize(
      pairedRatios(
        llmRx.map(sample => sample.task),
        raw.map(sample => sample.task),
      ),
    ),
    rawWallMicros: summarize(raw.map(sample => sample.wall)),
    llmRxWallMicros: summarize(llmRx.map(sample => sample.wall)),
  };
}

async function browserRender(page: Page, config: BrowserBenchConfig): Promise<RenderRow[]> {
  const rows: RenderRow[] = [];
  for (const chunksPerSecond of config.renderRates) {
    for (const binding of ['naive', 'llm-rx'] as const) {
      const result = await page.evaluate(
        ([name, rate, seconds]) =>
          (globalThis as unknown as {renderBench: RenderPageApi}).renderBench.run(name, rate, seconds),
        [binding, chunksPerSecond, config.renderSeconds] as const,
      );
      if (!result.isFinalTextShown)
        throw new Error(`bench: the ${binding} binding did not show the whole text at ${chunksPerSecond}/s`);
      rows.push({binding, chunksPerSecond, ...result});
    }
  }
  return rows;
}
