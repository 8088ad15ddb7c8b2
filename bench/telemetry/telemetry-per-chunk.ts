import {GEN_AI, GEN_AI_METRIC} from 'llm-rx/telemetry';
import type {Llm} from 'llm-rx';
import {assertConsumersAgree, type BenchProtocol, type ConsumerTarget, type StreamResult} from '../consumers/consumer';
import {createBenchLlm, streamThrough} from '../consumers/llm-rx-consumers';
import {clearMockLog} from '../lib/mock-server-process';
import {interleavedRounds, measureRun, type RoundsConfig} from '../lib/measure';
import {pairedRatios, type SampleSummary, summarize} from '../lib/stats';
import {type BenchTelemetrySdk, CountingSpanExporter, createBenchTelemetrySdk} from './telemetry-sdk';

/** The protocol the telemetry bench streams (the per-chunk section's first). */
export const TELEMETRY_PROTOCOL: BenchProtocol = 'openai-chat';

/** How a model runs: bare, traced, or traced with prompts and answers on the spans. */
export type TelemetryMode = 'off' | 'on' | 'on, captureContent';

/** What the telemetry per-chunk bench streams. */
export interface TelemetryPerChunkConfig extends RoundsConfig {
  readonly target: ConsumerTarget;
  /** Text chunks per answer. */
  readonly chunks: number;
}

/** One mode's per-chunk cost. */
export interface TelemetryPerChunkRow {
  readonly mode: TelemetryMode;
  /** CPU microseconds per chunk. */
  readonly cpuMicrosPerChunk: SampleSummary;
  /** Wall microseconds per chunk. */
  readonly wallMicrosPerChunk: SampleSummary;
  /** CPU over the bare model's, round by round. */
  readonly cpuRatioToOff: SampleSummary;
}

interface TelemetryContender {
  readonly mode: TelemetryMode;
  readonly llm: Llm;
  readonly sdk?: BenchTelemetrySdk;
  readonly exporter?: CountingSpanExporter;
}

/** Spans a traced call without retries or a cascade makes: the call's and its one attempt's. */
const SPANS_PER_CALL = 2;

/**
 * The telemetry per-chunk bench: the same llm-rx model (the adapter over the real SDK, on the mock server) bare,
 * through `createLlmTelemetry({tracer, meter}).traceLlm(llm)` over the real OpenTelemetry SDK
 * (`BasicTracerProvider`, `BatchSpanProcessor`, an exporter that counts and drops; a `MeterProvider`), and the same
 * with `captureContent`, in interleaved rounds; each traced run includes the flush of its spans. Every round checks
 * that the three saw the same text and usage, and every traced run that it exported its two spans (with the
 * answer on the call's span when content is captured); at the end, the meter must have one duration per traced run.
 * @param config The mock server, chunks and rounds.
 * @param log Progress messages.
 * @returns One row per mode, `off` first.
 * @throws Error when the modes disagree or a span or measurement is missing.
 */
export async function benchTelemetryPerChunk(
  config: TelemetryPerChunkConfig,
  log: (message: string) => void,
): Promise<TelemetryPerChunkRow[]> {
  const llm = await createBenchLlm(TELEMETRY_PROTOCOL, config.target.baseUrl);
  const traced = (mode: TelemetryMode, captureContent: boolean): TelemetryContender => {
    const exporter = new CountingSpanExporter();
    const sdk = createBenchTelemetrySdk(exporter, {captureContent});
    return {mode, llm: sdk.telemetry.traceLlm(llm), sdk, exporter};
  };
  const contenders: TelemetryContender[] = [
    {mode: 'off', llm},
    traced('on', false),
    traced('on, captureContent', true),
  ];
  log(
    `telemetry per-chunk ${TELEMETRY_PROTOCOL}: ${contenders.map(contender => contender.mode).join(', ')}; ` +
      `${config.chunks} chunks, ${config.warmups} warm-up and ${config.rounds} measured rounds`,
  );
  const scenario = `chunks=${config.chunks};tag=bench-telemetry`;
  const round: {label: string; result: StreamResult}[] = [];
  try {
    const samples = await interleavedRounds(contenders, config, async contender => {
      const before = contender.exporter?.count ?? 0;
      const cost = await measureRun(async () => {
        const result = await streamThrough(contender.llm, scenario);
        await contender.sdk?.flush();
        return result;
      });
      if (contender.exporter) assertSpansExported(contender, contender.exporter.count - before);
      round[contenders.indexOf(contender)] = {label: `llm-rx, telemetry ${contender.mode}`, result: cost.result};
      if (round.filter(Boolean).length === contenders.length) {
        assertConsumersAgree(round, config.chunks);
        round.length = 0;
        await clearMockLog(config.target.baseUrl);
      }
      return {cpu: cost.cpuMicros / config.chunks, wall: (cost.wallMs * 1000) / config.chunks};
    });
    for (const contender of contenders) {
      const recorded = (await contender.sdk?.histogramCount(GEN_AI_METRIC.operationDuration)) ?? 0;
      const expected = contender.sdk ? config.warmups + config.rounds : 0;
      if (recorded !== expected) {
        throw new Error(
          `bench: telemetry ${contender.mode}: ${recorded} call durations recorded, expected ${expected}`,
        );
      }
    }
    const cpuOf = (index: number) => (samples[index] ?? []).map(sample => sample.cpu);
    return contenders.map((contender, index) => ({
      mode: contender.mode,
      cpuMicrosPerChunk: summarize(cpuOf(index)),
      wallMicrosPerChunk: summarize((samples[index] ?? []).map(sample => sample.wall)),
      cpuRatioToOff: summarize(pairedRatios(cpuOf(index), cpuOf(0))),
    }));
  } finally {
    await Promise.all(contenders.map(contender => contender.sdk?.shutdown()));
  }
}

function assertSpansExported({mode, exporter}: TelemetryContender, exported: number): void {
  const problems: string[] = [];
  if (exported !== SPANS_PER_CALL) problems.push(`${exported} spans exported, expected ${SPANS_PER_CALL}`);
  const callSpan = exporter?.lastBatch.find(span => span.name.startsWith('chat '));
  const hasAnswer = callSpan?.attributes[GEN_AI.outputMessages] !== undefined;
  if (hasAnswer !== (mode === 'on, captureContent')) {
    problems.push(hasAnswer ? 'the answer is on the call span' : 'the answer is not on the call span');
  }
  if (problems.length) throw new Error(`bench: telemetry ${mode}: ${problems.join('; ')}`);
}
