import {type LlmChunk, llmTool, runTools} from 'llm-rx';
import {z} from 'zod';
import {BENCH_MODELS, type ConsumerTarget, SCENARIO_HEADER} from '../consumers/consumer';
import {createBenchLlm} from '../consumers/llm-rx-consumers';
import {LOOP_PROMPT, LOOP_STEPS, LOOP_TOOL, type LoopToolInput, loopToolOutput} from './tools-fixture';

/** The libraries the tools bench compares; the raw SDK is the floor of the loop. */
export type ToolsBenchLibrary = 'raw SDK' | 'llm-rx' | 'Vercel AI SDK';

/** What one loop consumer saw of one loop; the bench checks it after each measured sample. */
export interface ToolLoopResult {
  /** Model calls made. */
  readonly steps: number;
  /** Tool results the loop produced. */
  readonly toolResults: number;
  /** The text of every step, joined (the tool steps have none). */
  readonly text: string;
  /** Prompt tokens over every step. */
  readonly inputTokens: number;
  /** Output tokens over every step. */
  readonly outputTokens: number;
}

/** One library running the loop, ready to run (SDK loaded, client and tools built). */
export interface ToolLoopConsumer {
  readonly library: ToolsBenchLibrary;
  /**
   * Runs one whole loop: `LOOP_STEPS` model calls, the tool between them.
   * @param scenario The `x-mock-scenario` header value (`toolLoopScenario()`).
   * @returns What the consumer saw.
   */
  run(scenario: string): Promise<ToolLoopResult>;
}

/**
 * The loop consumers, all on the OpenAI Responses API (what `@ai-sdk/openai`'s `openai(modelId)` speaks by default),
 * against the mock server.
 * @param target The mock server.
 * @returns The raw SDK (the floor), llm-rx and the Vercel AI SDK, in that order.
 */
export async function toolLoopConsumers(target: ConsumerTarget): Promise<ToolLoopConsumer[]> {
  return [await rawSdkLoop(target), await llmRxLoop(target), await vercelLoop(target)];
}

/**
 * The floor: the same model calls made one after another with the `openai` SDK's own streaming call, the least an
 * app does between them: keep each call's function calls, `JSON.parse()` their arguments, run the tool, append
 * the call and its output to the input of the next call.
 */
async function rawSdkLoop({baseUrl}: ConsumerTarget): Promise<ToolLoopConsumer> {
  const {OpenAI} = await import('openai');
  type Input = Parameters<typeof client.responses.create>[0]['input'] & unknown[];
  const client = new OpenAI({apiKey: 'bench', baseURL: `${baseUrl}/v1`, maxRetries: 0});
  const tools = [
    {
      type: 'function' as const,
      name: LOOP_TOOL.name,
      description: LOOP_TOOL.description,
      parameters: z.toJSONSchema(LOOP_TOOL.inputSchema) as Record<string, unknown>,
      strict: false,
    },
  ];
  return {
    library: 'raw SDK',
    run: async scenario => {
      const input: Input = [{role: 'user', content: LOOP_PROMPT}];
      let text = '';
      let steps = 0;
      let toolResults = 0;
      let inputTokens = 0;
      let outputTokens = 0;
      while (steps < LOOP_STEPS) {
        steps++;
        const calls: {call_id: string; name: string; arguments: string}[] = [];
        const stream = await client.responses.create(
          {model: BENCH_MODELS['openai-responses'], input, tools, stream: true},
          {headers: {[SCENARIO_HEADER]: scenario}},
        );
        for await (const event of stream) {
          if (event.type === 'response.output_text.delta') {
            text += event.delta;
          } else if (event.type === 'response.output_item.done' && event.item.type === 'function_call') {
            calls.push(event.item);
          } else if (event.type === 'response.completed' && event.response.usage) {
            inputTokens += event.response.usage.input_tokens;
            outputTokens += event.response.usage.output_tokens;
          }
        }
        if (calls.length === 0) break;
        for (const call of calls) {
          const output = loopToolOutput(JSON.parse(call.arguments) as LoopToolInput);
          toolResults++;
          input.push(
            {type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments},
            {type: 'function_call_output', call_id: call.call_id, output: JSON.stringify(output)},
          );
        }
      }
      return {steps, toolResults, text, inputTokens, outputTokens};
    },
  };
}

