/**
 * `npm run bench` and `npm run bench:smoke`.
 *
 * Usage: `node --expose-gc --import tsx bench/main.ts [--smoke] [--out=BENCHMARKS.md] [--only=per-chunk,ttfc,…] [--skip-build]`
 *
 * The full run writes the report (default `BENCHMARKS.md`); the smoke run streams a few hundred chunks once through
 * every part of the harness, checks that the libraries agree, prints pass/fail per part and writes nothing.
 */
import {writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {runBrowserBenches} from './browser/browser-bench';
import {benchMarkdown} from './browser/markdown-bench';
import {benchPreload} from './browser/preload-bench';
import {benchDemoBundle, benchLibraryBundles} from './bundle';
import {benchCascade} from './cascade';
import {benchColdLoad} from './cold-load';
import type {BenchProtocol} from './consumers/consumer';
import {collectGarbage} from './lib/measure';
import {startMockServerProcess} from './lib/mock-server-process';
import {describeMachine} from './machine';
import {benchCancelMemory, benchCollectMemory, benchRawCancelMemory, benchRawCollectMemory} from './memory';
import {benchObjectParser} from './object/object-parser';
import {benchObjectStream, OBJECT_MOCK_SERVER_MAIN, objectAnswerSizes} from './object/object-stream';
import {benchPerChunk} from './per-chunk';
import type {ProxyResults} from './proxy/proxy-bench';
import {startProxyContenders} from './proxy/proxy-bench';
import {benchProxyPerChunk} from './proxy/proxy-per-chunk';
import {benchProxyTtfc} from './proxy/proxy-ttfc';
import {benchToolArguments} from './tools/tool-arguments';
import {benchToolLoop} from './tools/tool-loop';
import {TOOLS_MOCK_SERVER_MAIN} from './tools/tools-bench';
import {benchTelemetryPerCall} from './telemetry/telemetry-per-call';
import {benchTelemetryPerChunk} from './telemetry/telemetry-per-chunk';
import {benchTelemetryReplay} from './telemetry/telemetry-replay';
import type {TelemetryResults} from './telemetry/telemetry-bench';
import {renderReport} from './report';
import type {BenchResults, BenchSettings} from './results';
import {benchTimeToFirstChunk} from './ttfc';

const PROTOCOLS: readonly BenchProtocol[] = [
  'openai-chat',
  'openai-responses',
  'anthropic',
  'gemini',
  'cohere',
  'deepseek',
];
const SECTIONS = [
  'per-chunk',
  'object',
  'tools',
  'telemetry',
  'proxy',
  'ttfc',
  'cold-load',
  'cascade',
  'browser',
  'preload',
  'markdown',
  'bundle',
  'memory',
] as const;
type Section = (typeof SECTIONS)[number];

const FULL: Omit<BenchSettings, 'command'> = {
  chunks: 20_000,
  warmups: 2,
  rounds: 7,
  ttfcRounds: 30,
  coldProcesses: 3,
  cancelCycles: 1_000,
  collectChunks: 1_000_000,
  browserChunks: 20_000,
  browserRounds: 11,
  renderSeconds: 2,
  logRows: 100_000,
  // About 1.4 MB of JSON in 20,000 chunks; the Vercel AI SDK re-parses the whole text at every chunk, so it runs
  // the 2,000-chunk answer and one twice as long, not the 20,000-chunk one (about 10 minutes per run here).
  object: {
    records: 2_600,
    rounds: 11,
    chunks: [2_000, 20_000],
    vercelRounds: 3,
    vercelChunks: 4_000,
    reparseRounds: 3,
    reparseSamples: 40,
  },
  // About 20 kB of JSON in 2,000 pieces, as in the issue; a loop is a few milliseconds, so a sample is ten of them.
  tools: {loopRounds: 15, loopsPerSample: 10, argumentRecords: 38, argumentChunks: 2_000, argumentRounds: 11},
  // A short answer: what differs between the first and the second call is before the first chunk.
  preload: {rounds: 15, chunks: 20},
  // About 400 kB in 10-character chunks at 2,000 chunks/s: 20 s per renderer.
  markdown: {bytes: 400_000, chunkSize: 10, chunksPerSecond: 2_000},
  // 10,000 log rows per replay, as in the issue, read in pages of 500.
  telemetry: {replayRows: 10_000, replayRounds: 7, perCallCalls: 2_000},
};

const SMOKE: Omit<BenchSettings, 'command'> = {
  chunks: 300,
  warmups: 0,
  rounds: 1,
  ttfcRounds: 1,
  coldProcesses: 1,
  cancelCycles: 20,
  collectChunks: 2_000,
  browserChunks: 300,
  browserRounds: 1,
  renderSeconds: 0.3,
  logRows: 2_000,
  object: {
    records: 26,
    rounds: 1,
    chunks: [20, 200],
    vercelRounds: 1,
    vercelChunks: 40,
    reparseRounds: 1,
    reparseSamples: 5,
  },
  tools: {loopRounds: 1, loopsPerSample: 1, argumentRecords: 2, argumentChunks: 20, argumentRounds: 1},
  preload: {rounds: 1, chunks: 20},
  markdown: {bytes: 20_000, chunkSize: 10, chunksPerSecond: 2_000},
  telemetry: {replayRows: 200, replayRounds: 1, perCallCalls: 20},
};

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {smoke: {type: 'boolean'}, out: {type: 'string'}, only: {type: 'string'}, 'skip-build': {type: 'boolean'}},
  });
  const isSmoke = values.smoke === true;
  const only = values.only?.split(',') as Section[] | undefined;
  const unknown = only?.filter(section => !SECTIONS.includes(section));
  if (unknown?.length)
    throw new Error(`bench: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  const runs = (section: Section) => (only ? only.includes(section) : !(isSmoke && section === 'bundle'));
  if (!collectGarbage()) throw new Error('bench: run Node with --expose-gc (see package.json "bench")');

  const settings: BenchSettings = {
    ...(isSmoke ? SMOKE : FULL),
    command: `node --expose-gc --import tsx bench/main.ts ${process.argv.slice(2).join(' ')}`.trim(),
  };
  const log = (message: string) => console.log(`bench: ${message}`);
  const startedAt = new Date();
  const machine = describeMachine();
  const server = await startMockServerProcess();
  const target = {baseUrl: server.url};
  const rounds = {warmups: settings.warmups, rounds: settings.rounds};
  const results: {-readonly [K in keyof BenchResults]?: BenchResults[K]} = {};
  const passed: string[] = [];
  const failures: {part: string; error: string}[] = [];
  // A failing part (an adapter that throws, libraries that disagree) is recorded and the rest still runs; the
  // run then ends with exit code 1, and the report lists the failures first.
  const attempt = async (part: string, run: () => Promise<void>, success: string) => {
    try {
      await run();
      passed.push(`${part}: ${success}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`bench: ${part} failed:`, error);
      failures.push({part, error: message.split('\n')[0]?.slice(0, 300) ?? ''});
    }
  };
  const perProtocol = <T>(
    part: string,
    protocols: readonly BenchProtocol[],
    run: (protocol: BenchProtocol) => Promise<T[]>,
  ) => {
    const rows: T[] = [];
    return attempt(
      part,
      async () => {
        for (const protocol of protocols) {
          await attempt(`${part} ${protocol}`, async () => void rows.push(...(await run(protocol))), 'ok');
        }
      },
      'done',
    ).then(() => rows);
  };
  try {
    if (runs('per-chunk')) {
      results.perChunk = await perProtocol('per-chunk', PROTOCOLS, protocol =>
        benchPerChunk({...rounds, target, protocols: [protocol], chunks: settings.chunks}, log),
      );
    }
    if (runs('object')) {
      await attempt(
        'object stream',
        async () => {
          // Its own mock server: the answer (the JSON of the bench object) is too big for a scenario header.
          const objectServer = await startMockServerProcess(OBJECT_MOCK_SERVER_MAIN);
          try {
            results.objectStream = await benchObjectStream(
              {...rounds, ...settings.object, target: {baseUrl: objectServer.url}},
              log,
            );
          } finally {
            await objectServer.close();
          }
        },
        'every run saw the whole text, or an object equal to the JSON',
      );
      await attempt(
        'object parser',
        async () => {
          const sizes = objectAnswerSizes(settings.object);
          results.objectParser = await benchObjectParser(
            {...rounds, ...settings.object, answers: [sizes.small, sizes.large, sizes.coarse]},
            log,
          );
        },
        'every parser gave the value JSON.parse() gives',
      );
    }
    if (runs('tools')) {
      await attempt(
        'tools',
        async () => {
          // Its own mock server: the argument-streaming answer (the JSON of the bench object) is too big for a
          // scenario header. The loop runs against it too (its requests are answered as by the repository's).
          const toolsServer = await startMockServerProcess(TOOLS_MOCK_SERVER_MAIN);
          const toolsTarget = {baseUrl: toolsServer.url};
          try {
            await attempt(
              'tools loop',
              async () => {
                results.toolLoop = await benchToolLoop(
                  {
                    target: toolsTarget,
                    warmups: settings.warmups,
                    rounds: settings.tools.loopRounds,
                    loopsPerSample: settings.tools.loopsPerSample,
                  },
                  log,
                );
              },
              'every loop made 5 model calls, ran the tool 4 times and ended with the text; usage agreed',
            );
            await attempt(
              'tools arguments',
              async () => {
                results.toolArguments = await benchToolArguments(
                  {
                    target: toolsTarget,
                    warmups: settings.warmups,
                    rounds: settings.tools.argumentRounds,
                    records: settings.tools.argumentRecords,
                    chunks: settings.tools.argumentChunks,
                  },
                  log,
                );
              },
              'every run saw every piece of the JSON, and the call its input',
            );
          } finally {
            await toolsServer.close();
          }
        },
        'done',
      );
    }
    if (runs('telemetry')) {
      const telemetry: {-readonly [K in keyof TelemetryResults]?: TelemetryResults[K]} = {};
      results.telemetry = telemetry;
      await attempt(
        'telemetry per-chunk',
        async () => {
          telemetry.perChunk = await benchTelemetryPerChunk({...rounds, target, chunks: settings.chunks}, log);
        },
        'off, on and on with content saw the same text and usage; every traced call exported its spans and metrics',
      );
      await attempt(
        'telemetry per call',
        async () => {
          telemetry.perCall = await benchTelemetryPerCall({...rounds, calls: settings.telemetry.perCallCalls}, log);
        },
        'every traced call exported its two spans and its duration',
      );
      await attempt(
        'telemetry replay',
        async () => {
          telemetry.replay = await benchTelemetryReplay(
            {warmups: settings.warmups, rounds: settings.telemetry.replayRounds, rows: settings.telemetry.replayRows},
            log,
          );
        },
        'every replay sent every call, and each exporter got every span',
      );
    }
    if (runs('proxy')) {
      const proxy: {-readonly [K in keyof ProxyResults]?: ProxyResults[K]} = {};
      results.proxy = proxy;
      await attempt(
        'proxy',
        async () => {
          // Each proxy in its own child process, so that its CPU per chunk is its own.
          const {contenders, close} = await startProxyContenders(target);
          log(`proxy: ${contenders.map(contender => contender.route).join(', ')}`);
          try {
            await attempt(
              'proxy time to first chunk',
              async () => {
                proxy.ttfc = await benchProxyTtfc(contenders, {
                  target,
                  warmups: isSmoke ? 0 : 5,
                  rounds: settings.ttfcRounds,
                });
              },
              'both proxies streamed the same text and usage as direct; llm-rx/proxy metered every call',
            );
            await attempt(
              'proxy per-chunk',
              async () => {
                proxy.perChunk = await benchProxyPerChunk(contenders, {...rounds, target, chunks: settings.chunks});
              },
              'both proxies streamed the same text and usage as direct; llm-rx/proxy metered every call',
            );
          } finally {
            await close();
          }
        },
        'done',
      );
    }
    if (runs('ttfc')) {
      log('time to first chunk');
      results.ttfc = await perProtocol('ttfc', PROTOCOLS, protocol =>
        benchTimeToFirstChunk({target, protocols: [protocol], warmups: isSmoke ? 0 : 5, rounds: settings.ttfcRounds}),
      );
    }
    if (runs('cold-load')) {
      log('cold SDK load');
      results.coldLoad = await perProtocol('cold-load', isSmoke ? ['openai-chat'] : PROTOCOLS, protocol =>
        benchColdLoad(target, [protocol], settings.coldProcesses),
      );
    }
    if (runs('cascade')) {
      log('cascade');
      await attempt(
        'cascade',
        async () => {
          results.cascade = await benchCascade(target, {warmups: isSmoke ? 0 : 3, rounds: settings.ttfcRounds});
        },
        'failed over to the fallback every round',
      );
    }
    if (runs('browser')) {
      await attempt(
        'browser',
        async () => {
          results.browser = await runBrowserBenches(
            {
              mockUrl: server.url,
              chunks: settings.browserChunks,
              warmups: isSmoke ? 0 : 5,
              rounds: settings.browserRounds,
              renderRates: isSmoke ? [2_000] : [200, 2_000, 20_000],
              renderSeconds: settings.renderSeconds,
              logRows: settings.logRows,
            },
            log,
          );
        },
        'raw SDK and llm-rx agreed; both bindings showed the whole text; logging ran',
      );
    }
    if (runs('preload')) {
      await attempt(
        'preload',
        async () => {
          results.preload = await benchPreload(
            {mockUrl: server.url, warmups: 0, rounds: settings.preload.rounds, chunks: settings.preload.chunks},
            log,
          );
        },
        'both calls of every page streamed the same text, cold and preloaded',
      );
    }
    if (runs('markdown')) {
      await attempt(
        'markdown',
        async () => {
          results.markdown = await benchMarkdown(settings.markdown, log);
          const failed = results.markdown.rows.filter(row => row.error);
          if (failed.length) throw new Error(failed.map(row => `${row.renderer}: ${row.error}`).join('; '));
        },
        'the three renderers ended with the same text',
      );
    }
    if (runs('memory')) {
      log('memory');
      await attempt(
        'memory',
        async () => {
          results.cancelMemory = await benchCancelMemory(target, settings.cancelCycles);
          results.rawCancelMemory = await benchRawCancelMemory(target, settings.cancelCycles);
          results.collectMemory = await benchCollectMemory(target, settings.collectChunks);
          results.rawCollectMemory = await benchRawCollectMemory(target, settings.collectChunks);
        },
        'ran',
      );
    }
    if (runs('bundle')) {
      log('bundle: ng build llm-rx, ng build demo');
      await attempt(
        'bundle',
        async () => {
          results.libraryBundles = await benchLibraryBundles(values['skip-build'] !== true);
          results.demoBundle = await benchDemoBundle();
        },
        'ran',
      );
    }
  } finally {
    await server.close();
  }

  if (isSmoke) {
    // A smoke run's numbers come from one tiny round: print only what was checked, no timings.
    const lines = [...passed.map(line => `  ✓ ${line}`), ...failures.map(({part, error}) => `  ✗ ${part}: ${error}`)];
    console.log(`bench smoke: ${failures.length ? 'FAILED' : 'OK'}\n${lines.join('\n')}`);
    if (failures.length) process.exitCode = 1;
    return;
  }
  const report = renderReport({
    ...results,
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    machine,
    settings,
    failures,
  } as BenchResults);
  const out = values.out ?? 'BENCHMARKS.md';
  writeFileSync(out, report);
  log(`wrote ${out}`);
  if (failures.length) {
    console.error(`bench: ${failures.length} part(s) failed; the report lists them`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
