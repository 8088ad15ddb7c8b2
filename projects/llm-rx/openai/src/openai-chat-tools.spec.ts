import type {LlmRequest, ResolvedLlmTool} from 'llm-rx';
import {type OpenAiChatToolDialect, toOpenAiChatTools} from './openai-chat-tools';

const WEATHER: ResolvedLlmTool = {
  name: 'weather',
  description: 'The weather in a city.',
  jsonSchema: {type: 'object', properties: {city: {type: 'string'}, unit: {type: 'string'}}, required: ['city']},
};
const CLOCK: ResolvedLlmTool = {name: 'clock', jsonSchema: {type: 'object', properties: {}}};

/** The fields for a request, with a spy for warnOnce. */
function fieldsOf(request: LlmRequest, tools: readonly ResolvedLlmTool[] | undefined, dialect?: OpenAiChatToolDialect) {
  const warnOnce = jasmine.createSpy('warnOnce');
  const fields = toOpenAiChatTools({provider: 'deepseek', model: 'deepseek-chat', request, tools, warnOnce}, dialect);
  return {fields, warnOnce};
}

describe('toOpenAiChatTools', () => {
  it('sends each tool as a non-strict function with its schema as it is, and no choice unless given', () => {
    const {fields} = fieldsOf({userPrompt: 'Hi'}, [WEATHER, CLOCK]);
    expect(fields).toEqual({
      tools: [
        {
          type: 'function',
          function: {
            name: 'weather',
            description: 'The weather in a city.',
            parameters: WEATHER.jsonSchema,
            strict: false,
          },
        },
        // An optional property stays optional: not strict, so the schema is not made all-required and nullable.
        {type: 'function', function: {name: 'clock', parameters: CLOCK.jsonSchema, strict: false}},
      ],
    });
  });

  it('maps each tool choice and the parallel flag', () => {
    const choiceOf = (toolChoice: LlmRequest['toolChoice']) =>
      fieldsOf({userPrompt: 'Hi', toolChoice}, [WEATHER]).fields.tool_choice;
    expect(choiceOf('auto')).toBe('auto');
    expect(choiceOf('none')).toBe('none');
    expect(choiceOf('required')).toBe('required');
    expect(choiceOf({tool: 'weather'})).toEqual({type: 'function', function: {name: 'weather'}});
    expect(fieldsOf({userPrompt: 'Hi', parallelToolCalls: false}, [WEATHER]).fields.parallel_tool_calls).toBeFalse();
    expect(fieldsOf({userPrompt: 'Hi', parallelToolCalls: true}, [WEATHER]).fields.parallel_tool_calls).toBeTrue();
  });

  it('sends nothing without tools, not even a choice or the parallel flag', () => {
    const {fields, warnOnce} = fieldsOf({userPrompt: 'Hi', toolChoice: 'none', parallelToolCalls: true}, undefined, {
      parallelToolCalls: false,
    });
    expect(fields).toEqual({});
    expect(warnOnce).not.toHaveBeenCalled();
  });

  it('leaves parallel_tool_calls and strict out for a service without them, warning about a parallel flag given', () => {
    const dialect = {parallelToolCalls: false, strictField: false};
    const {fields, warnOnce} = fieldsOf({userPrompt: 'Hi', parallelToolCalls: false}, [CLOCK], dialect);
    expect(fields).toEqual({tools: [{type: 'function', function: {name: 'clock', parameters: CLOCK.jsonSchema}}]});
    expect(warnOnce).toHaveBeenCalledOnceWith(
      'parallelToolCalls',
      'llm-rx: deepseek has no parallel_tool_calls; parallelToolCalls is not sent (model deepseek-chat).',
    );
    expect(fieldsOf({userPrompt: 'Hi'}, [CLOCK], dialect).warnOnce).not.toHaveBeenCalled();
  });
});
