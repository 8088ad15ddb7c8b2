import {jsonSample} from './json-sample';
import type {MockScenario} from './scenario';
import type {MockPlan, MockRequestTools, MockToolCall} from './wire/provider-wire';

/** The answer when the scenario gives neither `text` nor `chunks`. */
export const DEFAULT_MOCK_TEXT = 'The quick brown fox jumps over the lazy dog while the sun sets slowly.';

/** The input token count when the scenario gives none. */
export const DEFAULT_INPUT_TOKENS = 42;

let nextResponseNumber = 1;

/**
 * Builds the answer a wire renders for one request.
 *
 * @param scenario The parsed scenario header.
 * @param model The model named by the request.
 * @param now The clock, for the creation time; defaults to `Date.now()`.
 * @param request The request's body, the JSON Schema it asks the answer to match (without a scenario `text`, the
 *   answer is then a matching JSON value (`jsonSample`), streamed in pieces of about ten characters), and its
 *   tools: while the conversation has had fewer tool rounds than the scenario's `toolRounds` (default 1), the
 *   answer is tool calls (see `MockScenario.toolCalls`) with arguments matching each tool's schema.
 * @returns The plan: chunks, usage and finish reason.
 */
export function createMockPlan(
  scenario: MockScenario,
  model: string,
  now: number = Date.now(),
  request: {readonly body?: unknown; readonly outputSchema?: unknown; readonly tools?: MockRequestTools} = {},
): MockPlan {
  const {outputSchema} = request;
  const responseId = `mock${Math.floor(now / 1000).toString(36)}${(nextResponseNumber++).toString(36).padStart(4, '0')}`;
  const toolCalls = toolCallsOf(scenario, request.tools, responseId);
  // The answer after the tool rounds may say something of its own.
  const answer =
    request.tools !== undefined && toolCalls.length === 0 && scenario.finalText !== undefined
      ? {...scenario, text: scenario.finalText}
      : scenario;
  const textChunks =
    outputSchema !== undefined && scenario.text === undefined
      ? jsonChunksOf(JSON.stringify(jsonSample(outputSchema), null, 1), scenario.chunks)
      : toolCalls.length > 0 && scenario.text === undefined && scenario.chunks === undefined
        ? []
        : textChunksOf(answer);
  const toolChunkCount = toolCalls.reduce((sum, call) => sum + call.argumentChunks.length, 0);
  const reasoningChunks = Array.from({length: scenario.reasoning ?? 0}, (_, index) =>
    index === 0 ? 'Thinking about the question.' : ` Step ${index + 1}.`,
  );
  const reasoningTokens = scenario.reasoningTokens ?? reasoningChunks.length;
  return {
    model,
    responseId,
    created: Math.floor(now / 1000),
    reasoningChunks,
    textChunks,
    usage: {
      inputTokens: scenario.inputTokens ?? DEFAULT_INPUT_TOKENS,
      outputTokens: scenario.outputTokens ?? textChunks.length + reasoningChunks.length + toolChunkCount,
      cachedInputTokens: scenario.cachedTokens ?? 0,
      cacheWriteTokens: scenario.cacheWriteTokens ?? 0,
      reasoningTokens,
    },
    finish: scenario.finish ?? (toolCalls.length > 0 ? 'tool-calls' : 'stop'),
    toolCalls,
    requestBody: request.body ?? null,
    outputSchema,
  };
}

/** The answer's tool calls: none once the conversation had `toolRounds` rounds, or without tools. */
function toolCallsOf(scenario: MockScenario, tools: MockRequestTools | undefined, responseId: string): MockToolCall[] {
  if (tools === undefined || tools.tools.length === 0 || tools.forced === 'none') return [];
  if (tools.rounds >= (scenario.toolRounds ?? 1)) return [];
  return Array.from({length: scenario.toolCalls ?? 1}, (_, index) => {
    const name = scenario.toolName ?? tools.forced ?? tools.tools[index % tools.tools.length].name;
    const schema = tools.tools.find(tool => tool.name === name)?.inputSchema ?? {type: 'object'};
    const args = scenario.toolArgs ?? JSON.stringify(jsonSample(schema));
    return {
      id: `${responseId}t${index}`,
      name,
      arguments: args,
      argumentChunks: args === '' ? [] : jsonChunksOf(args, scenario.toolChunks),
    };
  });
}

/** Pieces of about ten characters (or `count` pieces), split anywhere, as a model streams JSON. */
function jsonChunksOf(text: string, count = Math.max(1, Math.ceil(text.length / 10))): string[] {
  return splitText(text, count, Array.from(text));
}

/**
 * Splits the answer into text chunks: one per word by default, or `chunks` pieces.
 *
 * @param scenario The parsed scenario header.
 * @returns The chunks; joined they give the whole text.
 */
export function textChunksOf(scenario: MockScenario): string[] {
  const text = scenario.text ?? (scenario.chunks === undefined ? DEFAULT_MOCK_TEXT : wordsText(scenario.chunks));
  const count = scenario.chunks ?? words(text).length;
  return splitText(text, count);
}

function wordsText(count: number): string {
  return Array.from({length: count}, (_, index) => `w${index + 1}`).join(' ');
}

/** Words with the space before each kept on it, so that joining the words gives the text back. */
function words(text: string): string[] {
  return text.match(/\s*\S+\s*?(?=\s|$)|\s+$/g) ?? [];
}

function splitText(text: string, count: number, given?: string[]): string[] {
  if (count <= 0) return [];
  if (text === '') return Array.from({length: count}, () => '');
  const parts = given ?? words(text);
  // More chunks than words: split by characters instead, so that every chunk still carries text.
  const pieces = parts.length >= count ? parts : Array.from(text);
  const chunks: string[] = [];
  for (let index = 0; index < count; index++) {
    const start = Math.round((index * pieces.length) / count);
    const end = Math.round(((index + 1) * pieces.length) / count);
    chunks.push(pieces.slice(start, end).join(''));
  }
  return chunks;
}
