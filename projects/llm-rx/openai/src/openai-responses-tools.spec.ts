import type {LlmRequest, ResolvedLlmTool} from 'llm-rx';
import {toOpenAiResponsesTools} from './openai-responses-tools';

const CLOCK: ResolvedLlmTool = {
  name: 'clock',
  description: 'The time in a zone.',
  jsonSchema: {type: 'object', properties: {zone: {type: 'string'}}},
};

const fieldsOf = (request: LlmRequest, tools: readonly ResolvedLlmTool[] | undefined = [CLOCK]) =>
  toOpenAiResponsesTools({request, tools});
const withoutTools = (request: LlmRequest) => toOpenAiResponsesTools({request, tools: undefined});

describe('toOpenAiResponsesTools', () => {
  it('sends each tool as a flat non-strict function, its schema as it is', () => {
    expect(fieldsOf({userPrompt: 'Hi'}, [CLOCK, {name: 'noop', jsonSchema: {type: 'object'}}])).toEqual({
      tools: [
        {
          type: 'function',
          name: 'clock',
          description: 'The time in a zone.',
          parameters: CLOCK.jsonSchema,
          strict: false,
        },
        {type: 'function', name: 'noop', parameters: {type: 'object'}, strict: false},
      ],
    });
  });

  it('maps each tool choice and the parallel flag, and sends neither without tools', () => {
    const choiceOf = (toolChoice: LlmRequest['toolChoice']) => fieldsOf({userPrompt: 'Hi', toolChoice}).tool_choice;
    expect(choiceOf('auto')).toBe('auto');
    expect(choiceOf('none')).toBe('none');
    expect(choiceOf('required')).toBe('required');
    expect(choiceOf({tool: 'clock'})).toEqual({type: 'function', name: 'clock'});
    expect(fieldsOf({userPrompt: 'Hi', parallelToolCalls: false}).parallel_tool_calls).toBeFalse();
    expect(withoutTools({userPrompt: 'Hi', toolChoice: 'none', parallelToolCalls: true})).toEqual({});
  });
});
