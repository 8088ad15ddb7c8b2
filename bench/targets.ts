import type {SampleSummary} from './lib/stats';
import type {ObjectAnswerKind} from './object/object-stream';
import {formatNumber} from './report-format';
import type {BenchResults} from './results';

/** One target of the issue, checked against one run. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** Whether it is met; `undefined` when it was not measured. */
  readonly isMet: boolean | undefined;
  /** Why the measurement cannot decide the target (rounds that disagree too much), if so. */
  readonly inconclusive?: string;
}

/**
 * A check's result as the report shows it: met, missed, inconclusive (with why, and which way the median leans) or
 * not measured.
 * @param check The check.
 * @returns The text.
 */
export function describeResult(check: TargetCheck): string {
  if (check.isMet === undefined) return 'not measured';
  if (check.inconclusive)
    return `⚠️ inconclusive (${check.inconclusive}; median ${check.isMet ? 'meets' : 'misses'} it)`;
  return check.isMet ? '✅ met' : '❌ missed';
}

/**
 * The widest interquartile range of round-by-round ratios, relative to their median, that still decides a
 * ratio target; wider means the rounds disagree (machine noise, or a bimodal consumer).
 */
export const MAX_RELATIVE_RATIO_IQR = 0.25;

function spreadOf(summary: SampleSummary): string | undefined {
  const relativeIqr = (summary.q3 - summary.q1) / summary.median;
  return relativeIqr > MAX_RELATIVE_RATIO_IQR
    ? `rounds disagree: ratio IQR ${formatNumber(summary.q1, 2)}–${formatNumber(summary.q3, 2)}`
    : undefined;
}

/** llm-rx CPU per chunk over the raw SDK's, at most. */
export const MAX_CPU_RATIO_TO_RAW = 1.1;
/** Vercel AI SDK CPU per chunk over llm-rx's, at least. */
export const MIN_VERCEL_RATIO = 5;
/** LangChain.js CPU per chunk over llm-rx's, at least. */
export const MIN_LANGCHAIN_RATIO = 3;
/** Warm time-to-first-chunk overhead, milliseconds, less than. */
export const MAX_TTFC_OVERHEAD_MS = 1;
/** What a cascade may add beyond the failed attempt and the fallback (it has no backoff): timer noise. */
export const MAX_CASCADE_OVERHEAD_MS = 1;
/** Heap after cancel cycles over the baseline, at most. */
export const MAX_HEAP_GROWTH = 0.05;
/** llm-rx `streamObject()` CPU per chunk over its text stream of the same bytes, at most. */
export const MAX_OBJECT_RATIO_TO_TEXT = 1.5;
/** That ratio at the 20,000-chunk answer over the ratio at a 2,000-chunk one, at most (a linear parser). */
export const MAX_OBJECT_LINEARITY = 1.3;
/** llm-rx `runTools()` CPU per 5-step loop over the raw SDK's five calls made one after another, at most. */
export const MAX_TOOL_LOOP_RATIO_TO_RAW = 1.1;
/** llm-rx CPU per tool-argument chunk over its CPU per text chunk of the same answer, at most. */
export const MAX_TOOL_ARGUMENTS_RATIO_TO_TEXT = 1.5;

/** llm-rx CPU per chunk with `llm-rx/telemetry` tracing the model (real SDK, batch processor) over without, at most. */
export const MAX_TELEMETRY_CPU_RATIO = 1.05;
/** `replayLlmCalls()` log rows per second into the real SDK and the OTLP/HTTP JSON exporter (loopback), at least. */
export const MIN_REPLAY_ROWS_PER_SECOND = 2_000;

/** With the SDK preloaded, the first call's time to first chunk over the second's, at most. */
export const MAX_PRELOADED_FIRST_TO_SECOND = 1.2;
/** Long tasks (over 50 ms) the streaming markdown renderer may cause over the whole answer. */
export const MAX_MARKDOWN_LONG_TASKS = 0;
/** The streaming renderer's p95 per frame at the whole answer over its p95 at 1% of it, at most. */
export const MAX_MARKDOWN_FRAME_GROWTH = 2;
/** Whole-text `marked` + `innerHTML` render time over the streaming renderer's, whole answer, at least. */
export const MIN_MARKDOWN_SPEEDUP = 10;

