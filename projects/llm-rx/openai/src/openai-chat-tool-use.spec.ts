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

const API_KEY = 'sk-openai-chat-tools-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/v1`;

/** The tool fields and messages of a Chat Completions body. */
interface ChatToolBody {
  readonly tools?: {type: string; function: {name: string} & Record<string, unknown>}[];
  readonly tool_choice?: unknown;
  readonly parallel_tool_calls?: unknown;
  readonly messages: unknown[];
}

describe('OpenAI Chat Completions tool calls against the mock server', () => {
  describeToolCallMatrix({
    label: 'openai-chat',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    apiKey: API_KEY,
    create: options => createOpenAiLlm('gpt-4.1-mini', {...options, api: 'chat', baseURL: BASE_URL}),
    toolNamesInBody: body => ((body as ChatToolBody).tools ?? []).map(tool => tool.function.name),
  });

  const llm = () => createOpenAiLlm('gpt-4.1-mini', {api: 'chat', apiKey: API_KEY, baseURL: BASE_URL});
  const bodyOf = async (scenario: MockScenario, request: Partial<LlmRequest>) => {
    const outcome = await runStream(llm().stream(scenarioRequest(scenario, request)));
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [record] = await fetchMockRequests(scenario.tag ?? '');
    return record.body as ChatToolBody;
  };

  it('sends each tool as a non-strict function, the named choice and the parallel flag', async () => {
    const body = await bodyOf(
      {tag: uniqueTag('openai-chat-tools', 'body')},
      {
        userPrompt: 'Weather?',
        tools: [WEATHER_TOOL, CLOCK_TOOL],
        toolChoice: {tool: 'weather'},
        parallelToolCalls: false,
      },
    );
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'The weather in a city today.',
          parameters: jasmine.objectContaining({type: 'object', required: ['city']}),
          strict: false,
        },
      },
      {
        type: 'function',
        function: {
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
      },
    ]);
    expect(body.tool_choice).toEqual({type: 'function', function: {name: 'weather'}});
    expect(body.parallel_tool_calls).toBeFalse();
  });

  it('sends required as it is, and no choice or parallel flag without tools', async () => {
    const required = await bodyOf(
      {tag: uniqueTag('openai-chat-tools', 'required')},
      {userPrompt: 'Weather?', tools: [WEATHER_TOOL], toolChoice: 'required'},
    );
    expect(required.tool_choice).toBe('required');
    expect('parallel_tool_calls' in required).toBeFalse();
    const none = await bodyOf(
      {tag: uniqueTag('openai-chat-tools', 'no-tools')},
      {userPrompt: 'Hi', toolChoice: 'none'},
    );
    expect('tools' in none || 'tool_choice' in none).toBeFalse();
  });

  it('sends the assistant tool calls as tool_calls and each result as a tool message', async () => {
    const messages: LlmMessage[] = [
      {role: 'user', content: 'Weather in Paris?'},
      {
        role: 'assistant',
        content: '',
        toolCalls: [{toolCallId: 'call_w1', toolName: 'weather', input: {city: 'Paris'}}],
      },
      {role: 'tool', toolCallId: 'call_w1', toolName: 'weather', output: {temperature: 21}, isError: true},
    ];
    const body = await bodyOf(
      {tag: uniqueTag('openai-chat-tools', 'history'), text: 'Sunny.'},
      {systemPrompt: 'Be brief.', messages, tools: [WEATHER_TOOL]},
    );
    expect(body.messages).toEqual([
      {role: 'system', content: 'Be brief.'},
      {role: 'user', content: 'Weather in Paris?'},
      {
        role: 'assistant',
        content: null,
        tool_calls: [{id: 'call_w1', type: 'function', function: {name: 'weather', arguments: '{"city":"Paris"}'}}],
      },
      {role: 'tool', tool_call_id: 'call_w1', content: '{"temperature":21}'},
    ]);
  });

  it('streams text before the calls, and the calls with their call_ ids', async () => {
    const outcome = await runStream(
      llm().stream(
        scenarioRequest(
          {tag: uniqueTag('openai-chat-tools', 'text-first'), text: 'Let me check.', toolCalls: 2},
          {userPrompt: 'Weather?', tools: [WEATHER_TOOL, CLOCK_TOOL]},
        ),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const types = outcome.chunks.map(chunk => chunk.type);
    expect(types.indexOf('text-delta')).toBeLessThan(types.indexOf('tool-call-start'));
    const starts = outcome.chunks.filter(chunk => chunk.type === 'tool-call-start');
    expect(starts.map(start => start.toolCallId)).toEqual([
      jasmine.stringMatching(/^call_.+t0$/),
      jasmine.stringMatching(/^call_.+t1$/),
    ]);
  });
});
