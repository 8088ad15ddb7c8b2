import {
  assertConsumersAgree,
  type BenchLibrary,
  type BenchProtocol,
  type ConsumerTarget,
  type StreamConsumer,
} from './consumers/consumer';
import {langChainConsumer, LANGCHAIN_PROTOCOLS} from './consumers/langchain-consumers';
import {llmRxConsumer} from './consumers/llm-rx-consumers';
import {rawSdkConsumer} from './consumers/raw-sdk-consumers';
import {vercelConsumer, VERCEL_PROTOCOLS} from './consumers/vercel-consumers';
import {clearMockLog} from './lib/mock-server-process';
import {interleavedRounds, measureRun, type RoundsConfig} from './lib/measure';
import {pairedRatios, type SampleSummary, summarize} from './lib/stats';

/** One library's per-chunk cost on one protocol. */
export interface PerChunkRow {
  readonly protocol: BenchProtocol;
  readonly library: BenchLibrary;
  /** CPU microseconds per chunk. */
  readonly cpuMicrosPerChunk: SampleSummary;
  /** Wall microseconds per chunk. */
  readonly wallMicrosPerChunk: SampleSummary;
  /** This library's CPU over the raw SDK's, round by round. */
  readonly cpuRatioToRaw: SampleSummary;
  /** This library's CPU over llm-rx's, round by round. */
  readonly cpuRatioToLlmRx: SampleSummary;
}

/** What the per-chunk bench streams. */
export interface PerChunkConfig extends RoundsConfig {
  readonly target: ConsumerTarget;
  readonly protocols: readonly BenchProtocol[];
  /** Text chunks per answer. */
  readonly chunks: number;
}

/**
 * The per-chunk bench: for each protocol, the raw SDK, llm-rx, and (where installed) the Vercel AI SDK and
 * LangChain.js stream the same mock answer in interleaved rounds; every round checks that all of them saw the
 * same text and usage.
 * @param config Protocols, chunk count, rounds and the mock server.
 * @param log Progress messages.
 * @returns One row per protocol and library, the raw SDK first.
 * @throws Error when a consumer disagrees with the raw SDK.
 */
export async function benchPerChunk(config: PerChunkConfig, log: (message: string) => void): Promise<PerChunkRow[]> {
  const rows: PerChunkRow[] = [];
  for (const protocol of config.protocols) {
    const consumers = await consumersFor(protocol, config.target);
    log(`per-chunk ${protocol}: ${consumers.map(consumer => consumer.library).join(', ')}`);
    const scenario = `chunks=${config.chunks};tag=bench-per-chunk`;
    const roundResults = new Map<number, {label: string; result: Awaited<ReturnType<StreamConsumer['run']>>}[]>();
    const samples = await interleavedRounds(consumers, config, async (consumer, round) => {
      const cost = await measureRun(() => consumer.run(scenario));
      const results = roundResults.get(round) ?? [];
      results[consumers.indexOf(consumer)] = {label: consumer.library, result: cost.result};
      roundResults.set(round, results);
      if (results.filter(Boolean).length === consumers.length) {
        assertConsumersAgree(results, config.chunks);
        roundResults.delete(round);
        await clearMockLog(config.target.baseUrl);
      }
      return {cpu: cost.cpuMicros / config.chunks, wall: (cost.wallMs * 1000) / config.chunks};
    });
    const cpuOf = (index: number) => (samples[index] ?? []).map(sample => sample.cpu);
    const llmRxIndex = consumers.findIndex(consumer => consumer.library === 'llm-rx');
    consumers.forEach((consumer, index) => {
      rows.push({
        protocol,
        library: consumer.library,
        cpuMicrosPerChunk: summarize(cpuOf(index)),
        wallMicrosPerChunk: summarize((samples[index] ?? []).map(sample => sample.wall)),
        cpuRatioToRaw: summarize(pairedRatios(cpuOf(index), cpuOf(0))),
        cpuRatioToLlmRx: summarize(pairedRatios(cpuOf(index), cpuOf(llmRxIndex))),
      });
    });
  }
  return rows;
}

/**
 * The consumers of a protocol, raw SDK first, each with its client built and SDK loaded.
 * @param protocol The wire protocol.
 * @param target The mock server.
 * @returns The consumers.
 */
export async function consumersFor(protocol: BenchProtocol, target: ConsumerTarget): Promise<StreamConsumer[]> {
  const consumers = [await rawSdkConsumer(protocol, target), await llmRxConsumer(protocol, target)];
  if (VERCEL_PROTOCOLS.includes(protocol)) consumers.push(await vercelConsumer(protocol, target));
  if (LANGCHAIN_PROTOCOLS.includes(protocol)) consumers.push(await langChainConsumer(protocol, target));
  return consumers;
}