/**
 * Checks the targets against one run's results, each as a ratio or difference within that run.
 * @param results The run.
 * @returns One check per target and protocol measured.
 */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const row of results.perChunk ?? []) {
    const median = row.cpuRatioToRaw.median;
    if (row.library === 'llm-rx') {
      checks.push({
        target: `${row.protocol}: llm-rx CPU/chunk ≤ ${MAX_CPU_RATIO_TO_RAW}× raw SDK (Node)`,
        measured: `${formatNumber(median, 2)}×`,
        isMet: median <= MAX_CPU_RATIO_TO_RAW,
        inconclusive: spreadOf(row.cpuRatioToRaw),
      });
    }
    const minimum =
      row.library === 'Vercel AI SDK'
        ? MIN_VERCEL_RATIO
        : row.library === 'LangChain.js'
          ? MIN_LANGCHAIN_RATIO
          : undefined;
    if (minimum !== undefined) {
      checks.push({
        target: `${row.protocol}: ${row.library} CPU/chunk ≥ ${minimum}× llm-rx`,
        measured: `${formatNumber(row.cpuRatioToLlmRx.median, 2)}×`,
        isMet: row.cpuRatioToLlmRx.median >= minimum,
        inconclusive: spreadOf(row.cpuRatioToLlmRx),
      });
    }
  }
  checks.push(
    ...objectChecks(results),
    ...toolsChecks(results),
    ...telemetryChecks(results),
    ...preloadChecks(results),
    ...markdownChecks(results),
  );
  const browserRatio = results.browser?.perChunk?.taskRatio;
  if (browserRatio !== undefined) {
    checks.push({
      target: `openai-chat: llm-rx main-thread time/chunk ≤ ${MAX_CPU_RATIO_TO_RAW}× raw SDK (Chromium)`,
      measured: `${formatNumber(browserRatio.median, 2)}×`,
      isMet: browserRatio.median <= MAX_CPU_RATIO_TO_RAW,
      inconclusive: spreadOf(browserRatio),
    });
  }
  for (const row of results.ttfc ?? []) {
    checks.push({
      target: `${row.protocol}: warm time-to-first-chunk overhead < ${MAX_TTFC_OVERHEAD_MS} ms`,
      measured: `${formatNumber(row.overheadMs.median, 2)} ms`,
      isMet: row.overheadMs.median < MAX_TTFC_OVERHEAD_MS,
    });
  }
  if (results.cascade) {
    const overhead = results.cascade.overheadMs.median;
    checks.push({
      target: `cascade: failover adds ≤ the failed attempt's own time (no backoff; ${MAX_CASCADE_OVERHEAD_MS} ms noise allowed)`,
      measured: `${formatNumber(overhead, 2)} ms beyond failed + fallback`,
      isMet: overhead <= MAX_CASCADE_OVERHEAD_MS,
    });
  }
  const render = results.browser?.render?.filter(row => row.binding === 'llm-rx') ?? [];
  if (render.length) {
    const worst = Math.max(...render.map(row => row.maxUpdatesPerFrame));
    checks.push({
      target: 'render: ≤ 1 view update per frame (llm-rx binding, all rates)',
      measured: `max ${worst} per frame`,
      isMet: worst <= 1,
    });
  }
  const demo = results.demoBundle;
  if (demo) {
    checks.push(
      'error' in demo
        ? {target: 'bundle: no SDK in the demo’s initial bundle', measured: demo.error, isMet: undefined}
        : {
            target: 'bundle: no SDK in the demo’s initial bundle',
            measured: demo.sdksInInitial.length ? `found: ${demo.sdksInInitial.join(', ')}` : 'none found',
            isMet: demo.sdksInInitial.length === 0,
          },
    );
  }
  if (results.cancelMemory) {
    const growth = results.cancelMemory.afterHeap / results.cancelMemory.baselineHeap - 1;
    checks.push({
      target: `memory: heap within ${MAX_HEAP_GROWTH * 100}% of baseline after ${results.cancelMemory.cycles} cancel cycles`,
      measured: `${growth >= 0 ? '+' : ''}${formatNumber(growth * 100, 1)}%`,
      isMet: growth <= MAX_HEAP_GROWTH,
    });
  }
  return checks;
}

