import {type LlmChunk, llmTool} from 'llm-rx';
import {z} from 'zod';
import {BENCH_MODELS, type ConsumerTarget, SCENARIO_HEADER} from '../consumers/consumer';
import {createBenchLlm} from '../consumers/llm-rx-consumers';
import type {ToolsBenchLibrary} from './tool-loop-consumers';
import {type ArgumentMode, argumentRequest, CATALOGUE_TOOL} from './tools-fixture';

/** What one consumer saw of one argument-streaming answer; the bench checks it after the measured run. */
export interface ArgumentStreamResult {
  /** The text pieces (text mode) or argument pieces (tool mode), joined. */
  readonly text: string;
  /** Pieces received. */
  readonly pieces: number;
  /** Tool calls the answer ended with (0 in text mode). */
  readonly toolCalls: number;
  /** The tool call's validated input (tool mode). */
  readonly input?: unknown;
  readonly outputTokens: number;
}

/** One library reading one answer one way, ready to run (client built, SDK loaded). */
export interface ArgumentStreamConsumer {
  readonly library: ToolsBenchLibrary;
  readonly mode: ArgumentMode;
  /**
   * Streams one answer to the end.
   * @param records The bench object's size, sent in the prompt.
   * @param chunks Pieces the answer streams in.
   * @returns What the consumer saw.
   */
  run(records: number, chunks: number): Promise<ArgumentStreamResult>;
}

/**
 * The argument-streaming consumers on the OpenAI Responses API: for each library, the same request (the prompt
 * and the catalogue tool) read once as a text answer and once as a tool call's streamed arguments.
 * @param target The tools bench's mock server (`tools-mock-server.ts`).
 * @returns Text and tool consumers of the raw SDK (a reference), llm-rx and the Vercel AI SDK.
 */
export async function argumentStreamConsumers(target: ConsumerTarget): Promise<ArgumentStreamConsumer[]> {
  const modes: readonly ArgumentMode[] = ['text', 'tool-arguments'];
  const runs = [await rawSdkRun(target), await llmRxRun(target), await vercelRun(target)];
  return runs.flatMap(({library, run}) =>
    modes.map(mode => ({library, mode, run: (records: number, chunks: number) => run(mode, records, chunks)})),
  );
}

type Run = (mode: ArgumentMode, records: number, chunks: number) => Promise<ArgumentStreamResult>;

/** The raw SDK's streaming call, keeping the text or the argument pieces and, at the end, `JSON.parse()` of them. */
async function rawSdkRun({baseUrl}: ConsumerTarget): Promise<{library: ToolsBenchLibrary; run: Run}> {
  const {OpenAI} = await import('openai');
  const client = new OpenAI({apiKey: 'bench', baseURL: `${baseUrl}/v1`, maxRetries: 0});
  const tools = [
    {
      type: 'function' as const,
      name: CATALOGUE_TOOL.name,
      description: CATALOGUE_TOOL.description,
      parameters: z.toJSONSchema(CATALOGUE_TOOL.inputSchema) as Record<string, unknown>,
      strict: false,
    },
  ];
  const run: Run = async (mode, records, chunks) => {
    const {prompt, scenario} = argumentRequest(mode, records, chunks);
    const pieces: string[] = [];
    let toolCalls = 0;
    let input: unknown;
    let outputTokens = 0;
    const stream = await client.responses.create(
      {model: BENCH_MODELS['openai-responses'], input: prompt, tools, stream: true},
      {headers: {[SCENARIO_HEADER]: scenario}},
    );
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta' || event.type === 'response.function_call_arguments.delta') {
        pieces.push(event.delta);
      } else if (event.type === 'response.output_item.done' && event.item.type === 'function_call') {
        toolCalls++;
        input = JSON.parse(event.item.arguments);
      } else if (event.type === 'response.completed' && event.response.usage) {
        outputTokens = event.response.usage.output_tokens;
      }
    }
    return {text: pieces.join(''), pieces: pieces.length, toolCalls, input, outputTokens};
  };
  return {library: 'raw SDK', run};
}

