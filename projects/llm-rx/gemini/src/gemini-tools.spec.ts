import {llmJsonSchema, type LlmRequest, type LlmTool, resolveProviderCall} from 'llm-rx';
import {z} from 'zod';
import {toGeminiToolConfig} from './gemini-tools';

const WEATHER: LlmTool = {
  name: 'weather',
  description: 'The weather in a city.',
  inputSchema: z.object({city: z.string().min(1), unit: z.enum(['c', 'f']).optional()}),
};
const CLOCK: LlmTool = {
  name: 'clock',
  inputSchema: llmJsonSchema({type: 'object', properties: {zone: {type: 'string', pattern: '^[A-Z]'}}}),
};

describe('toGeminiToolConfig', () => {
  const signal = new AbortController().signal;
  const configOf = (request: Partial<LlmRequest>, warn = jasmine.createSpy('warnOnce')) =>
    toGeminiToolConfig(
      resolveProviderCall({
        client: undefined,
        provider: 'gemini',
        model: 'gemini-2.5-flash',
        request: {userPrompt: 'Hi', ...request},
        options: {},
        signal,
        warnOnce: warn,
      }),
    );

  it('sends nothing for a request without tools, even with a tool choice', () => {
    expect(configOf({})).toEqual({});
    expect(configOf({toolChoice: 'none'})).toEqual({});
  });

  it('sends the tools as one list of function declarations with their adapted JSON Schema', () => {
    expect(configOf({tools: [WEATHER, CLOCK]})).toEqual({
      tools: [
        {
          functionDeclarations: [
            {
              name: 'weather',
              description: 'The weather in a city.',
              parametersJsonSchema: {
                type: 'object',
                properties: {city: {type: 'string'}, unit: {type: 'string', enum: ['c', 'f']}},
                required: ['city'],
                propertyOrdering: ['city', 'unit'],
              },
            },
            // No description key without one; `pattern` is one of the keywords Gemini refuses.
            {name: 'clock', parametersJsonSchema: {type: 'object', properties: {zone: {type: 'string'}}}},
          ],
        },
      ],
    });
  });

  it('maps each tool choice to a function calling mode', () => {
    const modeOf = (toolChoice: LlmRequest['toolChoice']) =>
      configOf({tools: [WEATHER, CLOCK], toolChoice}).toolConfig?.functionCallingConfig;
    expect(modeOf('auto')).toEqual({mode: 'AUTO' as never});
    expect(modeOf('none')).toEqual({mode: 'NONE' as never});
    expect(modeOf('required')).toEqual({mode: 'ANY' as never});
    expect(modeOf({tool: 'clock'})).toEqual({mode: 'ANY' as never, allowedFunctionNames: ['clock']});
    expect(configOf({tools: [WEATHER]}).toolConfig).toBeUndefined();
  });

  it('warns that parallelToolCalls: false is not sent, and sends nothing for it', () => {
    const warn = jasmine.createSpy('warnOnce');
    const config = configOf({tools: [WEATHER], parallelToolCalls: false}, warn);
    expect(warn).toHaveBeenCalledOnceWith('parallelToolCalls', jasmine.stringContaining('parallelToolCalls: false'));
    expect(config).toEqual(configOf({tools: [WEATHER]}));
    const allowed = jasmine.createSpy('warnOnce');
    configOf({tools: [WEATHER], parallelToolCalls: true}, allowed);
    expect(allowed).not.toHaveBeenCalled();
  });
});
