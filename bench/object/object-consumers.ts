import {type Llm, type LlmChunk, streamObject} from 'llm-rx';
import {BENCH_MODELS, type ConsumerTarget, SCENARIO_HEADER, TextCollector} from '../consumers/consumer';
import {createBenchLlm} from '../consumers/llm-rx-consumers';
import {objectBenchPrompt} from './object-answer-wire';
import {BenchObjectSchema} from './object-fixture';

/** The libraries the object bench compares. */
export type ObjectBenchLibrary = 'llm-rx' | 'Vercel AI SDK';

/** How a consumer reads the answer: as plain text, or as a schema's partial and final objects. */
export type ObjectBenchMode = 'text' | 'object';

/** What one consumer saw of one answer; the bench checks it after the measured run. */
export interface ObjectStreamResult {
  /** The whole text (text mode), or `undefined`. */
  readonly text?: string;
  /** Text pieces received (text mode). */
  readonly pieces: number;
  /** Partial objects received (object mode). */
  readonly partials: number;
  /** The last partial object (object mode). */
  readonly lastPartial?: unknown;
  /** The final, validated object (object mode). */
  readonly object?: unknown;
  readonly outputTokens: number;
}

/** One library reading one answer one way, ready to run (client built, SDK loaded). */
export interface ObjectStreamConsumer {
  readonly library: ObjectBenchLibrary;
  readonly mode: ObjectBenchMode;
  /**
   * Streams one answer to the end.
   * @param records The bench object's size, sent in the prompt (`objectBenchPrompt`).
   * @param chunks Text chunks the answer streams in (the scenario's `chunks`).
   * @returns What the consumer saw.
   */
  run(records: number, chunks: number): Promise<ObjectStreamResult>;
}

const scenarioOf = (chunks: number) => ({[SCENARIO_HEADER]: `chunks=${chunks};tag=bench-object`});

/**
 * llm-rx on OpenAI Chat Completions, both ways: `llm.stream()` without `output` collecting the text, and
 * `streamObject()` with the bench schema keeping the latest partial object and the validated object, as an app
 * that shows the object as it grows does.
 * @param target The mock server (the object bench's own, see `object-mock-server.ts`).
 * @returns The text consumer and the object consumer.
 */
export async function llmRxObjectConsumers(target: ConsumerTarget): Promise<ObjectStreamConsumer[]> {
  const llm = await createBenchLlm('openai-chat', target.baseUrl);
  return [
    {library: 'llm-rx', mode: 'text', run: (records, chunks) => llmRxText(llm, records, chunks)},
    {library: 'llm-rx', mode: 'object', run: (records, chunks) => llmRxObject(llm, records, chunks)},
  ];
}

function llmRxText(llm: Llm, records: number, chunks: number): Promise<ObjectStreamResult> {
  return new Promise((resolve, reject) => {
    const collector = new TextCollector();
    let outputTokens: number | undefined;
    llm.stream({userPrompt: objectBenchPrompt(records), headers: scenarioOf(chunks)}).subscribe({
      next: (chunk: LlmChunk) => {
        if (chunk.type === 'text-delta') collector.add(chunk.text);
        else if (chunk.type === 'usage') outputTokens = chunk.usage.outputTokens;
      },
      error: reject,
      complete: () => {
        if (outputTokens === undefined) return reject(new Error('bench: llm-rx completed without usage'));
        const {text, pieces} = collector.result(0, outputTokens);
        resolve({text, pieces, partials: 0, outputTokens});
      },
    });
  });
}

function llmRxObject(llm: Llm, records: number, chunks: number): Promise<ObjectStreamResult> {
  return new Promise((resolve, reject) => {
    let pieces = 0;
    let partials = 0;
    let lastPartial: unknown;
    let object: unknown;
    let outputTokens: number | undefined;
    streamObject(llm, {
      userPrompt: objectBenchPrompt(records),
      headers: scenarioOf(chunks),
      output: {schema: BenchObjectSchema, name: 'catalogue'},
    }).subscribe({
      next: part => {
        switch (part.type) {
          case 'text-delta':
            pieces++;
            break;
          case 'partial-object':
            partials++;
            lastPartial = part.object;
            break;
          case 'object':
            object = part.object;
            break;
          case 'usage':
            outputTokens = part.usage.outputTokens;
        }
      },
      error: reject,
      complete: () => {
        if (outputTokens === undefined) return reject(new Error('bench: llm-rx completed without usage'));
        resolve({pieces, partials, lastPartial, object, outputTokens});
      },
    });
  });
}

/**
 * The Vercel AI SDK on OpenAI Chat Completions, both ways: `streamText()` reading `textStream`, and `streamText()`
 * with `output: Output.object({schema})` reading `partialOutputStream` (keeping the latest partial), then the
 * validated `output`.
 * @param target The mock server.
 * @returns The text consumer and the object consumer.
 */
export async function vercelObjectConsumers({baseUrl}: ConsumerTarget): Promise<ObjectStreamConsumer[]> {
  const {streamText, Output} = await import('ai');
  const {createOpenAI} = await import('@ai-sdk/openai');
  const model = createOpenAI({apiKey: 'bench', baseURL: `${baseUrl}/v1`}).chat(BENCH_MODELS['openai-chat']);
  // The SDK reports a stream's error to onError and then rejects its promises with NoOutputGeneratedError: keep
  // the first one, so that a failed run says why.
  let streamError: unknown;
  const common = (records: number, chunks: number) => ({
    model,
    prompt: objectBenchPrompt(records),
    maxRetries: 0,
    headers: scenarioOf(chunks),
    onError: ({error}: {error: unknown}) => void (streamError ??= error),
  });
  const settle = async <T>(promise: PromiseLike<T>): Promise<T> => {
    try {
      return await promise;
    } catch (error) {
      const cause = streamError ?? error;
      streamError = undefined;
      throw new Error(`bench: the Vercel AI SDK stream failed: ${cause instanceof Error ? cause.message : cause}`, {
        cause,
      });
    }
  };
  return [
    {
      library: 'Vercel AI SDK',
      mode: 'text',
      run: async (records, chunks) => {
        const collector = new TextCollector();
        const result = streamText(common(records, chunks));
        for await (const text of result.textStream) collector.add(text);
        const usage = await settle(result.usage);
        const {text, pieces} = collector.result(0, 0);
        return {text, pieces, partials: 0, outputTokens: usage.outputTokens ?? 0};
      },
    },
    {
      library: 'Vercel AI SDK',
      mode: 'object',
      run: async (records, chunks) => {
        const result = streamText({...common(records, chunks), output: Output.object({schema: BenchObjectSchema})});
        let partials = 0;
        let lastPartial: unknown;
        for await (const partial of result.partialOutputStream) {
          partials++;
          lastPartial = partial;
        }
        const object = await settle(result.output);
        const usage = await settle(result.usage);
        return {pieces: 0, partials, lastPartial, object, outputTokens: usage.outputTokens ?? 0};
      },
    },
  ];
}
