import {resolveLlmOutput, type LlmJsonSchema} from 'llm-rx';
import {z} from 'zod';
import {toAnthropicJsonSchema} from './anthropic-json-schema';

describe('toAnthropicJsonSchema', () => {
  it('closes every object and sends optional properties as required and nullable, read back by prepareObject', () => {
    const {schema, isStrict, prepareObject} = toAnthropicJsonSchema({
      type: 'object',
      properties: {
        name: {type: 'string'},
        address: {type: 'object', properties: {city: {type: 'string'}}, required: ['city']},
        nick: {type: 'string'},
      },
      required: ['name', 'address'],
    });
    expect(isStrict).toBeTrue();
    expect(schema).toEqual({
      type: 'object',
      properties: {
        name: {type: 'string'},
        address: {
          type: 'object',
          properties: {city: {type: 'string'}},
          required: ['city'],
          additionalProperties: false,
        },
        nick: {type: ['string', 'null']},
      },
      required: ['name', 'address', 'nick'],
      additionalProperties: false,
    });
    expect(prepareObject?.({name: 'Ada', address: {city: 'London'}, nick: null})).toEqual({
      name: 'Ada',
      address: {city: 'London'},
    });
  });

  it('writes the keywords Anthropic does not decode into the description, keeping what it does', () => {
    const {schema} = toAnthropicJsonSchema({
      type: 'object',
      properties: {
        servings: {type: 'integer', minimum: 1, maximum: 12, description: 'How many'},
        email: {type: 'string', format: 'email', pattern: '^.+@.+$'},
        code: {type: 'string', format: 'regex', minLength: 2},
        tags: {type: 'array', items: {type: 'string'}, minItems: 1, maxItems: 3},
        pair: {type: 'array', items: {type: 'number'}, minItems: 2},
        size: {enum: ['s', 'm']},
        shape: {enum: [{a: 1}]},
        fixed: {const: 3, default: 3},
      },
      required: ['servings', 'email', 'code', 'tags', 'pair', 'size', 'shape', 'fixed'],
    });
    expect(schema['properties'] as Record<string, unknown>).toEqual({
      servings: {type: 'integer', description: 'How many\n\n{minimum: 1, maximum: 12}'},
      email: {type: 'string', format: 'email', description: '{pattern: "^.+@.+$"}'},
      code: {type: 'string', description: '{format: "regex", minLength: 2}'},
      tags: {type: 'array', items: {type: 'string'}, minItems: 1, description: '{maxItems: 3}'},
      pair: {type: 'array', items: {type: 'number'}, description: '{minItems: 2}'},
      size: {enum: ['s', 'm']},
      shape: {description: '{enum: [{"a":1}]}'},
      fixed: {const: 3, description: '{default: 3}'},
    });
  });

  it('sends oneOf as anyOf and normalises $defs, items and anyOf branches too', () => {
    const {schema} = toAnthropicJsonSchema({
      type: 'object',
      properties: {
        pet: {
          oneOf: [{$ref: '#/$defs/cat'}, {type: 'object', properties: {barks: {type: 'boolean'}}, required: ['barks']}],
        },
        list: {
          type: 'array',
          items: {type: 'object', properties: {n: {type: 'number', multipleOf: 2}}, required: ['n']},
        },
      },
      required: ['pet', 'list'],
      $defs: {cat: {type: 'object', properties: {lives: {type: 'integer', maximum: 9}}, required: ['lives']}},
    });
    const properties = schema['properties'] as Record<string, Record<string, unknown>>;
    expect(properties['pet']).toEqual({
      anyOf: [
        {$ref: '#/$defs/cat'},
        {type: 'object', properties: {barks: {type: 'boolean'}}, required: ['barks'], additionalProperties: false},
      ],
    });
    expect(properties['list']['items']).toEqual({
      type: 'object',
      properties: {n: {type: 'number', description: '{multipleOf: 2}'}},
      required: ['n'],
      additionalProperties: false,
    });
    expect(schema['$defs']).toEqual({
      cat: {
        type: 'object',
        properties: {lives: {type: 'integer', description: '{maximum: 9}'}},
        required: ['lives'],
        additionalProperties: false,
      },
    });
  });

  it('keeps a property named like a keyword, and writes output.description into a root without one', () => {
    const {schema} = toAnthropicJsonSchema(
      {
        type: 'object',
        properties: {minimum: {type: 'number'}, pattern: {type: 'string'}},
        required: ['minimum', 'pattern'],
      },
      'A range',
    );
    expect(Object.keys(schema['properties'] as object)).toEqual(['minimum', 'pattern']);
    expect(schema['description']).toBe('A range');
    expect(toAnthropicJsonSchema({type: 'object', description: 'Own'}, 'A range').schema['description']).toBe('Own');
  });

  it('says a record is not strict, which native structured output cannot express', () => {
    const scores = z.object({scores: z.record(z.string(), z.number())});
    const result = toAnthropicJsonSchema(resolveLlmOutput({schema: scores}).jsonSchema);
    expect(result.isStrict).toBeFalse();
    expect(result.reason).toContain('additionalProperties');
  });

  it('does not change the schema it is given', () => {
    const input: LlmJsonSchema = {type: 'object', properties: {n: {type: 'integer', minimum: 1}}, oneOf: []};
    const copy = structuredClone(input);
    toAnthropicJsonSchema(input, 'x');
    expect(input).toEqual(copy);
  });

  it("sends zod's contact schema without the pattern of its email (which Anthropic's regexes may refuse)", () => {
    const jsonSchema = resolveLlmOutput({
      schema: z.object({email: z.string().email(), age: z.number().int().optional()}),
    }).jsonSchema;
    const properties = toAnthropicJsonSchema(jsonSchema).schema['properties'] as Record<
      string,
      Record<string, unknown>
    >;
    expect(properties['email']['format']).toBe('email');
    expect(properties['email']['pattern']).toBeUndefined();
    expect(properties['age']['type']).toEqual(['integer', 'null']);
    expect(properties['age']['maximum']).toBeUndefined();
  });
});