/**
 * llm-rx's `stream()` with the tool (no `execute`: one model call), collecting the `text-delta`s or the
 * `tool-call-delta`s (each carries the arguments parsed so far when the piece changed them; the latest is kept, as
 * an app that shows the call as it grows does) and the validated input of the `tool-call-end`.
 */
async function llmRxRun({baseUrl}: ConsumerTarget): Promise<{library: ToolsBenchLibrary; run: Run}> {
  const llm = await createBenchLlm('openai-responses', baseUrl);
  const catalogue = llmTool(CATALOGUE_TOOL);
  const run: Run = (mode, records, chunks) =>
    new Promise((resolve, reject) => {
      const {prompt, scenario} = argumentRequest(mode, records, chunks);
      const pieces: string[] = [];
      let toolCalls = 0;
      let input: unknown;
      let latestPartial: unknown;
      let usage: Extract<LlmChunk, {type: 'usage'}>['usage'] | undefined;
      llm.stream({userPrompt: prompt, tools: [catalogue], headers: {[SCENARIO_HEADER]: scenario}}).subscribe({
        next: chunk => {
          switch (chunk.type) {
            case 'text-delta':
              pieces.push(chunk.text);
              break;
            case 'tool-call-delta':
              pieces.push(chunk.argumentsDelta);
              if (chunk.partialInput !== undefined) latestPartial = chunk.partialInput;
              break;
            case 'tool-call-end':
              if (chunk.issues)
                return reject(new Error(`bench: llm-rx's call has issues: ${chunk.issues[0]?.message}`));
              toolCalls++;
              input = chunk.input;
              break;
            case 'usage':
              usage = chunk.usage;
          }
        },
        error: reject,
        complete: () => {
          if (usage === undefined) return reject(new Error('bench: llm-rx completed without usage'));
          if (toolCalls > 0 && latestPartial === undefined) return reject(new Error('bench: llm-rx: no partial input'));
          resolve({text: pieces.join(''), pieces: pieces.length, toolCalls, input, outputTokens: usage.outputTokens});
        },
      });
    });
  return {library: 'llm-rx', run};
}

/**
 * The Vercel AI SDK's `streamText({model: openai(modelId), tools})` with the tool (no `execute`: one step), reading
 * `fullStream`: the `text-delta`s or the `tool-input-delta`s, the validated `tool-call`, and the total usage.
 */
async function vercelRun({baseUrl}: ConsumerTarget): Promise<{library: ToolsBenchLibrary; run: Run}> {
  const {streamText, tool} = await import('ai');
  const {createOpenAI} = await import('@ai-sdk/openai');
  const model = createOpenAI({apiKey: 'bench', baseURL: `${baseUrl}/v1`})(BENCH_MODELS['openai-responses']);
  const tools = {
    [CATALOGUE_TOOL.name]: tool({description: CATALOGUE_TOOL.description, inputSchema: CATALOGUE_TOOL.inputSchema}),
  };
  const run: Run = async (mode, records, chunks) => {
    const {prompt, scenario} = argumentRequest(mode, records, chunks);
    const result = streamText({
      model,
      prompt,
      tools,
      maxRetries: 0,
      headers: {[SCENARIO_HEADER]: scenario},
      onError: () => undefined,
    });
    const pieces: string[] = [];
    let toolCalls = 0;
    let input: unknown;
    let outputTokens = 0;
    for await (const part of result.fullStream) {
      switch (part.type) {
        case 'text-delta':
          pieces.push(part.text);
          break;
        case 'tool-input-delta':
          pieces.push(part.delta);
          break;
        case 'tool-call':
          if (part.invalid) throw new Error(`bench: the Vercel AI SDK's call is invalid: ${String(part.error)}`);
          toolCalls++;
          input = part.input;
          break;
        case 'finish':
          outputTokens = part.totalUsage.outputTokens ?? 0;
          break;
        case 'error':
          throw new Error(`bench: the Vercel AI SDK stream failed: ${String(part.error)}`, {cause: part.error});
      }
    }
    return {text: pieces.join(''), pieces: pieces.length, toolCalls, input, outputTokens};
  };
  return {library: 'Vercel AI SDK', run};
}