function objectChecks({objectStream}: BenchResults): TargetCheck[] {
  if (!objectStream) return [];
  const checks: TargetCheck[] = [];
  const describe = (kind: ObjectAnswerKind) => {
    const answer = objectStream.answers[kind];
    return answer
      ? `${answer.chunks.toLocaleString('en-US')} chunks of ${formatNumber(answer.bytes / 1e6, 2)} MB`
      : kind;
  };
  for (const row of objectStream.rows) {
    if (row.library !== 'llm-rx' || row.mode !== 'object') continue;
    checks.push({
      target: `object: llm-rx streamObject() CPU/chunk ≤ ${MAX_OBJECT_RATIO_TO_TEXT}× its text stream (${describe(row.kind)})`,
      measured: `${formatNumber(row.cpuRatioToText.median, 2)}×`,
      isMet: row.cpuRatioToText.median <= MAX_OBJECT_RATIO_TO_TEXT,
      inconclusive: spreadOf(row.cpuRatioToText),
    });
  }
  for (const linearity of objectStream.linearity) {
    if (linearity.library !== 'llm-rx') continue;
    checks.push({
      target:
        `object: llm-rx ratio at ${describe(linearity.to)} ÷ ratio at ${describe(linearity.from)} ` +
        `≤ ${MAX_OBJECT_LINEARITY} (linear)`,
      measured: `${formatNumber(linearity.ratio.median, 2)}×`,
      isMet: linearity.ratio.median <= MAX_OBJECT_LINEARITY,
      inconclusive: spreadOf(linearity.ratio),
    });
  }
  return checks;
}

function toolsChecks(results: BenchResults): TargetCheck[] {
  return [toolLoopCheck(results), toolArgumentsCheck(results)].filter(check => check !== undefined);
}

/**
 * The tool loop's target: llm-rx's `runTools()` against the raw SDK's five calls, CPU round by round.
 * @param results The run.
 * @returns The check, or `undefined` when the loop did not run.
 */
export function toolLoopCheck({toolLoop}: BenchResults): TargetCheck | undefined {
  const row = toolLoop?.rows.find(candidate => candidate.library === 'llm-rx');
  if (!row) return undefined;
  return {
    target: `tools: llm-rx runTools() CPU per 5-step loop ≤ ${MAX_TOOL_LOOP_RATIO_TO_RAW}× the raw SDK's 5 calls`,
    measured: `${formatNumber(row.cpuRatioToRaw.median, 2)}×`,
    isMet: row.cpuRatioToRaw.median <= MAX_TOOL_LOOP_RATIO_TO_RAW,
    inconclusive: spreadOf(row.cpuRatioToRaw),
  };
}

/**
 * The argument-streaming target: llm-rx's CPU per tool-argument chunk against its CPU per text chunk of the same
 * answer, round by round.
 * @param results The run.
 * @returns The check, or `undefined` when the argument streaming did not run.
 */
export function toolArgumentsCheck({toolArguments}: BenchResults): TargetCheck | undefined {
  const row = toolArguments?.rows.find(
    candidate => candidate.library === 'llm-rx' && candidate.mode === 'tool-arguments',
  );
  if (!toolArguments || !row) return undefined;
  const {answer} = toolArguments;
  return {
    target:
      `tools: llm-rx CPU/tool-argument chunk ≤ ${MAX_TOOL_ARGUMENTS_RATIO_TO_TEXT}× its text chunk ` +
      `(${answer.chunks.toLocaleString('en-US')} chunks of ${formatNumber(answer.bytes / 1000, 0)} kB)`,
    measured: `${formatNumber(row.cpuRatioToText.median, 2)}×`,
    isMet: row.cpuRatioToText.median <= MAX_TOOL_ARGUMENTS_RATIO_TO_TEXT,
    inconclusive: spreadOf(row.cpuRatioToText),
  };
}

function telemetryChecks(results: BenchResults): TargetCheck[] {
  return [telemetryPerChunkCheck(results), telemetryReplayCheck(results)].filter(check => check !== undefined);
}

/**
 * The telemetry per-chunk target: llm-rx's CPU per chunk with `traceLlm()` over the bare model's, round by round
 * (content capture has no target).
 * @param results The run.
 * @returns The check, or `undefined` when the part did not run.
 */
export function telemetryPerChunkCheck({telemetry}: BenchResults): TargetCheck | undefined {
  const traced = telemetry?.perChunk?.find(row => row.mode === 'on');
  if (!traced) return undefined;
  return {
    target: `telemetry: llm-rx CPU/chunk with traceLlm() (OpenTelemetry SDK, batch processor) ≤ ${MAX_TELEMETRY_CPU_RATIO}× without`,
    measured: `${formatNumber(traced.cpuRatioToOff.median, 2)}×`,
    isMet: traced.cpuRatioToOff.median <= MAX_TELEMETRY_CPU_RATIO,
    inconclusive: spreadOf(traced.cpuRatioToOff),
  };
}

