import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {gzipSync} from 'node:zlib';

const run = promisify(execFile);

/** The provider SDKs that must stay out of an app's initial bundle. */
export const SDK_PACKAGES = ['openai', '@anthropic-ai/sdk', '@google/genai', 'cohere-ai'] as const;

/** One built file's size. */
export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  /** Gzip level 9. */
  readonly gzipBytes: number;
}

/** The demo's initial bundle. */
export interface DemoBundle {
  readonly initialFiles: readonly FileSize[];
  /** The SDK packages with at least one module in an initial file. */
  readonly sdksInInitial: readonly string[];
  /** The SDK packages found in lazy files, proving the check would see them. */
  readonly sdksInLazy: readonly string[];
}

/** A build that could not be measured. */
export interface BuildFailure {
  readonly error: string;
}

/**
 * Builds the library (`ng build llm-rx`) and measures the gzip size of each entry point's FESM bundle.
 * @param build Whether to build first (else measure the existing `dist/llm-rx`).
 * @returns The sizes, or why they could not be measured.
 */
export async function benchLibraryBundles(build: boolean): Promise<FileSize[] | BuildFailure> {
  const failure = build ? await ngBuild(['llm-rx']) : undefined;
  if (failure) return failure;
  const directory = 'dist/llm-rx/fesm2022';
  if (!existsSync(directory)) return {error: `${directory} does not exist`};
  return readdirSync(directory)
    .filter(file => file.endsWith('.mjs'))
    .sort()
    .map(file => sizeOf(join(directory, file), file));
}

/**
 * Builds the demo into a temporary directory with esbuild's metafile (`--stats-json`), follows the static imports
 * from its entry points to find the initial files, and lists the SDK packages they contain.
 * @returns The initial files and SDK findings, or why they could not be measured.
 */
export async function benchDemoBundle(): Promise<DemoBundle | BuildFailure> {
  const outputPath = mkdtempSync(join(tmpdir(), 'llm-rx-bench-demo-'));
  try {
    const failure = await ngBuild(['demo', `--output-path=${outputPath}`, '--stats-json']);
    if (failure) return failure;
    const metafile = JSON.parse(readFileSync(join(outputPath, 'stats.json'), 'utf8')) as Metafile;
    const initial = initialOutputs(
      metafile,
      pageEntryFiles(readFileSync(join(outputPath, 'browser', 'index.html'), 'utf8')),
    );
    const packagesIn = (outputs: Iterable<string>) => {
      const found = new Set<string>();
      for (const output of outputs) {
        for (const input of Object.keys(metafile.outputs[output]?.inputs ?? {})) {
          const sdk = SDK_PACKAGES.find(name => input.includes(`node_modules/${name}/`));
          if (sdk) found.add(sdk);
        }
      }
      return [...found].sort();
    };
    if (initial.size === 0) return {error: 'no initial file found from index.html in the metafile'};
    const lazy = Object.keys(metafile.outputs).filter(output => output.endsWith('.js') && !initial.has(output));
    return {
      // Component styles appear in the metafile but are inlined, so only files on disk are measured.
      initialFiles: [...initial]
        .filter(output => existsSync(join(outputPath, 'browser', output)))
        .map(output => sizeOf(join(outputPath, 'browser', output), output)),
      sdksInInitial: packagesIn(initial),
      sdksInLazy: packagesIn(lazy),
    };
  } finally {
    rmSync(outputPath, {recursive: true, force: true});
  }
}

/** The part of esbuild's metafile the bundle check reads. */
export interface Metafile {
  readonly outputs: Record<
    string,
    {
      readonly entryPoint?: string;
      readonly inputs?: Record<string, unknown>;
      readonly imports?: readonly {readonly path: string; readonly kind: string}[];
    }
  >;
}

/**
 * The files a built `index.html` loads by itself: its scripts and stylesheets (not its modulepreload hints, which
 * the static imports below must explain).
 * @param html The page.
 * @returns The file names.
 */
export function pageEntryFiles(html: string): string[] {
  const files = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)];
  return files.map(match => (match[1] ?? match[2]) as string);
}

/**
 * The outputs loaded at startup: the page's scripts and stylesheets and everything they import statically. (A
 * lazily imported module is an entry point in esbuild's metafile too, so entry points cannot be the roots.)
 * @param metafile esbuild's metafile.
 * @param roots The files the page loads by itself.
 * @returns The initial output paths.
 */
export function initialOutputs(metafile: Metafile, roots: readonly string[]): Set<string> {
  const pending = roots.filter(root => metafile.outputs[root]);
  const initial = new Set<string>();
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (initial.has(path)) continue;
    initial.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && metafile.outputs[imported.path]) pending.push(imported.path);
    }
  }
  return initial;
}

function sizeOf(path: string, file: string): FileSize {
  const content = readFileSync(path);
  return {file, bytes: content.length, gzipBytes: gzipSync(content, {level: 9}).length};
}

async function ngBuild(args: readonly string[]): Promise<BuildFailure | undefined> {
  try {
    await run('npx', ['ng', 'build', ...args], {maxBuffer: 64 << 20, env: {...process.env, NG_CLI_ANALYTICS: 'false'}});
    return undefined;
  } catch (error) {
    const output = String(
      (error as {stderr?: string; stdout?: string}).stderr || (error as {stdout?: string}).stdout || error,
    );
    const firstError = output.split('\n').find(line => /error/i.test(line)) ?? output.split('\n')[0] ?? '';
    return {error: `ng build ${args[0]} failed: ${firstError.trim().slice(0, 300)}`};
  }
}
