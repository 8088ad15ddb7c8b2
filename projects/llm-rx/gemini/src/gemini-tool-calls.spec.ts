import type {LlmMessage, LlmToolCallEnd} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL, type MockScenario} from '@llm-rx/mock-providers';
import {
  CLOCK_TOOL,
  describeToolCallMatrix,
  runStream,
  scenarioRequest,
  uniqueTag,
  WEATHER_TOOL,
} from '@llm-rx/spec-support';
import {createGeminiLlm} from './gemini-provider';

// Tool calls of the real @google/genai SDK against the mock provider server: the shared matrix, then what is
// Gemini's own (whole calls, function calling modes, thought signatures, grouped function responses).

const MODEL = 'gemini-2.5-flash';
const API_KEY = 'AIza-llm-rx-spec-secret-0123456789';

interface GeminiBody {
  readonly tools?: {
    readonly functionDeclarations?: {name: string; description?: string; parametersJsonSchema?: unknown}[];
  }[];
  readonly toolConfig?: {readonly functionCallingConfig?: {mode?: string; allowedFunctionNames?: string[]}};
  readonly contents?: {readonly role: string; readonly parts: Record<string, unknown>[]}[];
}

function declarationsIn(body: unknown) {
  return ((body as GeminiBody).tools ?? []).flatMap(tool => tool.functionDeclarations ?? []);
}

function llm() {
  return createGeminiLlm(MODEL, {apiKey: API_KEY, baseURL: MOCK_PROVIDERS_URL});
}

async function bodyOf(
  scenario: MockScenario & {readonly tag: string},
  request: Parameters<typeof scenarioRequest>[1],
): Promise<GeminiBody> {
  const outcome = await runStream(llm().stream(scenarioRequest(scenario, request)));
  expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
  const [record] = await fetchMockRequests(scenario.tag);
  return record.body as GeminiBody;
}

describe('createGeminiLlm tool calls against the mock provider server', () => {
  describeToolCallMatrix({
    label: 'gemini',
    provider: 'gemini',
    model: MODEL,
    apiKey: API_KEY,
    create: options => createGeminiLlm(MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
    toolNamesInBody: body => declarationsIn(body).map(declaration => declaration.name),
    wholeCalls: true,
  });

  const tools = [WEATHER_TOOL, CLOCK_TOOL];
  const tag = (name: string) => uniqueTag('gemini-tools-own', name);

  it('sends each tool as a function declaration with its JSON Schema adapted for Gemini', async () => {
    const body = await bodyOf({tag: tag('declarations')}, {userPrompt: 'Weather?', tools});
    expect(body.tools?.length).toBe(1);
    expect(declarationsIn(body)).toEqual([
      {
        name: 'weather',
        description: 'The weather in a city today.',
        parametersJsonSchema: jasmine.objectContaining({
          type: 'object',
          properties: {
            city: {type: 'string'},
            unit: jasmine.objectContaining({type: 'string', enum: ['celsius', 'fahrenheit']}),
          },
          propertyOrdering: ['city', 'unit'],
        }),
      },
      {
        name: 'clock',
        description: 'The current time in a time zone.',
        parametersJsonSchema: {
          type: 'object',
          properties: {zone: {type: 'string'}},
          required: ['zone'],
          additionalProperties: false,
        },
      },
    ]);
    expect(body.toolConfig).toBeUndefined();
  });

  it('sends auto, required and a named choice as the function calling modes AUTO, ANY and ANY of one', async () => {
    const configOf = async (name: string, toolChoice: 'auto' | 'required' | {tool: string}) =>
      (await bodyOf({tag: tag(name)}, {userPrompt: 'Weather?', tools, toolChoice})).toolConfig;
    expect(await configOf('auto', 'auto')).toEqual({functionCallingConfig: {mode: 'AUTO'}});
    expect(await configOf('required', 'required')).toEqual({functionCallingConfig: {mode: 'ANY'}});
    expect(await configOf('named', {tool: 'weather'})).toEqual({
      functionCallingConfig: {mode: 'ANY', allowedFunctionNames: ['weather']},
    });
  });

  it('warns once per model that parallelToolCalls: false is not sent, and sends nothing for it', async () => {
    const warn = spyOn(console, 'warn');
    const model = llm();
    for (const name of ['parallel-1', 'parallel-2']) {
      const scenarioTag = tag(name);
      const outcome = await runStream(
        model.stream(scenarioRequest({tag: scenarioTag}, {userPrompt: 'Weather?', tools, parallelToolCalls: false})),
      );
      expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
      const [record] = await fetchMockRequests(scenarioTag);
      expect(JSON.stringify(record.body)).not.toMatch(/parallel/i);
    }
    expect(warn).toHaveBeenCalledOnceWith(jasmine.stringContaining('parallelToolCalls: false is not sent'));
  });

  it("sends a streamed call back with its id and thought signature, and the turn's results in one content", async () => {
    const first = await runStream(
      llm().stream(scenarioRequest({tag: tag('signature-1'), toolCalls: 2}, {userPrompt: 'Weather?', tools})),
    );
    expect(first.error).withContext(String(first.error)).toBeUndefined();
    const ends = first.chunks.filter((chunk): chunk is LlmToolCallEnd => chunk.type === 'tool-call-end');
    expect(ends.length).toBe(2);
    const signature = (ends[0].providerData?.['gemini'] as {thoughtSignature?: string} | undefined)?.thoughtSignature;
    expect(signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(ends[1].providerData).toBeUndefined();

    const messages: LlmMessage[] = [
      {role: 'user', content: 'Weather?'},
      {
        role: 'assistant',
        content: '',
        toolCalls: ends.map(({toolCallId, toolName, input, providerData}) => ({
          toolCallId,
          toolName,
          input,
          ...(providerData && {providerData}),
        })),
      },
      ...ends.map((end, index): LlmMessage => ({
        role: 'tool',
        toolCallId: end.toolCallId,
        toolName: end.toolName,
        output: index === 0 ? {sky: 'clear'} : 'no such zone',
        isError: index === 1,
      })),
    ];
    const body = await bodyOf({tag: tag('signature-2'), text: 'Clear.'}, {messages, tools});
    expect(body.contents?.map(content => content.role)).toEqual(['user', 'model', 'user']);
    expect(body.contents?.[1].parts).toEqual([
      {
        functionCall: {id: ends[0].toolCallId, name: 'weather', args: ends[0].input},
        thoughtSignature: signature,
      },
      {functionCall: {id: ends[1].toolCallId, name: 'clock', args: ends[1].input}},
    ]);
    expect(body.contents?.[2].parts).toEqual([
      {functionResponse: {id: ends[0].toolCallId, name: 'weather', response: {output: {sky: 'clear'}}}},
      {functionResponse: {id: ends[1].toolCallId, name: 'clock', response: {error: 'no such zone'}}},
    ]);
  });
});
