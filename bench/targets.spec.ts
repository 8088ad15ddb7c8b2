import type {SampleSummary} from './lib/stats';
import type {PerChunkRow} from './per-chunk';
import type {BenchResults} from './results';
import {objectRow, objectStreamResults, summaryOf} from './object/object-results-fixtures';
import {telemetryResults} from './telemetry/telemetry-results-fixtures';
import {toolArgumentsResults, toolLoopResults} from './tools/tools-results-fixtures';
import {checkTargets, describeResult} from './targets';

const summary = (median: number): SampleSummary => ({
  count: 1,
  median,
  min: median,
  max: median,
  q1: median,
  q3: median,
});
const row = (library: PerChunkRow['library'], toRaw: number, toLlmRx: number): PerChunkRow => ({
  protocol: 'openai-chat',
  library,
  cpuMicrosPerChunk: summary(10),
  wallMicrosPerChunk: summary(20),
  cpuRatioToRaw: summary(toRaw),
  cpuRatioToLlmRx: summary(toLlmRx),
});
const base = {
  failures: [],
  startedAt: '',
  durationSeconds: 0,
  machine: {} as BenchResults['machine'],
  settings: {} as BenchResults['settings'],
};

describe('checkTargets', () => {
  it('checks llm-rx against the raw SDK and the other libraries against llm-rx', () => {
    const checks = checkTargets({
      ...base,
      perChunk: [
        row('raw SDK', 1, 0.95),
        row('llm-rx', 1.05, 1),
        row('Vercel AI SDK', 7, 6.6),
        row('LangChain.js', 3, 2.8),
      ],
    });
    expect(checks.map(check => [check.target.split(':')[1]?.trim().split(' ')[0], check.isMet])).toEqual([
      ['llm-rx', true],
      ['Vercel', true],
      ['LangChain.js', false],
    ]);
  });

  it('misses the raw SDK target above 1.10×', () => {
    const [check] = checkTargets({...base, perChunk: [row('llm-rx', 1.2, 1)]});
    expect(check?.isMet).toBeFalse();
    expect(check?.measured).toBe('1.20×');
  });

  it('checks heap growth, the demo bundle and frame updates', () => {
    const checks = checkTargets({
      ...base,
      cancelMemory: {cycles: 1000, warmUpCycles: 300, baselineHeap: 100, afterHeap: 106, afterTwiceHeap: 106},
      demoBundle: {initialFiles: [], sdksInInitial: ['openai'], sdksInLazy: []},
    });
    expect(checks.map(check => check.isMet)).toEqual([false, false]);
  });

  it('reports a failed build as not measured', () => {
    const [check] = checkTargets({...base, demoBundle: {error: 'ng build demo failed'}});
    expect(check?.isMet).toBeUndefined();
  });

  it('marks a ratio target inconclusive when the rounds disagree', () => {
    const noisy: PerChunkRow = {
      ...row('llm-rx', 0.5, 1),
      cpuRatioToRaw: {count: 7, median: 0.5, min: 0.35, max: 1.25, q1: 0.4, q3: 1.1},
    };
    const [check] = checkTargets({...base, perChunk: [noisy]});
    expect(check?.isMet).toBeTrue();
    expect(check?.inconclusive).toContain('0.40–1.10');
    expect(checkTargets({...base, perChunk: [row('llm-rx', 1.05, 1)]})[0]?.inconclusive).toBeUndefined();
  });

  it('checks llm-rx object streams against their text streams, and the ratio growing with the answer', () => {
    const checks = checkTargets({...base, objectStream: objectStreamResults(1.4)});
    expect(checks.map(check => [check.target, check.measured, check.isMet])).toEqual([
      ['object: llm-rx streamObject() CPU/chunk ≤ 1.5× its text stream (2,000 chunks of 0.14 MB)', '1.30×', true],
      ['object: llm-rx streamObject() CPU/chunk ≤ 1.5× its text stream (20,000 chunks of 1.38 MB)', '1.40×', true],
      ['object: llm-rx streamObject() CPU/chunk ≤ 1.5× its text stream (2,000 chunks of 1.38 MB)', '1.20×', true],
      [
        'object: llm-rx ratio at 20,000 chunks of 1.38 MB ÷ ratio at 2,000 chunks of 0.14 MB ≤ 1.3 (linear)',
        '1.08×',
        true,
      ],
      [
        'object: llm-rx ratio at 20,000 chunks of 1.38 MB ÷ ratio at 2,000 chunks of 1.38 MB ≤ 1.3 (linear)',
        '1.17×',
        true,
      ],
    ]);
  });

  it('misses the object targets above 1.5× and 1.3×, and marks noisy rounds inconclusive', () => {
    const missed = checkTargets({...base, objectStream: objectStreamResults(1.8)});
    expect(missed.map(check => check.isMet)).toEqual([true, false, true, false, false]);
    const results = objectStreamResults(1.4);
    const noisy = {
      ...results,
      rows: results.rows.map(row =>
        row.kind === 'large' && row.mode === 'object' ? objectRow('large', 'llm-rx', 'object', 18, 1.4, 0.2) : row,
      ),
      linearity: results.linearity.map(entry => ({...entry, ratio: summaryOf(entry.ratio.median, 0.2)})),
    };
    const checks = checkTargets({...base, objectStream: noisy});
    expect(checks.map(check => check.inconclusive !== undefined)).toEqual([false, true, false, true, true]);
  });

  it('checks the llm-rx tool loop against the raw SDK, and its tool-argument chunks against its text chunks', () => {
    const checks = checkTargets({...base, toolLoop: toolLoopResults(1.05), toolArguments: toolArgumentsResults(1.3)});
    expect(checks.map(check => [check.target, check.measured, check.isMet])).toEqual([
      ["tools: llm-rx runTools() CPU per 5-step loop ≤ 1.1× the raw SDK's 5 calls", '1.05×', true],
      ['tools: llm-rx CPU/tool-argument chunk ≤ 1.5× its text chunk (2,000 chunks of 20 kB)', '1.30×', true],
    ]);
    const missed = checkTargets({...base, toolLoop: toolLoopResults(1.15), toolArguments: toolArgumentsResults(1.6)});
    expect(missed.map(check => check.isMet)).toEqual([false, false]);
    const noisy = checkTargets({
      ...base,
      toolLoop: toolLoopResults(1.05, 0.2),
      toolArguments: toolArgumentsResults(1.3, 0.2),
    });
    expect(noisy.map(check => check.inconclusive !== undefined)).toEqual([true, true]);
  });

  it('checks traced against bare CPU per chunk (not content capture), and the replay with the OTLP exporter', () => {
    const checks = checkTargets({...base, telemetry: telemetryResults(1.04, 0, 2_500)});
    expect(checks.map(check => [check.target, check.measured, check.isMet, check.inconclusive])).toEqual([
      [
        'telemetry: llm-rx CPU/chunk with traceLlm() (OpenTelemetry SDK, batch processor) ≤ 1.05× without',
        '1.04×',
        true,
        undefined,
      ],
      [
        'telemetry: replayLlmCalls() ≥ 2,000 log rows/s (OTLP/HTTP JSON exporter, loopback)',
        '2,500 rows/s',
        true,
        undefined,
      ],
    ]);
    const missed = checkTargets({...base, telemetry: telemetryResults(1.06, 0, 1_999)});
    expect(missed.map(check => check.isMet)).toEqual([false, false]);
    const noisy = checkTargets({...base, telemetry: telemetryResults(1.04, 0.2)});
    expect(noisy[0]?.inconclusive).toMatch(/rounds disagree/);
    expect(checkTargets({...base, telemetry: {}})).toEqual([]);
  });
});

