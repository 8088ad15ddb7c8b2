import type {LlmMessage, LlmRequest} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL, type MockScenario} from '@llm-rx/mock-providers';
import {
  CLOCK_TOOL,
  describeToolCallMatrix,
  runStream,
  scenarioRequest,
  uniqueTag,
  WEATHER_TOOL,
} from '@llm-rx/spec-support';
import {createOpenAiLlm} from './openai-provider';

const API_KEY = 'sk-openai-responses-tools-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/v1`;

/** The tool fields and input of a Responses body. */
interface ResponsesToolBody {
  readonly tools?: ({type: string; name: string} & Record<string, unknown>)[];
  readonly tool_choice?: unknown;
  readonly parallel_tool_calls?: unknown;
  readonly input: unknown[];
}

describe('OpenAI Responses tool calls against the mock server', () => {
  describeToolCallMatrix({
    label: 'openai-responses',
    provider: 'openai',
    model: 'gpt-5-mini',
    apiKey: API_KEY,
    create: options => createOpenAiLlm('gpt-5-mini', {...options, baseURL: BASE_URL}),
    toolNamesInBody: body => ((body as ResponsesToolBody).tools ?? []).map(tool => tool.name),
  });

  const llm = () => createOpenAiLlm('gpt-5-mini', {apiKey: API_KEY, baseURL: BASE_URL});
  const bodyOf = async (scenario: MockScenario, request: Partial<LlmRequest>) => {
    const outcome = await runStream(llm().stream(scenarioRequest(scenario, request)));
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [record] = await fetchMockRequests(scenario.tag ?? '');
    return record.body as ResponsesToolBody;
  };

  it('sends each tool as a non-strict function, the named choice and the parallel flag', async () => {
    const body = await bodyOf(
      {tag: uniqueTag('openai-responses-tools', 'body')},
      {userPrompt: 'Time?', tools: [CLOCK_TOOL], toolChoice: {tool: 'clock'}, parallelToolCalls: true},
    );
    expect(body.tools).toEqual([
      {
        type: 'function',
        name: 'clock',
        description: 'The current time in a time zone.',
        parameters: {
          type: 'object',
          properties: {zone: {type: 'string'}},
          required: ['zone'],
          additionalProperties: false,
        },
        strict: false,
      },
    ]);
    expect(body.tool_choice).toEqual({type: 'function', name: 'clock'});
    expect(body.parallel_tool_calls).toBeTrue();
  });

  it('sends the calls as function_call items after the text, and the results as function_call_output', async () => {
    const messages: LlmMessage[] = [
      {role: 'user', content: 'Weather in Paris, and the time there?'},
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [
          {toolCallId: 'call_w1', toolName: 'weather', input: {city: 'Paris'}},
          {toolCallId: 'call_c1', toolName: 'clock', input: {zone: 'Europe/Paris'}},
        ],
      },
      {role: 'tool', toolCallId: 'call_w1', toolName: 'weather', output: {temperature: 21}},
      {role: 'tool', toolCallId: 'call_c1', toolName: 'clock', output: '10:00'},
      {role: 'assistant', content: '21 °C at 10:00.'},
      {role: 'user', content: 'Thanks!'},
    ];
    const body = await bodyOf(
      {tag: uniqueTag('openai-responses-tools', 'history'), text: 'You are welcome.'},
      {messages, tools: [WEATHER_TOOL, CLOCK_TOOL]},
    );
    expect(body.input).toEqual([
      {role: 'user', content: 'Weather in Paris, and the time there?'},
      {role: 'assistant', content: 'Checking.'},
      {type: 'function_call', call_id: 'call_w1', name: 'weather', arguments: '{"city":"Paris"}'},
      {type: 'function_call', call_id: 'call_c1', name: 'clock', arguments: '{"zone":"Europe/Paris"}'},
      {type: 'function_call_output', call_id: 'call_w1', output: '{"temperature":21}'},
      {type: 'function_call_output', call_id: 'call_c1', output: '10:00'},
      {role: 'assistant', content: '21 °C at 10:00.'},
      {role: 'user', content: 'Thanks!'},
    ]);
  });

  it("names each call by its call_id, not its item's id, after reasoning and text", async () => {
    const outcome = await runStream(
      llm().stream(
        scenarioRequest(
          {tag: uniqueTag('openai-responses-tools', 'ids'), reasoning: 2, text: 'Let me check.', toolCalls: 2},
          {userPrompt: 'Weather?', tools: [WEATHER_TOOL, CLOCK_TOOL]},
        ),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const types = outcome.chunks.map(chunk => chunk.type);
    expect(types.indexOf('reasoning-delta')).toBeLessThan(types.indexOf('text-delta'));
    expect(types.indexOf('text-delta')).toBeLessThan(types.indexOf('tool-call-start'));
    const ends = outcome.chunks.filter(chunk => chunk.type === 'tool-call-end');
    expect(ends.map(end => end.toolCallId)).toEqual([
      jasmine.stringMatching(/^call_.+t0$/),
      jasmine.stringMatching(/^call_.+t1$/),
    ]);
    const usage = outcome.chunks[outcome.chunks.length - 1];
    expect(usage.type === 'usage' && usage.usage.finishReason).toEqual({unified: 'tool-calls', raw: 'completed'});
  });
});
