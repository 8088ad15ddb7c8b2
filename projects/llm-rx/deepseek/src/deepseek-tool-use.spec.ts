import {runTools, type LlmMessage, type LlmTool, type LlmToolCallEnd} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {
  CLOCK_TOOL,
  describeToolCallMatrix,
  runStream,
  scenarioRequest,
  uniqueTag,
  WEATHER_TOOL,
} from '@llm-rx/spec-support';
import {createDeepSeekLlm} from './deepseek-provider';

const API_KEY = 'sk-deepseek-tools-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/deepseek`;

/** The tool fields and messages of a DeepSeek body. */
interface DeepSeekToolBody {
  readonly tools?: {type: string; function: {name: string} & Record<string, unknown>}[];
  readonly tool_choice?: unknown;
  readonly parallel_tool_calls?: unknown;
  readonly messages: Record<string, unknown>[];
}

describe('DeepSeek tool calls against the mock server', () => {
  describeToolCallMatrix({
    label: 'deepseek',
    provider: 'deepseek',
    model: 'deepseek-chat',
    apiKey: API_KEY,
    create: options => createDeepSeekLlm('deepseek-chat', {...options, baseURL: BASE_URL}),
    toolNamesInBody: body => ((body as DeepSeekToolBody).tools ?? []).map(tool => tool.function.name),
  });

  const llm = (model = 'deepseek-chat') => createDeepSeekLlm(model, {apiKey: API_KEY, baseURL: BASE_URL});

  it('sends the tools without strict and the choice, and warns once that parallelToolCalls is not sent', async () => {
    const warn = spyOn(console, 'warn');
    const model = llm();
    const tag = uniqueTag('deepseek-tools', 'body');
    const request = {
      userPrompt: 'Weather?',
      tools: [WEATHER_TOOL],
      toolChoice: 'required',
      parallelToolCalls: false,
    } as const;
    for (const scenarioTag of [tag, `${tag}-again`]) {
      const outcome = await runStream(model.stream(scenarioRequest({tag: scenarioTag}, request)));
      expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    }
    const [record] = await fetchMockRequests(tag);
    const body = record.body as DeepSeekToolBody;
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'The weather in a city today.',
          parameters: jasmine.objectContaining({type: 'object'}),
        },
      },
    ]);
    expect(body.tool_choice).toBe('required');
    expect('parallel_tool_calls' in body).toBeFalse();
    expect(warn).toHaveBeenCalledOnceWith(jasmine.stringMatching(/deepseek has no parallel_tool_calls/));
  });

  it("keeps a reasoner's tool-calling reasoning in providerData and sends it back as reasoning_content", async () => {
    const reasoner = llm('deepseek-reasoner');
    const first = await runStream(
      reasoner.stream(
        scenarioRequest(
          {tag: uniqueTag('deepseek-tools', 'reasoning'), reasoning: 2, toolArgs: '{"city": "Paris"}'},
          {userPrompt: 'Weather in Paris?', tools: [WEATHER_TOOL, CLOCK_TOOL]},
        ),
      ),
    );
    expect(first.error).withContext(String(first.error)).toBeUndefined();
    const [end] = first.chunks.filter((chunk): chunk is LlmToolCallEnd => chunk.type === 'tool-call-end');
    const reasoningContent = 'Thinking about the question. Step 2.';
    expect(end.providerData).toEqual({deepseek: {reasoningContent}});

    const tag = uniqueTag('deepseek-tools', 'reasoning-back');
    const messages: LlmMessage[] = [
      {role: 'user', content: 'Weather in Paris?'},
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          {toolCallId: end.toolCallId, toolName: 'weather', input: end.input, providerData: end.providerData},
        ],
      },
      {role: 'tool', toolCallId: end.toolCallId, toolName: 'weather', output: 'Sunny, 21 °C'},
    ];
    const second = await runStream(
      reasoner.stream(scenarioRequest({tag, text: 'Sunny.'}, {messages, tools: [WEATHER_TOOL, CLOCK_TOOL]})),
    );
    expect(second.error).withContext(String(second.error)).toBeUndefined();
    const [record] = await fetchMockRequests(tag);
    expect((record.body as DeepSeekToolBody).messages[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: end.toolCallId,
          type: 'function',
          function: {name: 'weather', arguments: '{"city":"Paris","unit":"celsius"}'},
        },
      ],
      reasoning_content: reasoningContent,
    });
    expect((record.body as DeepSeekToolBody).messages[2]).toEqual({
      role: 'tool',
      tool_call_id: end.toolCallId,
      content: 'Sunny, 21 °C',
    });
  });

  it('keeps no reasoning for a model that streamed none', async () => {
    const outcome = await runStream(
      llm().stream(
        scenarioRequest(
          {tag: uniqueTag('deepseek-tools', 'no-reasoning')},
          {userPrompt: 'Weather?', tools: [WEATHER_TOOL]},
        ),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const ends = outcome.chunks.filter(chunk => chunk.type === 'tool-call-end');
    expect(ends.length).toBe(1);
    expect(ends[0].providerData).toBeUndefined();
    expect(ends[0].toolCallId).toMatch(/^call_0_.+t0$/);
  });

  it("sends the reasoning back in runTools()' next step, as DeepSeek's thinking mode requires", async () => {
    const tag = uniqueTag('deepseek-tools', 'run-tools');
    const weather: LlmTool = {...WEATHER_TOOL, execute: () => ({temperature: 21})};
    const outcome = await runStream(
      runTools(
        llm('deepseek-reasoner'),
        scenarioRequest({tag, reasoning: 1, toolArgs: '{"city": "Paris"}'}, {userPrompt: 'Weather?', tools: [weather]}),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const records = await fetchMockRequests(tag);
    expect(records.length).toBe(2);
    expect((records[1].body as DeepSeekToolBody).messages[1]).toEqual(
      jasmine.objectContaining({role: 'assistant', reasoning_content: 'Thinking about the question.'}),
    );
  });
});
