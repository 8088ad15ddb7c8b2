import {mockScenario} from '@llm-rx/mock-providers';
import {z} from 'zod';
import {objectBenchPrompt} from '../object/object-answer-wire';
import {BenchObjectSchema} from '../object/object-fixture';

/** Model calls in the measured loop: the model calls the tool in each of the first four, then answers text. */
export const LOOP_STEPS = 5;

/** The loop's prompt (the mock server answers its plan whatever the prompt says). */
export const LOOP_PROMPT = 'What is the weather in Paris?';

/** The loop's one tool: a city's weather, answered at once, as every library gets it. */
export const LOOP_TOOL = {
  name: 'weather',
  description: 'The weather in a city today.',
  inputSchema: z.object({city: z.string()}),
} as const;

/** The loop tool's input. */
export type LoopToolInput = z.infer<typeof LOOP_TOOL.inputSchema>;

/** What the loop tool gives back. */
export interface LoopToolOutput {
  readonly city: string;
  readonly temperatureCelsius: number;
  readonly sky: string;
}

/**
 * The loop tool's work: synchronous and trivial, so that the loop measures the libraries, not the tool.
 * @param input The validated (or, for the raw SDK, parsed) input.
 * @returns The weather.
 */
export function loopToolOutput(input: LoopToolInput): LoopToolOutput {
  return {city: input.city, temperatureCelsius: 21, sky: 'clear'};
}

/**
 * The scenario of one loop: the model calls the tool once per answer for `LOOP_STEPS - 1` rounds (counted by the
 * mock server from the tool calls already in the request's conversation), then answers its default text.
 * @param tag The request log's tag.
 * @returns The `x-mock-scenario` header value.
 */
export function toolLoopScenario(tag: string): string {
  return mockScenario({tag, toolRounds: LOOP_STEPS - 1, toolCalls: 1});
}

/** The tool of the argument-streaming runs: its input is the structured-output bench's object. */
export const CATALOGUE_TOOL = {
  name: 'save_catalogue',
  description: 'Saves a catalogue of items.',
  inputSchema: BenchObjectSchema,
} as const;

/** How an argument-streaming run's answer comes: as text, or as the arguments of one tool call. */
export type ArgumentMode = 'text' | 'tool-arguments';

/**
 * The request of one argument-streaming run: the same prompt and tool either way, so that only the answer's
 * shape differs. With `tool-arguments`, the model makes one call whose arguments (the JSON of the bench object of
 * `records` items, see `toolArgumentsWire`) stream in `chunks` pieces; with `text`, it calls no tool and answers
 * the same JSON as text in `chunks` pieces (`objectAnswerWire`).
 * @param mode Text or tool arguments.
 * @param records Items of the bench object.
 * @param chunks Pieces the answer streams in.
 * @returns The prompt and the `x-mock-scenario` header value.
 */
export function argumentRequest(
  mode: ArgumentMode,
  records: number,
  chunks: number,
): {readonly prompt: string; readonly scenario: string} {
  const tag = 'bench-tools-arguments';
  return {
    prompt: objectBenchPrompt(records),
    scenario:
      mode === 'text'
        ? mockScenario({tag, chunks, toolCalls: 0})
        : mockScenario({tag, toolChunks: chunks, toolCalls: 1, toolRounds: 1}),
  };
}
