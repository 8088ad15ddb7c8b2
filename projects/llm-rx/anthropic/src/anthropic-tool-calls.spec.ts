import type {LlmChunk, LlmMessage, LlmToolCallEnd} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL, type MockScenario} from '@llm-rx/mock-providers';
import {
  CLOCK_TOOL,
  describeToolCallMatrix,
  runStream,
  scenarioRequest,
  uniqueTag,
  WEATHER_TOOL,
  weatherAndClockTurn,
} from '@llm-rx/spec-support';
import type {AnthropicOptions} from './anthropic-options';
import {createAnthropicLlm} from './anthropic-provider';

// Tool calls against the mock provider server (node --import tsx projects/mock-providers/src/main.ts), in Node and
// Chromium: the shared matrix, then what the Messages API body carries.
const MODEL = 'claude-haiku-4-5';
const API_KEY = 'sk-ant-api03-tools-secret-5555';

/** The body fields of a recorded request. */
interface RecordedBody {
  tools?: {name: string; description?: string; input_schema: unknown; eager_input_streaming?: boolean}[];
  tool_choice?: unknown;
  messages: {role: string; content: unknown}[];
}

function create(options: AnthropicOptions = {}) {
  return createAnthropicLlm(MODEL, {apiKey: API_KEY, ...options, baseURL: MOCK_PROVIDERS_URL});
}

/** Streams a request with the matrix's tools and returns its chunks and the body the mock received. */
async function send(
  scenario: Omit<MockScenario, 'tag'>,
  request: Parameters<typeof scenarioRequest>[1] = {},
  options: AnthropicOptions = {},
): Promise<{chunks: readonly LlmChunk[]; body: RecordedBody}> {
  const tag = uniqueTag('anthropic-tools', 'body');
  const outcome = await runStream(
    create(options).stream(
      scenarioRequest({tag, ...scenario}, {userPrompt: 'Weather?', tools: [WEATHER_TOOL, CLOCK_TOOL], ...request}),
    ),
  );
  expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
  const [record] = await fetchMockRequests(tag);
  return {chunks: outcome.chunks, body: record.body as RecordedBody};
}

