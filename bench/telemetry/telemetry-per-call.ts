import {GEN_AI_METRIC} from 'llm-rx/telemetry';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, toArray} from 'rxjs';
import {interleavedRounds, measureRun, type RoundsConfig} from '../lib/measure';
import {type SampleSummary, summarize} from '../lib/stats';
import {CountingSpanExporter, createBenchTelemetrySdk} from './telemetry-sdk';

/** What the per-call part runs. */
export interface TelemetryPerCallConfig extends RoundsConfig {
  /** Calls per measured sample. */
  readonly calls: number;
}

/** The cost of telemetry per call, without a network: the spans' and metrics' own work. */
export interface TelemetryPerCallResult {
  readonly calls: number;
  readonly offMicrosPerCall: SampleSummary;
  readonly onMicrosPerCall: SampleSummary;
  /** On minus off, round by round. */
  readonly addedMicrosPerCall: SampleSummary;
}

/**
 * Measures what `traceLlm()` adds to one call, with nothing else in the call: a `MockLlm` (in memory, three text
 * chunks and its usage part) bare and traced (a call span, an attempt span, four metric records), many calls per
 * sample, interleaved.
 * @param config Rounds and calls per sample.
 * @param log Progress lines.
 * @returns CPU per call, off and on, and the difference.
 */
export async function benchTelemetryPerCall(
  config: TelemetryPerCallConfig,
  log: (message: string) => void,
): Promise<TelemetryPerCallResult> {
  const bare = new MockLlm({script: {chunks: ['one ', 'two ', 'three']}});
  const exporter = new CountingSpanExporter();
  const sdk = createBenchTelemetrySdk(exporter);
  const contenders = [bare, sdk.telemetry.traceLlm(bare)];
  log(`telemetry per call: MockLlm bare and traced; ${config.calls} calls per sample, ${config.rounds} rounds`);
  try {
    const samples = await interleavedRounds(contenders, config, async llm => {
      const cost = await measureRun(async () => {
        for (let call = 0; call < config.calls; call++)
          await lastValueFrom(llm.stream({userPrompt: 'Hi'}).pipe(toArray()));
        await sdk.flush();
      });
      return cost.cpuMicros / config.calls;
    });
    const traced = (config.warmups + config.rounds) * config.calls;
    if (exporter.count !== 2 * traced)
      throw new Error(`bench: telemetry per call: ${exporter.count} spans, expected ${2 * traced}`);
    const durations = await sdk.histogramCount(GEN_AI_METRIC.operationDuration);
    if (durations !== traced) throw new Error(`bench: telemetry per call: ${durations} durations, expected ${traced}`);
    const [off, on] = samples as [number[], number[]];
    return {
      calls: config.calls,
      offMicrosPerCall: summarize(off),
      onMicrosPerCall: summarize(on),
      addedMicrosPerCall: summarize(on.map((micros, round) => micros - (off[round] as number))),
    };
  } finally {
    await sdk.shutdown();
  }
}
