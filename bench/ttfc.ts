import type {BenchProtocol, ConsumerTarget} from './consumers/consumer';
import {llmRxConsumer} from './consumers/llm-rx-consumers';
import {rawSdkConsumer} from './consumers/raw-sdk-consumers';
import {clearMockLog} from './lib/mock-server-process';
import {interleavedRounds, type RoundsConfig} from './lib/measure';
import {type SampleSummary, summarize} from './lib/stats';

/** Warm time to first chunk of llm-rx against the raw SDK on one protocol. */
export interface TtfcRow {
  readonly protocol: BenchProtocol;
  /** Raw SDK, milliseconds from the call to the first text piece. */
  readonly rawMs: SampleSummary;
  /** llm-rx, milliseconds from `subscribe()` to the first text chunk. */
  readonly llmRxMs: SampleSummary;
  /** llm-rx minus raw SDK, round by round, in milliseconds. */
  readonly overheadMs: SampleSummary;
}

/** What the time-to-first-chunk bench streams. */
export interface TtfcConfig extends RoundsConfig {
  readonly target: ConsumerTarget;
  readonly protocols: readonly BenchProtocol[];
}

/**
 * Warm time to first chunk: SDK loaded, client built, connections kept alive by both; a short answer (3 chunks)
 * streamed to the end each round, interleaved.
 * @param config Protocols, rounds and the mock server.
 * @returns One row per protocol.
 */
export async function benchTimeToFirstChunk(config: TtfcConfig): Promise<TtfcRow[]> {
  const rows: TtfcRow[] = [];
  for (const protocol of config.protocols) {
    const consumers = [await rawSdkConsumer(protocol, config.target), await llmRxConsumer(protocol, config.target)];
    const samples = await interleavedRounds(consumers, config, async consumer => {
      const startedAt = performance.now();
      const result = await consumer.run('chunks=3;tag=bench-ttfc');
      if (result.firstTextAt === null || result.pieces !== 3) {
        throw new Error(`bench: ${consumer.library} ${protocol} streamed ${result.pieces} pieces, expected 3`);
      }
      return result.firstTextAt - startedAt;
    });
    await clearMockLog(config.target.baseUrl);
    const [raw = [], llmRx = []] = samples;
    rows.push({
      protocol,
      rawMs: summarize(raw),
      llmRxMs: summarize(llmRx),
      overheadMs: summarize(llmRx.map((value, index) => value - (raw[index] as number))),
    });
  }
  return rows;
}