describe('createAnthropicLlm tool calls against the mock server', () => {
  describeToolCallMatrix({
    label: 'anthropic',
    provider: 'anthropic',
    model: MODEL,
    apiKey: API_KEY,
    create: options => createAnthropicLlm(MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
    toolNamesInBody: body => ((body as RecordedBody).tools ?? []).map(tool => tool.name),
  });

  it('sends each tool with its description, input schema and eager input streaming, and no tool_choice', async () => {
    const {body} = await send({});
    expect(body.tools).toEqual([
      {
        name: 'weather',
        description: 'The weather in a city today.',
        input_schema: jasmine.objectContaining({type: 'object', required: ['city']}),
        eager_input_streaming: true,
      },
      {
        name: 'clock',
        description: 'The current time in a time zone.',
        input_schema: {
          type: 'object',
          properties: {zone: {type: 'string'}},
          required: ['zone'],
          additionalProperties: false,
        },
        eager_input_streaming: true,
      },
    ]);
    expect(body.tool_choice).toBeUndefined();
  });

  it('leaves eager_input_streaming out with the option eagerInputStreaming: false', async () => {
    const {body} = await send({}, {}, {eagerInputStreaming: false});
    expect(body.tools?.map(tool => 'eager_input_streaming' in tool)).toEqual([false, false]);
  });

  it('sends each tool choice, and parallelToolCalls: false as disable_parallel_tool_use', async () => {
    const choiceOf = async (request: Parameters<typeof scenarioRequest>[1]) =>
      (await send({text: 'Fine.'}, request)).body.tool_choice;
    expect(await choiceOf({toolChoice: 'auto'})).toEqual({type: 'auto'});
    expect(await choiceOf({toolChoice: 'required'})).toEqual({type: 'any'});
    expect(await choiceOf({toolChoice: {tool: 'clock'}})).toEqual({type: 'tool', name: 'clock'});
    expect(await choiceOf({toolChoice: 'none'})).toEqual({type: 'none'});
    expect(await choiceOf({parallelToolCalls: false})).toEqual({type: 'auto', disable_parallel_tool_use: true});
    expect(await choiceOf({toolChoice: 'required', parallelToolCalls: false})).toEqual({
      type: 'any',
      disable_parallel_tool_use: true,
    });
    expect(await choiceOf({toolChoice: {tool: 'weather'}, parallelToolCalls: false})).toEqual({
      type: 'tool',
      name: 'weather',
      disable_parallel_tool_use: true,
    });
    expect(await choiceOf({parallelToolCalls: true})).toBeUndefined();
  });

  it('sends the tool calls as tool_use blocks after the text, and their results as one user turn', async () => {
    const messages: LlmMessage[] = [
      ...weatherAndClockTurn({weatherId: 'toolu_w1', clockId: 'call:c1', clock: 'no clock here', clockFailed: true}),
      {role: 'user', content: 'And in Celsius, please.'},
    ];
    const {body} = await send({text: 'Sunny, 21 °C.'}, {userPrompt: undefined, messages});
    expect(body.messages).toEqual([
      {role: 'user', content: 'Weather in Paris and the time in Tokyo?'},
      {
        role: 'assistant',
        content: [
          {type: 'text', text: 'Let me look.'},
          {type: 'tool_use', id: 'toolu_w1', name: 'weather', input: {city: 'Paris', unit: 'celsius'}},
          {type: 'tool_use', id: 'call_c1', name: 'clock', input: {zone: 'Asia/Tokyo'}},
        ],
      },
      {
        role: 'user',
        content: [
          {type: 'tool_result', tool_use_id: 'toolu_w1', content: '{"temperature":21}'},
          {type: 'tool_result', tool_use_id: 'call_c1', content: 'no clock here', is_error: true},
          {type: 'text', text: 'And in Celsius, please.'},
        ],
      },
    ]);
  });

  it("keeps a call's thinking in its providerData and sends it back before the call, signature and all", async () => {
    const first = await send({reasoning: 2, toolArgs: '{"city": "Paris"}'});
    const end = first.chunks.find((chunk): chunk is LlmToolCallEnd => chunk.type === 'tool-call-end');
    const thinking = [
      {type: 'thinking', thinking: 'Thinking about the question. Step 2.', signature: jasmine.any(String)},
    ];
    expect(end?.providerData).toEqual({anthropic: {thinking}});
    const next = await send(
      {text: 'Sunny.'},
      {
        userPrompt: undefined,
        messages: [
          {role: 'user', content: 'Weather?'},
          {
            role: 'assistant',
            content: '',
            toolCalls: [
              {toolCallId: end!.toolCallId, toolName: 'weather', input: end!.input, providerData: end!.providerData},
            ],
          },
          {role: 'tool', toolCallId: end!.toolCallId, toolName: 'weather', output: 'sunny'},
        ],
      },
    );
    expect(next.body.messages[1]).toEqual({
      role: 'assistant',
      content: [
        ...thinking,
        {type: 'tool_use', id: end!.toolCallId, name: 'weather', input: {city: 'Paris', unit: 'celsius'}},
      ],
    });
  });

  it('streams the text before the calls, then the calls, from their own blocks', async () => {
    const {chunks} = await send({text: 'Let me look.', toolCalls: 2});
    const types = chunks.map(chunk => chunk.type);
    expect(types.lastIndexOf('text-delta')).toBeLessThan(types.indexOf('tool-call-start'));
    expect(chunks.filter(chunk => chunk.type === 'tool-call-end').length).toBe(2);
    const usage = chunks.at(-1);
    expect(usage?.type === 'usage' && usage.usage.finishReason).toEqual({unified: 'tool-calls', raw: 'tool_use'});
  });
});
