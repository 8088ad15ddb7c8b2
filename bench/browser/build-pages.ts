import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';

/** The bench pages, each an entry file under `bench/browser/`. */
export const BENCH_PAGES = ['per-chunk-page', 'render-page', 'logging-page', 'preload-page', 'markdown-page'] as const;

/** A bench page name. */
export type BenchPage = (typeof BENCH_PAGES)[number];

/**
 * Bundles the bench pages with esbuild (ES modules, minified as an app would ship, `llm-rx` paths from the root
 * tsconfig) into a temporary directory, with one HTML page each.
 * @param pages The pages to build.
 * @returns The directory.
 */
export async function buildBenchPages(pages: readonly BenchPage[]): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'llm-rx-bench-pages-'));
  await build({
    entryPoints: pages.map(page => `bench/browser/${page}.ts`),
    outdir: directory,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    // Only OpenAI runs in the page; the other SDKs stay behind imports that never run.
    external: ['@anthropic-ai/sdk', '@google/genai', 'cohere-ai', 'ai', '@ai-sdk/*', '@langchain/*'],
    define: {ngDevMode: 'false'},
    logLevel: 'error',
  });
  for (const page of pages) {
    writeFileSync(
      join(directory, `${page}.html`),
      `<!doctype html><title>${page}</title><p id="out"></p><script type="module" src="./${page}.js"></script>`,
    );
  }
  return directory;
}
