import {LlmInvalidRequestError, resolveProviderCall, type LlmRequest, type LlmTool} from 'llm-rx';
import {toCohereTools, type CohereToolsCall} from './cohere-tools';

const WEATHER_SCHEMA = {
  type: 'object',
  properties: {city: {type: 'string', minLength: 1}, days: {type: 'integer', maximum: 7}},
  required: ['city'],
};
const CLOCK_SCHEMA = {type: 'object', properties: {zone: {type: 'string'}}};
const WEATHER: LlmTool = {name: 'weather', description: 'The weather in a city.', inputSchema: WEATHER_SCHEMA};
const CLOCK: LlmTool = {name: 'clock', inputSchema: CLOCK_SCHEMA};

/** The call the core would give `open`, with a `warnOnce` that records its warnings. */
function callOf(request: Partial<LlmRequest>, warnings: string[] = []): CohereToolsCall {
  return resolveProviderCall({
    client: undefined,
    provider: 'cohere',
    model: 'command-a-03-2025',
    request: {userPrompt: 'Weather?', ...request} as LlmRequest,
    options: {},
    signal: new AbortController().signal,
    warnOnce: (key, message) => warnings.push(`${key}: ${message}`),
  });
}

describe('toCohereTools', () => {
  it('sends nothing without tools', () => {
    expect(toCohereTools(callOf({}))).toEqual({});
  });

  it('sends each tool as a function with its name, description and JSON Schema as it is', () => {
    expect(toCohereTools(callOf({tools: [WEATHER, CLOCK]}))).toEqual({
      tools: [
        {
          type: 'function',
          function: {name: 'weather', description: 'The weather in a city.', parameters: WEATHER_SCHEMA},
        },
        {type: 'function', function: {name: 'clock', parameters: CLOCK_SCHEMA}},
      ],
    });
  });

  it('leaves auto out, and sends none as NONE and required as REQUIRED with every tool', () => {
    const tools = [WEATHER, CLOCK];
    expect(toCohereTools(callOf({tools, toolChoice: 'auto'})).toolChoice).toBeUndefined();
    const none = toCohereTools(callOf({tools, toolChoice: 'none'}));
    expect(none.toolChoice).toBe('NONE');
    expect(none.tools?.length).toBe(2);
    const required = toCohereTools(callOf({tools, toolChoice: 'required'}));
    expect(required.toolChoice).toBe('REQUIRED');
    expect(required.tools?.length).toBe(2);
  });

  it('sends a named tool alone with REQUIRED, and says so', () => {
    const warnings: string[] = [];
    const fields = toCohereTools(callOf({tools: [WEATHER, CLOCK], toolChoice: {tool: 'clock'}}, warnings));
    expect(fields.toolChoice).toBe('REQUIRED');
    expect(fields.tools?.map(tool => tool.function?.name)).toEqual(['clock']);
    expect(warnings).toEqual([jasmine.stringMatching(/^toolChoice: .*cannot force a named tool.*"clock"/)]);
  });

  it('warns that parallelToolCalls: false is not sent, and sends nothing for it', () => {
    const warnings: string[] = [];
    const fields = toCohereTools(callOf({tools: [WEATHER], parallelToolCalls: false}, warnings));
    expect(Object.keys(fields)).toEqual(['tools']);
    expect(warnings).toEqual([jasmine.stringMatching(/^parallelToolCalls: .*no switch for parallel tool calls/)]);
    const quiet: string[] = [];
    toCohereTools(callOf({tools: [WEATHER], parallelToolCalls: true}, quiet));
    expect(quiet).toEqual([]);
  });

  it('sends the strictTools subset, optional parameters still optional, for providerOptions.cohere.strictTools', () => {
    const fields = toCohereTools(callOf({tools: [WEATHER], providerOptions: {cohere: {strictTools: true}}}));
    expect(fields.tools?.[0].function?.parameters).toEqual({
      type: 'object',
      properties: {city: {type: 'string'}, days: {type: 'integer'}},
      required: ['city'],
    });
  });

  it('refuses a strictTools tool without a required parameter, naming its schema', () => {
    const call = callOf({tools: [WEATHER, CLOCK], providerOptions: {cohere: {strictTools: true}}});
    expect(() => toCohereTools(call)).toThrowMatching(
      error =>
        LlmInvalidRequestError.isInstance(error) &&
        error.field === 'tools[1].inputSchema' &&
        error.message.includes('"clock"'),
    );
  });
});
