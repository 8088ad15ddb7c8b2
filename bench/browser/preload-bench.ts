import type {Browser} from 'playwright-core';
import {interleavedRounds, type RoundsConfig} from '../lib/measure';
import {buildBenchPages} from './build-pages';
import {launchChromium} from './chromium';
import type {PreloadMode, PreloadPageApi, PreloadPageResult} from './preload-page';
import {type PreloadResult, summarizePreload} from './preload-result';
import {serveDirectory} from './static-server';
import {rmSync} from 'node:fs';

/** What to run. */
export interface PreloadBenchConfig extends RoundsConfig {
  /** The mock provider server, reached through the page's origin. */
  readonly mockUrl: string;
  /** Chunks per answer: a short one, so that the time to first chunk is what differs. */
  readonly chunks: number;
}

const MODES: readonly PreloadMode[] = ['cold', 'preloaded'];

/**
 * Times the first chunk of the first and the second call in Chromium, each round in a fresh browser context (cold
 * HTTP cache, cold code), without and with `preloadLlm()` before the first call, interleaved.
 * @param config Rounds and the mock server.
 * @param log Progress messages.
 * @returns Medians per mode, and the first-over-second ratio round by round.
 */
export async function benchPreload(config: PreloadBenchConfig, log: (message: string) => void): Promise<PreloadResult> {
  const directory = await buildBenchPages(['preload-page']);
  const server = await serveDirectory(directory, config.mockUrl);
  const scenario = `chunks=${config.chunks};tag=bench-preload`;
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    log(`chromium ${browser.version()}: preload, ${config.rounds} rounds per mode`);
    const opened = browser;
    const [cold = [], preloaded = []] = await interleavedRounds(MODES, config, mode =>
      runInFreshContext(opened, `${server.url}/preload-page.html`, mode, scenario),
    );
    return summarizePreload({cold, preloaded}, scenario);
  } finally {
    await browser?.close();
    await server.close();
    rmSync(directory, {recursive: true, force: true});
  }
}

async function runInFreshContext(
  browser: Browser,
  url: string,
  mode: PreloadMode,
  scenario: string,
): Promise<PreloadPageResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(String(error)));
    await page.goto(url);
    await page
      .waitForFunction(() => 'preloadBench' in globalThis, undefined, {timeout: 10_000})
      .catch(() => {
        throw new Error(`bench: ${url} did not load: ${errors.join('; ')}`);
      });
    return await page.evaluate(
      ([name, value]) => (globalThis as unknown as {preloadBench: PreloadPageApi}).preloadBench.run(name, value),
      [mode, scenario] as const,
    );
  } finally {
    await context.close();
  }
}
