import type {LlmRequest, ResolvedLlmTool} from 'llm-rx';
import type {AnthropicOptions} from './anthropic-options';
import {toAnthropicToolChoice, toAnthropicToolFields, toAnthropicToolInputSchema} from './anthropic-tools';

const SCHEMA = {type: 'object' as const, properties: {city: {type: 'string'}}, required: ['city']};
const TOOLS: ResolvedLlmTool[] = [
  {name: 'weather', description: 'The weather in a city.', jsonSchema: SCHEMA},
  {name: 'clock', jsonSchema: {type: 'object'}},
];

function fieldsOf(
  request: Partial<LlmRequest> = {},
  options: AnthropicOptions = {},
  tools: readonly ResolvedLlmTool[] | undefined = TOOLS,
) {
  return toAnthropicToolFields({request: {userPrompt: 'Hi', ...request}, tools, options});
}

describe('toAnthropicToolFields', () => {
  it('sends each tool with its name, description and input schema, streaming its input eagerly', () => {
    expect(fieldsOf()).toEqual({
      tools: [
        {name: 'weather', description: 'The weather in a city.', input_schema: SCHEMA, eager_input_streaming: true},
        {name: 'clock', input_schema: {type: 'object'}, eager_input_streaming: true},
      ],
    });
  });

  it('leaves eager_input_streaming out with the option eagerInputStreaming: false', () => {
    expect(fieldsOf({}, {eagerInputStreaming: false})?.tools).toEqual([
      {name: 'weather', description: 'The weather in a city.', input_schema: SCHEMA},
      {name: 'clock', input_schema: {type: 'object'}},
    ]);
    expect(fieldsOf({}, {eagerInputStreaming: true})?.tools.every(tool => tool.eager_input_streaming)).toBeTrue();
  });

  it('sends the tool choice beside the tools', () => {
    expect(fieldsOf({toolChoice: 'required', parallelToolCalls: false})?.tool_choice).toEqual({
      type: 'any',
      disable_parallel_tool_use: true,
    });
  });

  it('sends nothing for a request without tools, or with none', () => {
    expect(toAnthropicToolFields({request: {userPrompt: 'Hi'}, tools: undefined, options: {}})).toBeUndefined();
    expect(fieldsOf({toolChoice: 'none'}, {}, [])).toBeUndefined();
  });
});

describe('toAnthropicToolChoice', () => {
  it('maps auto, required, a named tool and none', () => {
    expect(toAnthropicToolChoice('auto', undefined)).toEqual({type: 'auto'});
    expect(toAnthropicToolChoice('required', undefined)).toEqual({type: 'any'});
    expect(toAnthropicToolChoice({tool: 'clock'}, undefined)).toEqual({type: 'tool', name: 'clock'});
    expect(toAnthropicToolChoice('none', undefined)).toEqual({type: 'none'});
  });

  it('sends parallelToolCalls: false as disable_parallel_tool_use in the choice, and true as nothing', () => {
    expect(toAnthropicToolChoice(undefined, false)).toEqual({type: 'auto', disable_parallel_tool_use: true});
    expect(toAnthropicToolChoice('auto', false)).toEqual({type: 'auto', disable_parallel_tool_use: true});
    expect(toAnthropicToolChoice('required', false)).toEqual({type: 'any', disable_parallel_tool_use: true});
    expect(toAnthropicToolChoice({tool: 'clock'}, false)).toEqual({
      type: 'tool',
      name: 'clock',
      disable_parallel_tool_use: true,
    });
    // `none` calls no tool, and its choice has no such field.
    expect(toAnthropicToolChoice('none', false)).toEqual({type: 'none'});
    expect(toAnthropicToolChoice(undefined, true)).toBeUndefined();
    expect(toAnthropicToolChoice('required', true)).toEqual({type: 'any'});
    expect(toAnthropicToolChoice(undefined, undefined)).toBeUndefined();
  });
});

describe('toAnthropicToolInputSchema', () => {
  it('sends a schema as it is, nested combinators and constraints included', () => {
    const schema = {
      type: 'object' as const,
      properties: {when: {anyOf: [{type: 'string'}, {type: 'number', minimum: 0}]}},
      additionalProperties: false,
    };
    expect(toAnthropicToolInputSchema(schema)).toEqual(schema);
  });

  it('writes oneOf, anyOf and allOf of the root, which the API refuses there, into its description', () => {
    const schema = {
      type: 'object',
      description: 'A place.',
      properties: {city: {type: 'string'}, zip: {type: 'string'}},
      anyOf: [{required: ['city']}, {required: ['zip']}],
    };
    expect(toAnthropicToolInputSchema(schema)).toEqual({
      type: 'object',
      description: 'A place.\n\n{anyOf: [{"required":["city"]},{"required":["zip"]}]}',
      properties: {city: {type: 'string'}, zip: {type: 'string'}},
    });
    expect(schema.anyOf).toBeDefined();
    expect(toAnthropicToolInputSchema({type: 'object', oneOf: [{}], allOf: [{}]})).toEqual({
      type: 'object',
      description: '{oneOf: [{}], allOf: [{}]}',
    });
  });
});
