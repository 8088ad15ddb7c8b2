import {cascade, type Llm} from 'llm-rx';
import type {ConsumerTarget} from './consumers/consumer';
import {createBenchLlm, streamThrough} from './consumers/llm-rx-consumers';
import {clearMockLog} from './lib/mock-server-process';
import {interleavedRounds, type RoundsConfig} from './lib/measure';
import {type SampleSummary, summarize} from './lib/stats';

/** The cascade bench's result, in milliseconds. */
export interface CascadeResult {
  /** The failing provider alone: from subscribe to its error (HTTP 529). */
  readonly failedAloneMs: SampleSummary;
  /** The fallback alone: from subscribe to its first chunk. */
  readonly fallbackAloneMs: SampleSummary;
  /** The cascade: from subscribe to the fallback's first chunk. */
  readonly cascadeMs: SampleSummary;
  /** Cascade minus (failed alone + fallback alone), from the same round. */
  readonly overheadMs: SampleSummary;
}

/**
 * Failover time: `cascade([failing, fallback])`, where the first child answers HTTP 529 (overloaded) before any
 * content, against the failing child alone and the fallback alone, interleaved. Both children are OpenAI Chat
 * Completions models on the mock server; the cascade has no backoff of its own.
 * @param target The mock server.
 * @param config Rounds.
 * @returns The times.
 */
export async function benchCascade(target: ConsumerTarget, config: RoundsConfig): Promise<CascadeResult> {
  const failing = await createBenchLlm('openai-chat', target.baseUrl, {
    'x-mock-scenario': 'status=529;tag=bench-cascade',
  });
  const fallback = await createBenchLlm('openai-chat', target.baseUrl, {
    'x-mock-scenario': 'chunks=3;tag=bench-cascade',
  });
  const both = cascade([failing, fallback]);
  type Contender = 'failed' | 'fallback' | 'cascade';
  const samples = await interleavedRounds<Contender, number>(['failed', 'fallback', 'cascade'], config, async name => {
    if (name === 'failed') return timeToError(failing);
    const startedAt = performance.now();
    const result = await streamThrough(name === 'cascade' ? both : fallback, undefined);
    if (result.firstTextAt === null || result.pieces !== 3)
      throw new Error(`bench: ${name} streamed ${result.pieces} pieces`);
    return result.firstTextAt - startedAt;
  });
  await clearMockLog(target.baseUrl);
  const [failed = [], alone = [], cascaded = []] = samples;
  return {
    failedAloneMs: summarize(failed),
    fallbackAloneMs: summarize(alone),
    cascadeMs: summarize(cascaded),
    overheadMs: summarize(cascaded.map((value, index) => value - (failed[index] as number) - (alone[index] as number))),
  };
}

function timeToError(llm: Llm): Promise<number> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    llm.stream({userPrompt: 'fail'}).subscribe({
      error: () => resolve(performance.now() - startedAt),
      complete: () => reject(new Error('bench: the failing provider completed')),
    });
  });
}
