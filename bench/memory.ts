import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import type {ConsumerTarget} from './consumers/consumer';

const run = promisify(execFile);

/** Heap after subscribe-and-cancel cycles, in bytes. */
export interface CancelMemoryResult {
  readonly cycles: number;
  /** Heap used after warm-up cycles and a full GC. */
  readonly baselineHeap: number;
  /** Heap used after the cycles and a full GC. */
  readonly afterHeap: number;
  /** Heap used after as many cycles again: flat when nothing leaks. */
  readonly afterTwiceHeap: number;
  /** Cycles run before the baseline. */
  readonly warmUpCycles: number;
}

/** Peak heap while collecting one long answer, in bytes. */
export interface CollectMemoryResult {
  readonly chunks: number;
  readonly answerCharacters: number;
  readonly baselineHeap: number;
  readonly peakHeap: number;
  readonly seconds: number;
}

/**
 * Heap after `cycles` subscribe-and-cancel cycles (cancelled after the first chunk, mid-stream) against the heap
 * after warm-up, in a fresh process with `--expose-gc`.
 * @param target The mock server.
 * @param cycles Cycles to run.
 * @returns The heaps.
 */
export async function benchCancelMemory(target: ConsumerTarget, cycles: number): Promise<CancelMemoryResult> {
  return (await child([target.baseUrl, 'cancel', String(cycles)])) as unknown as CancelMemoryResult;
}

/**
 * The raw `openai` SDK's equivalent of `benchCancelMemory()` (abort after the first text piece), as a reference for
 * what the SDK and Node's HTTP client keep by themselves.
 * @param target The mock server.
 * @param cycles Cycles to run.
 * @returns The heaps.
 */
export async function benchRawCancelMemory(target: ConsumerTarget, cycles: number): Promise<CancelMemoryResult> {
  return (await child([target.baseUrl, 'cancel-raw', String(cycles)])) as unknown as CancelMemoryResult;
}

/**
 * Peak heap while `collectResponse()` collects an answer of `chunks` one-token chunks, in a fresh process.
 * @param target The mock server.
 * @param chunks Chunks in the answer.
 * @returns The heaps and the answer's size.
 */
export async function benchCollectMemory(target: ConsumerTarget, chunks: number): Promise<CollectMemoryResult> {
  return (await child([target.baseUrl, 'collect', String(chunks)])) as unknown as CollectMemoryResult;
}

/**
 * The raw `openai` SDK's loop collecting the same answer, as a reference for `benchCollectMemory()`.
 * @param target The mock server.
 * @param chunks Chunks in the answer.
 * @returns The heaps and the answer's size.
 */
export async function benchRawCollectMemory(target: ConsumerTarget, chunks: number): Promise<CollectMemoryResult> {
  return (await child([target.baseUrl, 'collect-raw', String(chunks)])) as unknown as CollectMemoryResult;
}

async function child(args: readonly string[]): Promise<Record<string, number>> {
  const {stdout} = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/memory-child.ts', ...args], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
}
