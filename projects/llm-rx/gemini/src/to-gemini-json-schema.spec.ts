import {z} from 'zod';
import {toGeminiJsonSchema} from './to-gemini-json-schema';

describe('toGeminiJsonSchema', () => {
  it('keeps what Gemini takes and leaves out what it does not, at every depth', () => {
    const schema = {
      type: 'object',
      title: 'Recipe',
      description: 'A recipe',
      properties: {
        name: {type: 'string', minLength: 1, maxLength: 80, pattern: '^[A-Z]', default: 'Soup'},
        servings: {type: 'integer', minimum: 1, maximum: 12, exclusiveMaximum: 13, multipleOf: 1},
        steps: {
          type: 'array',
          items: {type: 'string', format: 'markdown'},
          minItems: 1,
          maxItems: 9,
          uniqueItems: true,
        },
        pair: {type: 'array', prefixItems: [{type: 'number'}, {type: 'number', examples: [2]}]},
        tags: {type: 'object', additionalProperties: {type: 'string', $comment: 'x'}, propertyNames: {pattern: 'a'}},
      },
      required: ['name'],
      additionalProperties: false,
      allOf: [{required: ['servings']}],
      not: {required: ['pair']},
    };
    expect(toGeminiJsonSchema(schema)).toEqual({
      type: 'object',
      title: 'Recipe',
      description: 'A recipe',
      properties: {
        name: {type: 'string'},
        servings: {type: 'integer', minimum: 1, maximum: 12},
        steps: {type: 'array', items: {type: 'string', format: 'markdown'}, minItems: 1, maxItems: 9},
        pair: {type: 'array', prefixItems: [{type: 'number'}, {type: 'number'}]},
        tags: {type: 'object', additionalProperties: {type: 'string'}},
      },
      required: ['name'],
      additionalProperties: false,
      propertyOrdering: ['name', 'servings', 'steps', 'pair', 'tags'],
    });
  });

  it('turns a string or number const into a one-value enum and leaves out enums Gemini cannot take', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: {type: 'string', const: 'person'},
        level: {const: 3},
        flag: {type: 'boolean', const: true},
        size: {enum: ['s', 'm', 1]},
        mixed: {enum: ['a', null]},
        both: {type: 'string', enum: ['a', 'b'], const: 'a'},
      },
    };
    expect(toGeminiJsonSchema(schema)['properties']).toEqual({
      kind: {type: 'string', enum: ['person']},
      level: {enum: [3]},
      flag: {type: 'boolean'},
      size: {enum: ['s', 'm', 1]},
      mixed: {},
      both: {type: 'string', enum: ['a', 'b']},
    });
  });

  it('keeps only the $ keywords beside a $ref, and moves draft-07 definitions to $defs', () => {
    const schema = {
      type: 'object',
      properties: {
        home: {$ref: '#/definitions/address', description: 'Where they live', $comment: 'a note'},
        work: {$ref: '#/$defs/office'},
      },
      definitions: {address: {type: 'object', properties: {street: {type: 'string', minLength: 3}}}},
      $defs: {office: {anyOf: [{$ref: '#/definitions/address'}, {type: 'null'}]}},
    };
    expect(toGeminiJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        home: {$ref: '#/$defs/address'},
        work: {$ref: '#/$defs/office'},
      },
      $defs: {
        address: {type: 'object', properties: {street: {type: 'string'}}},
        office: {anyOf: [{$ref: '#/$defs/address'}, {type: 'null'}]},
      },
      propertyOrdering: ['home', 'work'],
    });
  });

  it('keeps an ordering the schema gives, and a property named like a keyword', () => {
    const schema = {
      type: 'object',
      properties: {pattern: {type: 'string'}, default: {type: 'number'}},
      propertyOrdering: ['default', 'pattern'],
    };
    expect(toGeminiJsonSchema(schema)).toEqual(schema);
  });

  it('adapts the JSON Schema of a zod object without changing the input', () => {
    const contact = z.object({
      name: z.string().describe('Full name'),
      email: z.string().email(),
      company: z.string().nullable(),
      kind: z.literal('person'),
      age: z.number().int().min(0),
    });
    const input = contact.toJSONSchema({io: 'input'});
    const before = JSON.stringify(input);
    const schema = toGeminiJsonSchema(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(schema['properties']).toEqual({
      name: {type: 'string', description: 'Full name'},
      email: {type: 'string', format: 'email'},
      company: {type: ['string', 'null']},
      kind: {type: 'string', enum: ['person']},
      age: {type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER},
    });
    expect(schema['propertyOrdering']).toEqual(['name', 'email', 'company', 'kind', 'age']);
    expect(schema['$schema']).toBeUndefined();
  });
});
