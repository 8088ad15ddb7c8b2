import type {LlmProviderOptions, LlmRequest} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {
  CLOCK_TOOL,
  describeToolCallMatrix,
  runStream,
  scenarioRequest,
  uniqueTag,
  WEATHER_TOOL,
  weatherAndClockTurn,
} from '@llm-rx/spec-support';
import {createCohereLlm} from './cohere-provider';

// Tool calls of the real cohere-ai SDK against the mock provider server: the shared matrix, then what Cohere's
// body carries (tools, tool choice, the conversation's calls and results) and its tool plan.

const MODEL = 'command-a-03-2025';
const API_KEY = 'co-llm-rx-spec-secret-0123456789';

const create = (options: LlmProviderOptions) => createCohereLlm(MODEL, {...options, baseURL: MOCK_PROVIDERS_URL});

interface CohereBody {
  readonly tools?: readonly {type: string; function: {name: string; description?: string; parameters: unknown}}[];
  readonly tool_choice?: string;
  readonly messages: readonly Record<string, unknown>[];
}

/** The body the mock server received for a tag. */
async function bodyOf(tag: string): Promise<CohereBody> {
  const [record] = await fetchMockRequests(tag);
  return record.body as CohereBody;
}

describe('createCohereLlm tool calls against the mock provider server', () => {
  describeToolCallMatrix({
    label: 'cohere',
    provider: 'cohere',
    model: MODEL,
    apiKey: API_KEY,
    create,
    toolNamesInBody: body => ((body as CohereBody).tools ?? []).map(tool => tool.function.name),
  });

  const tools = [WEATHER_TOOL, CLOCK_TOOL];
  const run = (tag: string, request: Partial<LlmRequest> = {}) =>
    runStream(create({apiKey: API_KEY}).stream(scenarioRequest({tag}, {userPrompt: 'Weather?', tools, ...request})));

  it('sends each tool as a function with its description and JSON Schema, and no tool_choice for auto', async () => {
    const tag = uniqueTag('cohere-tools', 'body');
    const outcome = await run(tag, {toolChoice: 'auto'});
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const body = await bodyOf(tag);
    expect(body.tools?.[1]).toEqual({
      type: 'function',
      function: {name: 'clock', description: 'The current time in a time zone.', parameters: CLOCK_TOOL.inputSchema},
    });
    expect(body.tools?.[0].function.parameters).toEqual(
      jasmine.objectContaining({type: 'object', required: ['city'], properties: jasmine.any(Object)}),
    );
    expect('tool_choice' in body).toBeFalse();
  });

  it('sends required as REQUIRED, none as NONE, and a named tool as that tool alone with REQUIRED', async () => {
    const required = uniqueTag('cohere-tools', 'required');
    const none = uniqueTag('cohere-tools', 'none');
    const named = uniqueTag('cohere-tools', 'named');
    const warn = spyOn(console, 'warn');
    await run(required, {toolChoice: 'required'});
    await run(none, {toolChoice: 'none'});
    const forced = await run(named, {toolChoice: {tool: 'clock'}});
    expect((await bodyOf(required)).tool_choice).toBe('REQUIRED');
    expect((await bodyOf(none)).tool_choice).toBe('NONE');
    expect((await bodyOf(none)).tools?.length).toBe(2);
    const body = await bodyOf(named);
    expect(body.tool_choice).toBe('REQUIRED');
    expect(body.tools?.map(tool => tool.function.name)).toEqual(['clock']);
    expect(forced.chunks.filter(chunk => chunk.type === 'tool-call-end').map(end => end.toolName)).toEqual(['clock']);
    expect(warn).toHaveBeenCalledOnceWith(jasmine.stringContaining('cannot force a named tool'));
  });

  it('sends the assistant calls with their ids and JSON arguments, its text as tool_plan, and each result', async () => {
    const tag = uniqueTag('cohere-tools', 'history');
    const messages = weatherAndClockTurn({
      weatherId: 'weather_a1',
      clockId: 'clock_b2',
      text: 'I will look both up.',
      clock: 'no clock here',
      clockFailed: true,
    });
    const outcome = await runStream(
      create({apiKey: API_KEY}).stream(scenarioRequest({tag, text: 'Sunny.'}, {messages, tools})),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    expect((await bodyOf(tag)).messages).toEqual([
      {role: 'user', content: 'Weather in Paris and the time in Tokyo?'},
      {
        role: 'assistant',
        tool_plan: 'I will look both up.',
        tool_calls: [
          {
            id: 'weather_a1',
            type: 'function',
            function: {name: 'weather', arguments: '{"city":"Paris","unit":"celsius"}'},
          },
          {id: 'clock_b2', type: 'function', function: {name: 'clock', arguments: '{"zone":"Asia/Tokyo"}'}},
        ],
      },
      {role: 'tool', tool_call_id: 'weather_a1', content: '{"temperature":21}'},
      {role: 'tool', tool_call_id: 'clock_b2', content: '{"error":"no clock here"}'},
    ]);
  });

  it('streams the tool plan as reasoning before the calls, and names ids as Cohere does', async () => {
    const tag = uniqueTag('cohere-tools', 'plan');
    const outcome = await runStream(
      create({apiKey: API_KEY}).stream(
        scenarioRequest(
          {tag, text: 'I will check the weather.', toolArgs: '{"city": "Paris"}'},
          {
            userPrompt: 'Weather?',
            tools,
          },
        ),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const types = outcome.chunks.map(chunk => chunk.type);
    expect(types).not.toContain('text-delta');
    const reasoning = outcome.chunks.flatMap(chunk => (chunk.type === 'reasoning-delta' ? [chunk.text] : []));
    expect(reasoning.join('')).toBe('I will check the weather.');
    expect(types.indexOf('reasoning-delta')).toBeLessThan(types.indexOf('tool-call-start'));
    const [start] = outcome.chunks.filter(chunk => chunk.type === 'tool-call-start');
    expect(start.toolCallId).toMatch(/^weather_/);
  });
});
