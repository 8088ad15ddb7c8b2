// The six wires, each with the llm-rx adapter that speaks it, pointed at the mock provider server (port 4010), and
// the way a spec plays an adapter's own request to the mock directly, as the proxy forwards it.
import type {Llm, LlmChunk, LlmRequest, LlmUsage} from 'llm-rx';
import {createAnthropicLlm} from 'llm-rx/anthropic';
import {createCohereLlm} from 'llm-rx/cohere';
import {createDeepSeekLlm} from 'llm-rx/deepseek';
import {createGeminiLlm} from 'llm-rx/gemini';
import {createOpenAiLlm} from 'llm-rx/openai';
import {
  fetchMockRequests,
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  type MockScenario,
} from '@llm-rx/mock-providers';
import {runStream, scenarioRequest, type StreamOutcome} from '@llm-rx/spec-support';
import type {LlmProxyWire} from './llm-proxy-wire';

/** A wire, and the adapter whose requests the mock answers in it. */
export interface WireTarget {
  readonly wire: LlmProxyWire;
  /** The header the adapter sends its key in. */
  readonly keyHeader: 'authorization' | 'x-api-key' | 'x-goog-api-key';
  readonly create: (apiKey: string) => Llm;
}

export const WIRE_TARGETS: readonly WireTarget[] = [
  {
    wire: 'openai-chat',
    keyHeader: 'authorization',
    create: apiKey => createOpenAiLlm('gpt-5-mini', {apiKey, api: 'chat', baseURL: `${MOCK_PROVIDERS_URL}/v1`}),
  },
  {
    wire: 'openai-responses',
    keyHeader: 'authorization',
    create: apiKey => createOpenAiLlm('gpt-5-mini', {apiKey, api: 'responses', baseURL: `${MOCK_PROVIDERS_URL}/v1`}),
  },
  {
    wire: 'deepseek',
    keyHeader: 'authorization',
    create: apiKey => createDeepSeekLlm('deepseek-reasoner', {apiKey, baseURL: `${MOCK_PROVIDERS_URL}/deepseek`}),
  },
  {
    wire: 'anthropic',
    keyHeader: 'x-api-key',
    create: apiKey => createAnthropicLlm('claude-haiku-4-5', {apiKey, baseURL: MOCK_PROVIDERS_URL}),
  },
  {
    wire: 'gemini',
    keyHeader: 'x-goog-api-key',
    create: apiKey => createGeminiLlm('gemini-2.5-flash', {apiKey, baseURL: MOCK_PROVIDERS_URL}),
  },
  {
    wire: 'cohere',
    keyHeader: 'authorization',
    create: apiKey => createCohereLlm('command-a-03-2025', {apiKey, baseURL: MOCK_PROVIDERS_URL}),
  },
];

/** What the adapter itself saw of one scenario, and the request it sent for it. */
export interface AdapterRun {
  readonly outcome: StreamOutcome;
  readonly usage: LlmUsage | undefined;
  /** The request as the mock recorded it: path (with its query) and JSON body. */
  readonly path: string;
  readonly body: unknown;
}

/**
 * Runs the adapter of a wire on a scenario and reads back the request it sent.
 * @param target The wire and its adapter.
 * @param scenario The scenario, with a tag of its own.
 * @param request More request fields (tools).
 * @returns What the adapter streamed, its usage, and its request.
 */
export async function runAdapter(
  target: WireTarget,
  scenario: MockScenario & {readonly tag: string},
  request: Partial<LlmRequest> = {},
): Promise<AdapterRun> {
  const outcome = await runStream(target.create('test-key').stream(scenarioRequest(scenario, request)));
  const last = outcome.chunks[outcome.chunks.length - 1];
  const [record] = await fetchMockRequests(scenario.tag);
  if (record === undefined) throw new Error(`the mock recorded no request tagged ${scenario.tag}`);
  return {outcome, usage: last?.type === 'usage' ? last.usage : undefined, path: record.path, body: record.body};
}

/**
 * Sends a request body to the mock directly, as the proxy forwards one, with a scenario and a key.
 * @param target The wire (for the key's header).
 * @param run The adapter's request.
 * @param scenario The scenario to play.
 * @param apiKey The key the upstream may echo (`echoKey`).
 * @returns The mock's response.
 */
export function fetchUpstream(
  target: WireTarget,
  run: Pick<AdapterRun, 'path' | 'body'>,
  scenario: MockScenario,
  apiKey = 'test-key',
): Promise<Response> {
  const key = target.keyHeader === 'authorization' ? `Bearer ${apiKey}` : apiKey;
  return fetch(`${MOCK_PROVIDERS_URL}${run.path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [target.keyHeader]: key,
      [MOCK_SCENARIO_HEADER]: mockScenario(scenario),
    },
    body: JSON.stringify(run.body),
  });
}

/**
 * The characters of text, reasoning and tool-call arguments in an adapter's chunks.
 * @param chunks The chunks.
 * @returns Their count.
 */
export function outputCharsOf(chunks: readonly LlmChunk[]): number {
  return chunks.reduce(
    (total, chunk) =>
      total +
      (chunk.type === 'text-delta' || chunk.type === 'reasoning-delta'
        ? chunk.text.length
        : chunk.type === 'tool-call-delta'
          ? chunk.argumentsDelta.length
          : 0),
    0,
  );
}
