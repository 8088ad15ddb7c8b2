import {formatNumber, markdownTable, medianWithIqr, range, ratio} from '../report-format';
import type {BenchResults} from '../results';
import {
  describeResult,
  MAX_TELEMETRY_CPU_RATIO,
  MIN_REPLAY_ROWS_PER_SECOND,
  telemetryPerChunkCheck,
  telemetryReplayCheck,
} from '../targets';
import type {TelemetryPerCallResult} from './telemetry-per-call';
import type {TelemetryPerChunkRow} from './telemetry-per-chunk';
import {TELEMETRY_PROTOCOL} from './telemetry-per-chunk';
import {REPLAY_FAILOVER_EVERY, type TelemetryReplayResults} from './telemetry-replay';

/**
 * Renders the telemetry section of `BENCHMARKS.md`: llm-rx's CPU per chunk with `traceLlm()` on against off, and
 * the replay's throughput per exporter.
 * @param results The run.
 * @returns The Markdown, or `''` when the section did not run.
 */
export function renderTelemetrySection(results: BenchResults): string {
  const {telemetry, machine, settings} = results;
  if (!telemetry?.perChunk && !telemetry?.perCall && !telemetry?.replay) return '';
  const perChunkCheck = telemetryPerChunkCheck(results);
  const replayCheck = telemetryReplayCheck(results);
  const parts = [
    `## 12. Telemetry: llm-rx/telemetry over the OpenTelemetry SDK (Node)

Run with \`npm run bench -- --only=telemetry\` (\`--smoke --only=telemetry\` checks the harness in seconds). Both parts use
the real SDK as an app sets it up: a \`BasicTracerProvider\` with a \`BatchSpanProcessor\` (its defaults) and a
\`MeterProvider\`, passed to \`createLlmTelemetry({tracer, meter})\`. No global context manager is registered (the API's
default, as with \`BasicTracerProvider\`). Machine: ${machine.cpuModel}, ${machine.cores} cores, load average
${formatNumber(machine.loadAverage, 2)} at the start of the run; absolute times move with it, the ratios come from the same rounds.`,
  ];
  if (telemetry.perChunk) {
    const cell = perChunkCheck ? `≤ ${MAX_TELEMETRY_CPU_RATIO.toFixed(2)}× off: ${describeResult(perChunkCheck)}` : '';
    parts.push(perChunkTable(telemetry.perChunk, cell, settings));
  }
  if (telemetry.perCall) parts.push(perCallTable(telemetry.perCall));
  if (telemetry.replay) {
    const cell = replayCheck
      ? `≥ ${MIN_REPLAY_ROWS_PER_SECOND.toLocaleString('en-US')} rows/s: ${describeResult(replayCheck)}`
      : '';
    parts.push(replayTable(telemetry.replay, cell, settings));
  }
  return parts.join('\n\n');
}

function perCallTable(result: TelemetryPerCallResult): string {
  return `### Per call, without a network

What \`traceLlm()\` adds to one call when nothing else happens in it: a \`MockLlm\` (in memory: three text chunks and its
usage part) bare and traced (a call span, an attempt span, four metric records, the batch processor flushed once per
sample), ${result.calls.toLocaleString('en-US')} calls per sample, interleaved; CPU per call. A real call adds its HTTP request and
its SDK's parsing to both.

${markdownTable(
  ['Telemetry', 'CPU µs per call, median (IQR)'],
  [
    ['off', medianWithIqr(result.offMicrosPerCall, 1)],
    ['on', medianWithIqr(result.onMicrosPerCall, 1)],
    ['added by telemetry', medianWithIqr(result.addedMicrosPerCall, 1)],
  ],
)}`;
}

function perChunkTable(
  rows: readonly TelemetryPerChunkRow[],
  target: string,
  settings: BenchResults['settings'],
): string {
  return `### Per chunk, telemetry on against off

One llm-rx model (\`createOpenAiLlm()\`, ${TELEMETRY_PROTOCOL}, the adapter's defaults) streams ${settings.chunks.toLocaleString('en-US')} text chunks from the mock server,
**off**: bare; **on**: \`telemetry.traceLlm(llm)\`, one call span, one attempt span and the GenAI client metrics per call, the
spans to an exporter that counts and drops them; **on, captureContent**: the same with \`captureContent: true\` (the prompt
and the whole answer on the call span; no target). Each traced run includes \`forceFlush()\` of its spans. CPU is this
process's \`process.cpuUsage()\` over the whole call, after a full GC, as in section 1; ${settings.warmups} warm-up and
${settings.rounds} measured rounds, the three interleaved; ratios round by round, then the median. Every round checks the same text
and usage in all three, two spans exported per traced call (the answer on the call span only with content), and one
duration measurement per traced call.

${markdownTable(
  [
    'Telemetry',
    'CPU µs/chunk, median (IQR)',
    'CPU min–max',
    'Wall µs/chunk, median (IQR)',
    'CPU × off, median (min–max)',
    'Target',
  ],
  rows.map(row => [
    row.mode,
    medianWithIqr(row.cpuMicrosPerChunk, 2),
    range(row.cpuMicrosPerChunk, 2),
    medianWithIqr(row.wallMicrosPerChunk, 2),
    row.mode === 'off' ? '1.00×' : ratio(row.cpuRatioToOff),
    row.mode === 'on' ? target : '',
  ]),
)}`;
}

function replayTable(replay: TelemetryReplayResults, target: string, settings: BenchResults['settings']): string {
  const count = (value: number) => Math.round(value).toLocaleString('en-US');
  const perSecond = (summary: TelemetryReplayResults['exporters'][number]['rowsPerSecond']) =>
    `${count(summary.median)} (${count(summary.q1)}–${count(summary.q3)})`;
  return `### Replay of the call log

\`replayLlmCalls(telemetry, source, {batchSize: ${replay.batchSize}, flush: () => tracerProvider.forceFlush()})\` over an in-memory
\`LlmCallReplaySource\` (\`projects/llm-rx/spec-support/src/in-memory-replay-source.ts\`, so that no database is measured) of
${replay.rows.toLocaleString('en-US')} rows: ${replay.calls.toLocaleString('en-US')} calls a second apart, every ${REPLAY_FAILOVER_EVERY}th with a failed first attempt, so ${replay.spans.toLocaleString('en-US')} spans
per replay (one per call, one per row). **counting exporter**: the spans are counted and dropped (the SDK's ceiling);
**OTLP/HTTP JSON, loopback**: \`OTLPTraceExporter\` from \`@opentelemetry/exporter-trace-otlp-http\` to a receiver in this
process that reads each request and counts its spans (its CPU counts here too). Rows/s is rows over the wall time of
the whole replay, its flushes included; ${settings.warmups} warm-up and ${settings.telemetry.replayRounds} measured rounds per exporter, interleaved. Every
replay is checked: done, every call replayed, every span received.

${markdownTable(
  ['Exporter', 'Rows/s, median (IQR)', 'Spans/s, median (IQR)', 'CPU µs/row, median (IQR)', 'Target'],
  replay.exporters.map(row => [
    row.exporter,
    perSecond(row.rowsPerSecond),
    perSecond(row.spansPerSecond),
    medianWithIqr(row.cpuMicrosPerRow, 1),
    row.exporter === 'OTLP/HTTP JSON, loopback' ? target : '',
  ]),
)}`;
}