describe('describeResult', () => {
  it('says met, missed, inconclusive with the way the median leans, or not measured', () => {
    const check = {target: 't', measured: 'm'};
    expect(describeResult({...check, isMet: true})).toBe('✅ met');
    expect(describeResult({...check, isMet: false})).toBe('❌ missed');
    expect(describeResult({...check, isMet: false, inconclusive: 'rounds disagree'})).toBe(
      '⚠️ inconclusive (rounds disagree; median misses it)',
    );
    expect(describeResult({...check, isMet: undefined})).toBe('not measured');
  });
});

describe('checkTargets for preload and markdown', () => {
  const mode = (firstToSecond: number) => ({
    firstMs: summary(10),
    secondMs: summary(10),
    firstToSecond: summary(firstToSecond),
    preloadMs: summary(5),
  });
  const frameTimes = (smallP95: number, largeP95: number) => [
    {around: 4_000, from: 2_000, to: 6_000, frames: 10, p50: 1, p95: smallP95},
    {around: 40_000, from: 30_000, to: 50_000, frames: 10, p50: 1, p95: 1},
    {around: 400_000, from: 340_000, to: Number.POSITIVE_INFINITY, frames: 10, p50: 1, p95: largeP95},
  ];
  const markdown = (longTasks: number, largeP95: number, markedSeconds: number): BenchResults['markdown'] => ({
    bytes: 400_000,
    chunkSize: 10,
    chunksPerSecond: 2_000,
    baselineMainThreadSeconds: 1,
    baselineLongTasks: 0,
    rows: [
      {
        renderer: 'llm-rx',
        frameTimes: frameTimes(4, largeP95),
        longTasks,
        maxLongTaskMs: 60,
        renderSeconds: 1,
        replaySeconds: 1,
      },
      // Its live render time is capped by the stream's duration: the target reads the same updates' time.
      {renderer: 'marked', renderSeconds: 1, replaySeconds: markedSeconds},
      {renderer: 'ngx-markdown', error: 'could not bootstrap'},
    ],
  });

  it('meets the preload target at 1.2× and misses it above', () => {
    const check = (ratio: number) =>
      checkTargets({...base, preload: {rounds: 1, scenario: '', cold: mode(3), preloaded: mode(ratio)}})[0];
    expect(check(1.2)?.isMet).toBeTrue();
    expect(check(1.21)?.isMet).toBeFalse();
    expect(check(1.2)?.measured).toBe('1.20× (without: 3.00×)');
  });

  it('checks long tasks, frame growth and the speed-up over whole-text marked', () => {
    const met = checkTargets({...base, markdown: markdown(0, 8, 10)});
    expect(met.map(check => check.isMet)).toEqual([true, true, true]);
    const missed = checkTargets({...base, markdown: markdown(1, 8.1, 9.9)});
    expect(missed.map(check => check.isMet)).toEqual([false, false, false]);
    expect(missed[1]?.measured).toBe('8.1 ms vs 4.0 ms (2.02×)');
  });

  it('does not measure what a renderer that could not run would have decided', () => {
    const results = markdown(0, 8, 10);
    const withoutLlmRx = {...results!, rows: results!.rows.filter(row => row.renderer !== 'llm-rx')};
    expect(checkTargets({...base, markdown: withoutLlmRx}).map(check => check.isMet)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
