import {toStandardJsonSchema} from '@valibot/to-json-schema';
import {type} from 'arktype';
import * as v from 'valibot';
import {z} from 'zod';
import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import type {LlmOutput} from './llm-output';
import {isStandardSchema, resolveLlmOutput} from './resolve-llm-output';

const CONTACT_JSON_SCHEMA = {
  type: 'object',
  properties: {name: {type: 'string'}, email: {type: 'string'}},
  required: ['name'],
};

function refusal(output: unknown): LlmInvalidRequestError {
  try {
    resolveLlmOutput(output as LlmOutput);
  } catch (error) {
    expect(LlmInvalidRequestError.isInstance(error)).withContext(String(error)).toBeTrue();
    return error as LlmInvalidRequestError;
  }
  throw new Error('expected resolveLlmOutput to throw');
}

describe('resolveLlmOutput', () => {
  it("gives a zod schema's input JSON Schema, without $schema, named and described", () => {
    const schema = z.object({name: z.string(), age: z.number().int().default(0)});
    const resolved = resolveLlmOutput({schema, name: 'person', description: 'A person'});
    expect(resolved.name).toBe('person');
    expect(resolved.description).toBe('A person');
    expect(resolved.jsonSchema['$schema']).toBeUndefined();
    expect(resolved.jsonSchema['type']).toBe('object');
    // The input schema: a field with a default is not required of the model.
    expect(resolved.jsonSchema['required']).toEqual(['name']);
  });

  it('reads valibot (through its Standard JSON Schema wrapper) and arktype schemas', () => {
    const valibot = toStandardJsonSchema(v.object({title: v.string()}));
    expect(resolveLlmOutput({schema: valibot}).jsonSchema['properties']).toEqual({title: {type: 'string'}});
    const arktype = type({title: 'string'});
    expect(resolveLlmOutput({schema: arktype}).jsonSchema['properties']).toEqual({title: {type: 'string'}});
  });

  it('takes a plain JSON Schema as it is, and names it "response" by default', () => {
    const resolved = resolveLlmOutput({schema: CONTACT_JSON_SCHEMA});
    expect(resolved).toEqual({name: 'response', jsonSchema: CONTACT_JSON_SCHEMA});
  });

  it('sends output.jsonSchema for a Standard Schema that cannot convert itself', () => {
    const bare = v.object({title: v.string()});
    expect(isStandardSchema(bare)).toBeTrue();
    expect(refusal({schema: bare}).message).toContain('output.jsonSchema');
    expect(refusal({schema: bare}).field).toBe('output.schema');
    expect(resolveLlmOutput({schema: bare, jsonSchema: CONTACT_JSON_SCHEMA}).jsonSchema).toEqual(CONTACT_JSON_SCHEMA);
  });

  it('refuses a schema whose conversion throws, naming the vendor', () => {
    const schema = z.object({when: z.date()});
    const error = refusal({schema});
    expect(error.field).toBe('output.schema');
    expect(error.message).toContain('zod');
  });

  it('refuses a root that is not an object, and says how to wrap a list', () => {
    const error = refusal({schema: z.array(z.string())});
    expect(error.field).toBe('output.schema');
    expect(error.message).toContain('{items: [...]}');
    expect(refusal({schema: {type: 'string'}}).field).toBe('output.schema');
  });

  it('names the field of every other mistake', () => {
    expect(refusal('contact').field).toBe('output');
    expect(refusal({schema: 'contact'}).field).toBe('output.schema');
    expect(refusal({schema: CONTACT_JSON_SCHEMA, name: 'has spaces'}).field).toBe('output.name');
    expect(refusal({schema: CONTACT_JSON_SCHEMA, name: 'x'.repeat(65)}).field).toBe('output.name');
    expect(refusal({schema: CONTACT_JSON_SCHEMA, description: 7}).field).toBe('output.description');
    expect(refusal({schema: CONTACT_JSON_SCHEMA, jsonSchema: 'x'}).field).toBe('output.jsonSchema');
  });
});