/**
 * The replay target: `replayLlmCalls()` log rows per second with the OTLP/HTTP JSON exporter.
 * @param results The run.
 * @returns The check, or `undefined` when the replay did not run.
 */
export function telemetryReplayCheck({telemetry}: BenchResults): TargetCheck | undefined {
  const otlp = telemetry?.replay?.exporters.find(row => row.exporter === 'OTLP/HTTP JSON, loopback');
  if (!otlp) return undefined;
  return {
    target: `telemetry: replayLlmCalls() ≥ ${MIN_REPLAY_ROWS_PER_SECOND.toLocaleString('en-US')} log rows/s (OTLP/HTTP JSON exporter, loopback)`,
    measured: `${Math.round(otlp.rowsPerSecond.median).toLocaleString('en-US')} rows/s`,
    isMet: otlp.rowsPerSecond.median >= MIN_REPLAY_ROWS_PER_SECOND,
  };
}

/**
 * The preload target: with `preloadLlm()` before it, the first call's time to first chunk within 20% of the
 * second's, round by round.
 * @param results The run.
 * @returns The check, if the preload bench ran.
 */
export function preloadChecks({preload}: BenchResults): TargetCheck[] {
  if (!preload) return [];
  const ratio = preload.preloaded.firstToSecond;
  return [
    {
      target: `preload: with preloadLlm(), first call's time to first chunk ≤ ${MAX_PRELOADED_FIRST_TO_SECOND}× the second's (Chromium)`,
      measured: `${formatNumber(ratio.median, 2)}× (without: ${formatNumber(preload.cold.firstToSecond.median, 2)}×)`,
      isMet: ratio.median <= MAX_PRELOADED_FIRST_TO_SECOND,
      inconclusive: spreadOf(ratio),
    },
  ];
}

/**
 * The markdown targets, for the streaming renderer (llm-rx) against whole-text marked: no long task, p95 per frame
 * at the whole answer within 2× its p95 at 1% of it, and 10× less main-thread time over the whole answer: the time
 * of the same updates (the live run's, replayed), since in the live stream whole-text marked falls behind, skips
 * frames and so cannot spend more than the stream's duration.
 * @param results The run.
 * @returns The checks, if the markdown bench ran; not measured when a renderer could not run.
 */
export function markdownChecks({markdown}: BenchResults): TargetCheck[] {
  if (!markdown) return [];
  const streaming = markdown.rows.find(row => row.renderer === 'llm-rx');
  const whole = markdown.rows.find(row => row.renderer === 'marked');
  const kB = (bytes: number) => `${formatNumber(bytes / 1000, 0)} kB`;
  const [small, , large] = streaming?.frameTimes ?? [];
  const speedup =
    streaming?.replaySeconds && whole?.replaySeconds ? whole.replaySeconds / streaming.replaySeconds : undefined;
  return [
    {
      target: `markdown: no long task over 50 ms (llm-rx StreamingMarkdown, ${kB(markdown.bytes)} answer)`,
      measured:
        streaming?.longTasks === undefined
          ? 'not run'
          : `${streaming.longTasks} (longest ${formatNumber(streaming.maxLongTaskMs, 0)} ms)`,
      isMet: streaming?.longTasks === undefined ? undefined : streaming.longTasks <= MAX_MARKDOWN_LONG_TASKS,
    },
    {
      target: `markdown: llm-rx p95 per frame near ${kB(markdown.bytes)} ≤ ${MAX_MARKDOWN_FRAME_GROWTH}× its p95 near ${kB(markdown.bytes / 100)}`,
      measured:
        small && large
          ? `${formatNumber(large.p95, 1)} ms vs ${formatNumber(small.p95, 1)} ms (${formatNumber(large.p95 / small.p95, 2)}×)`
          : 'not measured',
      isMet: small && large ? large.p95 <= MAX_MARKDOWN_FRAME_GROWTH * small.p95 : undefined,
    },
    {
      target: `markdown: whole-text marked + innerHTML main-thread time ≥ ${MIN_MARKDOWN_SPEEDUP}× llm-rx's over the whole answer (the same updates)`,
      measured: speedup === undefined ? 'not measured' : `${formatNumber(speedup, 1)}×`,
      isMet: speedup === undefined ? undefined : speedup >= MIN_MARKDOWN_SPEEDUP,
    },
  ];
}
