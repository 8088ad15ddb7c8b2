import {OTLPTraceExporter} from '@opentelemetry/exporter-trace-otlp-http';
import {replayLlmCalls, type LlmReplayProgress} from 'llm-rx/telemetry';
import {lastValueFrom} from 'rxjs';
import {interleavedRounds, measureRun, type RoundsConfig} from '../lib/measure';
import {type SampleSummary, summarize} from '../lib/stats';
import {benchCallLog, InMemoryReplaySource} from './in-memory-replay-source';
import {startOtlpCountingServer} from './otlp-counting-server';
import {type BenchTelemetrySdk, CountingSpanExporter, createBenchTelemetrySdk} from './telemetry-sdk';

/** The page size the replay bench reads the log in (the replay's default). */
export const REPLAY_BATCH_SIZE = 500;
/** Every this many calls of the bench log, one failed over to a second attempt. */
export const REPLAY_FAILOVER_EVERY = 10;

/** Where the replayed spans go. */
export type ReplayExporterKind = 'counting exporter' | 'OTLP/HTTP JSON, loopback';

/** What the replay bench runs. */
export interface TelemetryReplayConfig extends RoundsConfig {
  /** Rows (attempts) of the log replayed in each run. */
  readonly rows: number;
}

/** One exporter's replay throughput. */
export interface TelemetryReplayRow {
  readonly exporter: ReplayExporterKind;
  /** Log rows replayed per wall second, the flushes included. */
  readonly rowsPerSecond: SampleSummary;
  /** Spans exported per wall second. */
  readonly spansPerSecond: SampleSummary;
  /** This process's CPU microseconds per row (for the loopback exporter, the receiver's counting included). */
  readonly cpuMicrosPerRow: SampleSummary;
}

/** The replay bench's results. */
export interface TelemetryReplayResults {
  readonly rows: number;
  readonly calls: number;
  /** Spans of one whole replay: one per call and one per row. */
  readonly spans: number;
  readonly batchSize: number;
  readonly exporters: readonly TelemetryReplayRow[];
}

interface ReplayContender {
  readonly exporter: ReplayExporterKind;
  readonly sdk: BenchTelemetrySdk;
  /** Spans the exporter has delivered so far. */
  exported(): number;
}

/**
 * The replay bench: `replayLlmCalls(telemetry, source, {batchSize: 500, flush})` over an in-memory log of
 * `rows` rows, into the real SDK (`BatchSpanProcessor`), once to an exporter that counts and drops, once with the
 * OTLP/HTTP JSON exporter to a loopback receiver that counts, interleaved. Every run is checked: every call
 * replayed, every span delivered.
 * @param config The log's size and the rounds.
 * @param log Progress messages.
 * @returns The throughput per exporter.
 * @throws Error when a replay did not send every call, or spans were lost.
 */
export async function benchTelemetryReplay(
  config: TelemetryReplayConfig,
  log: (message: string) => void,
): Promise<TelemetryReplayResults> {
  const calls = benchCallLog({rows: config.rows, failoverEvery: REPLAY_FAILOVER_EVERY});
  const spans = calls.length + config.rows;
  const receiver = await startOtlpCountingServer();
  const counting = new CountingSpanExporter();
  const contenders: ReplayContender[] = [
    {exporter: 'counting exporter', sdk: createBenchTelemetrySdk(counting), exported: () => counting.count},
    {
      exporter: 'OTLP/HTTP JSON, loopback',
      sdk: createBenchTelemetrySdk(new OTLPTraceExporter({url: receiver.tracesUrl})),
      exported: () => receiver.spans,
    },
  ];
  log(
    `telemetry replay: ${config.rows.toLocaleString('en-US')} rows (${calls.length.toLocaleString('en-US')} calls), ` +
      `${config.warmups} warm-up and ${config.rounds} measured rounds`,
  );
  try {
    const samples = await interleavedRounds(contenders, config, async contender => {
      const source = new InMemoryReplaySource(calls);
      const before = contender.exported();
      const {sdk} = contender;
      const cost = await measureRun(async () => {
        const progress = await lastValueFrom(
          replayLlmCalls(sdk.telemetry, source, {batchSize: REPLAY_BATCH_SIZE, flush: () => sdk.flush()}),
        );
        await sdk.flush();
        return progress;
      }, 30);
      assertReplayed(contender.exporter, cost.result, calls.length, contender.exported() - before, spans);
      const seconds = cost.wallMs / 1000;
      return {rowsPerSecond: config.rows / seconds, spansPerSecond: spans / seconds, cpu: cost.cpuMicros / config.rows};
    });
    const exporters = contenders.map((contender, index): TelemetryReplayRow => ({
      exporter: contender.exporter,
      rowsPerSecond: summarize((samples[index] ?? []).map(sample => sample.rowsPerSecond)),
      spansPerSecond: summarize((samples[index] ?? []).map(sample => sample.spansPerSecond)),
      cpuMicrosPerRow: summarize((samples[index] ?? []).map(sample => sample.cpu)),
    }));
    return {rows: config.rows, calls: calls.length, spans, batchSize: REPLAY_BATCH_SIZE, exporters};
  } finally {
    await Promise.all(contenders.map(contender => contender.sdk.shutdown()));
    await receiver.close();
  }
}

/**
 * Checks one replay run: it ended done with every call replayed, and the exporter got every span.
 * @param exporter The exporter's name, for the message.
 * @param progress The replay's last progress.
 * @param calls The log's calls.
 * @param exported Spans the exporter got during the run.
 * @param spans Spans expected (a call's and each of its rows').
 * @throws Error saying what was missing.
 */
export function assertReplayed(
  exporter: string,
  progress: LlmReplayProgress,
  calls: number,
  exported: number,
  spans: number,
): void {
  const problems: string[] = [];
  if (!progress.done || progress.replayed !== calls) {
    problems.push(`replayed ${progress.replayed} of ${calls} calls${progress.done ? '' : ', not done'}`);
  }
  if (exported !== spans) problems.push(`${exported} spans exported, expected ${spans}`);
  if (problems.length) throw new Error(`bench: telemetry replay to the ${exporter}: ${problems.join('; ')}`);
}
