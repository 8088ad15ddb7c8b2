import {setTimeout as delay} from 'node:timers/promises';
import type {ConsumerTarget} from '../consumers/consumer';
import {clearMockLog, isClosedConnection} from '../lib/mock-server-process';
import {interleavedRounds, measureRun, type RoundsConfig} from '../lib/measure';
import {pairedRatios, type SampleSummary, summarize} from '../lib/stats';
import {expectedObjectAnswer, type ObjectAnswer} from '../object/object-answer';
import {argumentStreamConsumers} from './tool-arguments-consumers';
import {assertArgumentResult} from './tool-arguments-result';
import type {ToolsBenchLibrary} from './tool-loop-consumers';
import type {ArgumentMode} from './tools-fixture';

/** The pause after each run and after the full GC before the next (neither measured); see the object bench. */
const SETTLE_MS = 30;

/** What the argument-streaming bench streams. */
export interface ToolArgumentsConfig extends RoundsConfig {
  /** The tools bench's own mock server (`tools-mock-server.ts`). */
  readonly target: ConsumerTarget;
  /** Items of the bench object whose JSON streams (about 525 bytes each). */
  readonly records: number;
  /** Pieces it streams in. */
  readonly chunks: number;
}

/** One library reading the answer one way. */
export interface ToolArgumentsRow {
  readonly library: ToolsBenchLibrary;
  readonly mode: ArgumentMode;
  /** CPU microseconds per chunk. */
  readonly cpuMicrosPerChunk: SampleSummary;
  /** Wall microseconds per chunk. */
  readonly wallMicrosPerChunk: SampleSummary;
  /** CPU over the same library's text answer, round by round (1 for a text row). */
  readonly cpuRatioToText: SampleSummary;
  /** CPU over llm-rx's in the same mode, round by round. */
  readonly cpuRatioToLlmRx: SampleSummary;
}

/** The argument-streaming bench's results. */
export interface ToolArgumentsResults {
  readonly answer: ObjectAnswer;
  /** By library (raw SDK, llm-rx, Vercel AI SDK), text before tool arguments. */
  readonly rows: readonly ToolArgumentsRow[];
}

/**
 * The argument-streaming bench: the same JSON streamed in the same pieces as a text answer and as one tool call's
 * arguments (OpenAI Responses on the tools bench's mock server), read by the raw SDK, llm-rx and the Vercel AI
 * SDK, all six runs interleaved in each round. Every run is checked: every piece, the call's input, the usage.
 * @param config The answer, rounds and the mock server.
 * @param log Progress messages.
 * @returns The rows.
 * @throws Error when a consumer saw something else than the answer.
 */
export async function benchToolArguments(
  config: ToolArgumentsConfig,
  log: (message: string) => void,
): Promise<ToolArgumentsResults> {
  const answer = expectedObjectAnswer(config.records, config.chunks);
  const consumers = await argumentStreamConsumers(config.target);
  log(
    `tool arguments: ${answer.records} items (${(answer.bytes / 1000).toFixed(0)} kB) in ${answer.chunks} chunks, ` +
      `${config.warmups} warm-up and ${config.rounds} measured rounds`,
  );
  let runsInRound = 0;
  const samples = await interleavedRounds(consumers, config, async consumer => {
    const run = () => measureRun(() => consumer.run(answer.records, answer.chunks), SETTLE_MS);
    // A run whose request picked a keep-alive connection the server had just closed is measured again (once).
    const cost = await run().catch(error => {
      if (!isClosedConnection(error)) throw error;
      log(`tool arguments: ${consumer.library} (${consumer.mode}) hit a closed connection; once more`);
      return run();
    });
    assertArgumentResult(consumer, answer, cost.result);
    await delay(SETTLE_MS);
    if (++runsInRound === consumers.length) {
      runsInRound = 0;
      await clearMockLog(config.target.baseUrl);
    }
    return {cpu: cost.cpuMicros / answer.chunks, wall: (cost.wallMs * 1000) / answer.chunks};
  });
  const cpuOf = (index: number) => (samples[index] ?? []).map(sample => sample.cpu);
  const indexOf = (library: ToolsBenchLibrary, mode: ArgumentMode) =>
    consumers.findIndex(consumer => consumer.library === library && consumer.mode === mode);
  const rows = consumers.map((consumer, index): ToolArgumentsRow => {
    const cpu = cpuOf(index);
    return {
      library: consumer.library,
      mode: consumer.mode,
      cpuMicrosPerChunk: summarize(cpu),
      wallMicrosPerChunk: summarize((samples[index] ?? []).map(sample => sample.wall)),
      cpuRatioToText: summarize(pairedRatios(cpu, cpuOf(indexOf(consumer.library, 'text')))),
      cpuRatioToLlmRx: summarize(pairedRatios(cpu, cpuOf(indexOf('llm-rx', consumer.mode)))),
    };
  });
  const {records, chunks, bytes, characters} = answer;
  return {answer: {records, chunks, bytes, characters}, rows};
}
