import {rmSync} from 'node:fs';
import type {Browser} from 'playwright-core';
import {
  MARKDOWN_RENDERERS,
  type MarkdownPageRenderer,
  type MarkdownRendererName,
} from '../markdown/markdown-renderer-names';
import {
  assertRenderersAgree,
  type MarkdownRendererRow,
  type MarkdownResult,
  markdownRow,
} from '../markdown/markdown-result';
import {buildBenchPages} from './build-pages';
import {launchChromium} from './chromium';
import {taskSeconds} from './logging-bench';
import type {MarkdownPageApi, MarkdownReplayResult, MarkdownRunConfig, MarkdownRunResult} from './markdown-page';
import {serveDirectory} from './static-server';

/** The unmeasured answer each page renders first. */
const WARM_UP_BYTES = 5_000;
/** In the replay, the whole-text renderers make one update in this many (their cost depends on the length only). */
const REPLAY_SAMPLE_EVERY = 10;

/**
 * Streams the markdown answer to each renderer in turn, each in a fresh page after a short unmeasured answer, and
 * once with no renderer (the stream's and frame loop's own main-thread time); checks that the renderers end with
 * the same text.
 * @param config The answer's size and how it streams.
 * @param log Progress messages.
 * @returns One row per renderer (a renderer that cannot run has its error instead), and the baseline.
 * @throws Error when the renderers that ran disagree on the final text.
 */
export async function benchMarkdown(
  config: MarkdownRunConfig,
  log: (message: string) => void,
): Promise<MarkdownResult> {
  const directory = await buildBenchPages(['markdown-page']);
  const server = await serveDirectory(directory);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const url = `${server.url}/markdown-page.html`;
    log(`chromium ${browser.version()}: markdown, the stream alone`);
    const baseline = await runInFreshPage(browser, url, 'none', config);
    const rows: MarkdownRendererRow[] = [];
    const texts: {renderer: MarkdownRendererName; text: string}[] = [];
    // The updates llm-rx made in its live run (it runs first): every renderer is given the same ones in the replay.
    let lengths: number[] = [];
    for (const renderer of MARKDOWN_RENDERERS) {
      log(`chromium: markdown, ${renderer}`);
      try {
        const {run, mainThreadSeconds} = await runInFreshPage(browser, url, renderer, config);
        if (renderer === 'llm-rx') lengths = run.frames.map(frame => frame.length);
        log(`chromium: markdown, ${renderer}, the same ${lengths.length} updates replayed`);
        const replay = await replayInFreshPage(browser, url, renderer, config.bytes, lengths);
        rows.push(markdownRow(renderer, run, mainThreadSeconds, config.bytes, replay));
        texts.push({renderer, text: run.finalText});
      } catch (error) {
        rows.push({renderer, error: (error instanceof Error ? error.message : String(error)).split('\n')[0]});
      }
    }
    assertRenderersAgree(texts);
    return {
      ...config,
      baselineMainThreadSeconds: baseline.mainThreadSeconds,
      baselineLongTasks: baseline.run.longTasksMs.length,
      rows,
    };
  } finally {
    await browser?.close();
    await server.close();
    rmSync(directory, {recursive: true, force: true});
  }
}

async function replayInFreshPage(
  browser: Browser,
  url: string,
  renderer: MarkdownRendererName,
  bytes: number,
  lengths: readonly number[],
): Promise<MarkdownReplayResult> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'markdownBench' in globalThis, undefined, {timeout: 10_000});
    const replay = (size: number, updates: readonly number[]) =>
      page.evaluate(
        ([name, answerBytes, at, every]) =>
          (globalThis as unknown as {markdownBench: MarkdownPageApi}).markdownBench.replay(
            name,
            answerBytes,
            at,
            every,
          ),
        [renderer, size, updates, REPLAY_SAMPLE_EVERY] as const,
      );
    // Unmeasured, as in the live run: the renderer's code loaded and compiled.
    await replay(WARM_UP_BYTES, [1_000, 2_000, 5_000]);
    return await replay(bytes, lengths);
  } finally {
    await page.close();
  }
}

async function runInFreshPage(
  browser: Browser,
  url: string,
  renderer: MarkdownPageRenderer,
  config: MarkdownRunConfig,
): Promise<{run: MarkdownRunResult; mainThreadSeconds: number}> {
  const page = await browser.newPage();
  try {
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(String(error)));
    await page.goto(url);
    await page
      .waitForFunction(() => 'markdownBench' in globalThis, undefined, {timeout: 10_000})
      .catch(() => {
        throw new Error(`bench: the markdown page did not load: ${errors.join('; ')}`);
      });
    const runInPage = (value: MarkdownRunConfig) =>
      page.evaluate(
        ([name, run]) => (globalThis as unknown as {markdownBench: MarkdownPageApi}).markdownBench.run(name, run),
        [renderer, value] as const,
      );
    // A short answer first, unmeasured: the renderer's code is loaded and compiled (highlight.js included), so
    // that the run measures streaming, not the first load, the same for every renderer.
    await runInPage({...config, bytes: WARM_UP_BYTES});
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable', {timeDomain: 'threadTicks'});
    const before = await taskSeconds(session);
    const run = await runInPage(config);
    return {run, mainThreadSeconds: (await taskSeconds(session)) - before};
  } finally {
    await page.close();
  }
}