/** llm-rx: `runTools()` over the OpenAI adapter (Responses), with its defaults, subscribed as an app does. */
async function llmRxLoop({baseUrl}: ConsumerTarget): Promise<ToolLoopConsumer> {
  const llm = await createBenchLlm('openai-responses', baseUrl);
  const weather = llmTool({...LOOP_TOOL, execute: (input: LoopToolInput) => loopToolOutput(input)});
  return {
    library: 'llm-rx',
    run: scenario =>
      new Promise((resolve, reject) => {
        let text = '';
        let steps = 0;
        let toolResults = 0;
        let usage: Extract<LlmChunk, {type: 'usage'}>['usage'] | undefined;
        runTools(
          llm,
          {userPrompt: LOOP_PROMPT, tools: [weather], headers: {[SCENARIO_HEADER]: scenario}},
          {maxSteps: LOOP_STEPS},
        ).subscribe({
          next: chunk => {
            switch (chunk.type) {
              case 'text-delta':
                text += chunk.text;
                break;
              case 'tool-result':
                if (chunk.isError) reject(new Error(`bench: llm-rx's tool failed: ${JSON.stringify(chunk.output)}`));
                toolResults++;
                break;
              case 'step-finish':
                steps++;
                break;
              case 'usage':
                usage = chunk.usage;
            }
          },
          error: reject,
          complete: () => {
            if (usage === undefined) return reject(new Error('bench: llm-rx completed without usage'));
            resolve({steps, toolResults, text, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens});
          },
        });
      }),
  };
}

/**
 * The Vercel AI SDK: `streamText({model: openai(modelId), tools, stopWhen: stepCountIs(5)})` with the tool's
 * `execute`, reading `fullStream` (text, tool results, steps and the total usage).
 */
async function vercelLoop({baseUrl}: ConsumerTarget): Promise<ToolLoopConsumer> {
  const {streamText, stepCountIs, tool} = await import('ai');
  const {createOpenAI} = await import('@ai-sdk/openai');
  // The provider called as a function gives its default model: the Responses API.
  const model = createOpenAI({apiKey: 'bench', baseURL: `${baseUrl}/v1`})(BENCH_MODELS['openai-responses']);
  const tools = {
    [LOOP_TOOL.name]: tool({
      description: LOOP_TOOL.description,
      inputSchema: LOOP_TOOL.inputSchema,
      execute: (input: LoopToolInput) => loopToolOutput(input),
    }),
  };
  return {
    library: 'Vercel AI SDK',
    run: async scenario => {
      const result = streamText({
        model,
        prompt: LOOP_PROMPT,
        tools,
        stopWhen: stepCountIs(LOOP_STEPS),
        maxRetries: 0,
        headers: {[SCENARIO_HEADER]: scenario},
        onError: () => undefined,
      });
      let text = '';
      let steps = 0;
      let toolResults = 0;
      let inputTokens = 0;
      let outputTokens = 0;
      for await (const part of result.fullStream) {
        switch (part.type) {
          case 'text-delta':
            text += part.text;
            break;
          case 'tool-result':
            toolResults++;
            break;
          case 'finish-step':
            steps++;
            break;
          case 'finish':
            inputTokens = part.totalUsage.inputTokens ?? 0;
            outputTokens = part.totalUsage.outputTokens ?? 0;
            break;
          case 'tool-error':
          case 'error':
            throw new Error(`bench: the Vercel AI SDK loop failed: ${String(part.error)}`, {cause: part.error});
        }
      }
      return {steps, toolResults, text, inputTokens, outputTokens};
    },
  };
}
