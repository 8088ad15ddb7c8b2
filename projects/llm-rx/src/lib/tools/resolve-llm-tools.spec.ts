import {LlmInvalidRequestError} from 'llm-rx';
import {z} from 'zod';
import {resolveLlmTools} from './resolve-llm-tools';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return LlmInvalidRequestError.isInstance(error) ? error.field : `not an LlmInvalidRequestError: ${String(error)}`;
  }
  return undefined;
};

describe('resolveLlmTools', () => {
  it("gives each tool's name, description and input JSON Schema, from a Standard Schema or a JSON Schema", () => {
    const tools = resolveLlmTools({
      tools: [
        {name: 'weather', description: 'Today', inputSchema: z.object({city: z.string()})},
        {name: 'clock', inputSchema: {$schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object'}},
      ],
    });
    expect(tools?.map(tool => tool.name)).toEqual(['weather', 'clock']);
    expect(tools?.[0].description).toBe('Today');
    expect(tools?.[0].jsonSchema['properties']).toEqual({city: {type: 'string'}});
    expect(tools?.[1].jsonSchema).toEqual({type: 'object'});
  });

  it('gives undefined without tools', () => {
    expect(resolveLlmTools({})).toBeUndefined();
  });

  it('names the field at fault', () => {
    const object = {type: 'object'};
    expect(fieldOf(() => resolveLlmTools({tools: [{name: 'a', inputSchema: {type: 'string'}}]}))).toBe(
      'tools[0].inputSchema',
    );
    expect(fieldOf(() => resolveLlmTools({tools: [{name: 'a', inputSchema: object, description: 3 as never}]}))).toBe(
      'tools[0].description',
    );
    expect(fieldOf(() => resolveLlmTools({tools: [{name: 'a', inputSchema: object, execute: 'run' as never}]}))).toBe(
      'tools[0].execute',
    );
    expect(fieldOf(() => resolveLlmTools({tools: [null as never]}))).toBe('tools[0]');
    expect(fieldOf(() => resolveLlmTools({parallelToolCalls: 'yes' as never}))).toBe('parallelToolCalls');
    expect(fieldOf(() => resolveLlmTools({toolChoice: 'required'}))).toBe('toolChoice');
    expect(
      fieldOf(() => resolveLlmTools({tools: [{name: 'a', inputSchema: object}], toolChoice: 'any' as never})),
    ).toBe('toolChoice');
    expect(fieldOf(() => resolveLlmTools({tools: [{name: 'a', inputSchema: object}], toolChoice: {tool: 'a'}}))).toBe(
      undefined,
    );
  });
});
