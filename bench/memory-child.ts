/**
 * Run by `memory.ts` in a fresh process with `--expose-gc`. Prints one JSON line.
 *
 * Usage: `node --expose-gc --import tsx bench/memory-child.ts <baseUrl> cancel|cancel-raw <cycles> | collect|collect-raw <chunks>`
 */
import {OpenAI} from 'openai';
import {collectResponse} from 'llm-rx';
import {filter, firstValueFrom, take, tap} from 'rxjs';
import {BENCH_PROMPT, SCENARIO_HEADER} from './consumers/consumer';
import {createBenchLlm} from './consumers/llm-rx-consumers';
import {rawSdkConsumer} from './consumers/raw-sdk-consumers';
import {collectGarbage} from './lib/measure';

const WARM_UP_CYCLES = 300;

async function settledHeap(): Promise<number> {
  // Let aborted sockets close and their callbacks run, then collect twice (weak callbacks, finalizers).
  await new Promise(resolve => setTimeout(resolve, 300));
  collectGarbage();
  await new Promise(resolve => setTimeout(resolve, 50));
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

async function cancelCycles(baseUrl: string, cycles: number): Promise<Record<string, number>> {
  const llm = await createBenchLlm('openai-chat', baseUrl);
  const cycle = () =>
    firstValueFrom(
      llm
        .stream({userPrompt: BENCH_PROMPT, headers: {[SCENARIO_HEADER]: 'chunks=50;chunkDelay=5;tag=bench-memory'}})
        .pipe(
          filter(chunk => chunk.type === 'text-delta'),
          // take(1) unsubscribes after the first chunk: the request is aborted mid-stream.
          take(1),
        ),
    );
  return measureCycles(cycle, cycles);
}

// The raw SDK's equivalent of a cancel cycle: abort the request after the first text piece.
async function rawCancelCycles(baseUrl: string, cycles: number): Promise<Record<string, number>> {
  const client = new OpenAI({apiKey: 'bench', baseURL: `${baseUrl}/v1`, maxRetries: 0});
  const cycle = async () => {
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      {
        model: 'gpt-4o-mini',
        messages: [{role: 'user', content: BENCH_PROMPT}],
        stream: true,
        stream_options: {include_usage: true},
      },
      {signal: controller.signal, headers: {[SCENARIO_HEADER]: 'chunks=50;chunkDelay=5;tag=bench-memory'}},
    );
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.content) {
        controller.abort();
        break;
      }
    }
  };
  return measureCycles(cycle, cycles);
}

/**
 * Heap after warm-up, after `cycles` cycles, and after as many again. The warm-up is long because the first few
 * hundred requests still grow the heap (optimized code, the HTTP client's pools) for the raw SDK too; the second
 * batch shows whether the growth goes on (a leak) or not.
 */
async function measureCycles(cycle: () => Promise<unknown>, cycles: number): Promise<Record<string, number>> {
  const warmUpCycles = Math.min(WARM_UP_CYCLES, cycles);
  for (let index = 0; index < warmUpCycles; index++) await cycle();
  const baselineHeap = await settledHeap();
  for (let index = 0; index < cycles; index++) await cycle();
  const afterHeap = await settledHeap();
  for (let index = 0; index < cycles; index++) await cycle();
  const afterTwiceHeap = await settledHeap();
  return {baselineHeap, afterHeap, afterTwiceHeap, cycles, warmUpCycles};
}

/** Streams one answer of `chunks` chunks to the end and returns its text and output tokens. */
type Collect = (scenario: string, onChunk: () => void) => Promise<{text: string; outputTokens: number}>;

async function llmRxCollector(baseUrl: string): Promise<Collect> {
  const llm = await createBenchLlm('openai-chat', baseUrl);
  return async (scenario, onChunk) => {
    const response = await firstValueFrom(
      llm
        .stream({userPrompt: BENCH_PROMPT, headers: {[SCENARIO_HEADER]: scenario}})
        .pipe(tap(onChunk), collectResponse()),
    );
    return {text: response.content, outputTokens: response.usage.outputTokens};
  };
}

// The raw SDK's loop keeping the text as an app would (pieces joined at the end), as a reference.
async function rawCollector(baseUrl: string): Promise<Collect> {
  const consumer = await rawSdkConsumer('openai-chat', {baseUrl});
  return async scenario => {
    const result = await consumer.run(scenario);
    return {text: result.text, outputTokens: result.outputTokens};
  };
}

async function collectLarge(collect: Collect, chunks: number): Promise<Record<string, number>> {
  // Warm up (SDK loaded, connection open) before the baseline.
  await collect('chunks=10', () => undefined);
  const baselineHeap = await settledHeap();
  let peakHeap = baselineHeap;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 5);
  let seen = 0;
  const startedAt = performance.now();
  const response = await collect(`chunks=${chunks};tag=bench-memory`, () => {
    if (++seen % 5_000 === 0) sample();
  });
  sample();
  clearInterval(timer);
  const seconds = (performance.now() - startedAt) / 1000;
  if (response.outputTokens !== chunks)
    throw new Error(`bench: expected ${chunks} tokens, got ${response.outputTokens}`);
  return {baselineHeap, peakHeap, answerCharacters: response.text.length, chunks, seconds};
}

async function main(): Promise<void> {
  const [baseUrl = '', mode, count] = process.argv.slice(2);
  if (!collectGarbage()) throw new Error('bench: run with --expose-gc');
  const modes: Readonly<Record<string, (url: string, count: number) => Promise<Record<string, number>>>> = {
    cancel: cancelCycles,
    'cancel-raw': rawCancelCycles,
    collect: async (url, count) => collectLarge(await llmRxCollector(url), count),
    'collect-raw': async (url, count) => collectLarge(await rawCollector(url), count),
  };
  const run = modes[mode ?? ''];
  if (!run) throw new Error(`bench: unknown memory mode ${mode}`);
  const result = await run(baseUrl, Number(count));
  console.log(JSON.stringify(result));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
