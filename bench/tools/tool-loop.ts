import type {ConsumerTarget} from '../consumers/consumer';
import {clearMockLog, isClosedConnection} from '../lib/mock-server-process';
import {interleavedRounds, measureRun, type RoundsConfig} from '../lib/measure';
import {pairedRatios, type SampleSummary, summarize} from '../lib/stats';
import {
  type ToolLoopConsumer,
  type ToolLoopResult,
  toolLoopConsumers,
  type ToolsBenchLibrary,
} from './tool-loop-consumers';
import {assertToolLoopsAgree} from './tool-loop-result';
import {toolLoopScenario} from './tools-fixture';

/**
 * The pause after the full GC before each sample (not measured): the collector's helper threads finish first,
 * whose CPU would count in a sample of a few milliseconds.
 */
const SETTLE_MS = 30;

/** What the loop bench runs. */
export interface ToolLoopConfig extends RoundsConfig {
  readonly target: ConsumerTarget;
  /** Loops one after another in one measured sample (a loop alone is a few milliseconds). */
  readonly loopsPerSample: number;
}

/** One library's cost of the whole loop. */
export interface ToolLoopRow {
  readonly library: ToolsBenchLibrary;
  /** This process's CPU milliseconds per loop (user + system). */
  readonly cpuMsPerLoop: SampleSummary;
  /** Wall milliseconds per loop (the mock server's own time included). */
  readonly wallMsPerLoop: SampleSummary;
  /** CPU over the raw SDK's, round by round. */
  readonly cpuRatioToRaw: SampleSummary;
  /** Wall time over the raw SDK's, round by round. */
  readonly wallRatioToRaw: SampleSummary;
  /** CPU milliseconds per loop beyond the raw SDK's, round by round. */
  readonly cpuOverheadMs: SampleSummary;
}

/** The loop bench's results. */
export interface ToolLoopResults {
  readonly rows: readonly ToolLoopRow[];
  readonly loopsPerSample: number;
}

/**
 * The loop bench: the raw SDK's five model calls one after another (the floor), llm-rx's `runTools()` and the
 * Vercel AI SDK's `streamText()` with `stopWhen: stepCountIs(5)`, each making the same five calls to the mock server
 * (four answers that call the tool, then text), in interleaved rounds; every loop is checked.
 * @param config Rounds, loops per sample and the mock server (the tools bench's own, or the repository's).
 * @param log Progress messages.
 * @returns One row per library, the raw SDK first.
 * @throws Error when a loop saw something else than the plan, or the libraries disagree on the usage.
 */
export async function benchToolLoop(config: ToolLoopConfig, log: (message: string) => void): Promise<ToolLoopResults> {
  const consumers = await toolLoopConsumers(config.target);
  const scenario = toolLoopScenario('bench-tools-loop');
  log(
    `tool loop: ${consumers.map(consumer => consumer.library).join(', ')}; ${config.loopsPerSample} loops per sample, ` +
      `${config.warmups} warm-up and ${config.rounds} measured rounds`,
  );
  const firstOfRound: {library: ToolsBenchLibrary; result: ToolLoopResult}[] = [];
  const samples = await interleavedRounds(consumers, config, async consumer => {
    const cost = await measureRun(() => runLoops(consumer, scenario, config.loopsPerSample, log), SETTLE_MS);
    for (const result of cost.result) assertToolLoopsAgree([{library: consumer.library, result}]);
    firstOfRound[consumers.indexOf(consumer)] = {library: consumer.library, result: cost.result[0] as ToolLoopResult};
    if (firstOfRound.filter(Boolean).length === consumers.length) {
      assertToolLoopsAgree(firstOfRound);
      firstOfRound.length = 0;
      await clearMockLog(config.target.baseUrl);
    }
    return {cpuMs: cost.cpuMicros / 1000 / config.loopsPerSample, wallMs: cost.wallMs / config.loopsPerSample};
  });
  const cpuOf = (index: number) => (samples[index] ?? []).map(sample => sample.cpuMs);
  const wallOf = (index: number) => (samples[index] ?? []).map(sample => sample.wallMs);
  const rows = consumers.map((consumer, index): ToolLoopRow => ({
    library: consumer.library,
    cpuMsPerLoop: summarize(cpuOf(index)),
    wallMsPerLoop: summarize(wallOf(index)),
    cpuRatioToRaw: summarize(pairedRatios(cpuOf(index), cpuOf(0))),
    wallRatioToRaw: summarize(pairedRatios(wallOf(index), wallOf(0))),
    cpuOverheadMs: summarize(cpuOf(index).map((cpu, round) => cpu - (cpuOf(0)[round] as number))),
  }));
  return {rows, loopsPerSample: config.loopsPerSample};
}

async function runLoops(
  consumer: ToolLoopConsumer,
  scenario: string,
  loops: number,
  log: (message: string) => void,
): Promise<ToolLoopResult[]> {
  const results: ToolLoopResult[] = [];
  for (let loop = 0; loop < loops; loop++) {
    // A request that picked a keep-alive connection the server had just closed: the loop once more (once).
    const result = await consumer.run(scenario).catch(error => {
      if (!isClosedConnection(error)) throw error;
      log(`tool loop: ${consumer.library} hit a closed connection; once more`);
      return consumer.run(scenario);
    });
    results.push(result);
  }
  return results;
}
