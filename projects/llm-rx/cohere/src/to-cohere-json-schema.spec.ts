import {z} from 'zod';
import {toCohereJsonSchema, toCohereSchemaSubset} from './to-cohere-json-schema';

describe('toCohereJsonSchema', () => {
  it('leaves out what Cohere does not take, at every depth, and keeps what it does', () => {
    const schema = {
      type: 'object',
      properties: {
        name: {type: 'string', minLength: 1, maxLength: 80, pattern: '[A-Z][a-z]+', description: 'Name'},
        servings: {type: 'integer', minimum: 1, maximum: 12, exclusiveMaximum: 13, multipleOf: 1},
        steps: {type: 'array', items: {type: 'string', const: 'stir'}, minItems: 1, maxItems: 9, uniqueItems: true},
        kind: {enum: ['soup', 'stew']},
        extra: {type: 'object', additionalProperties: {type: 'number'}, minProperties: 1},
      },
      required: ['name', 'servings', 'steps', 'kind', 'extra'],
      allOf: [{required: ['name']}],
      not: {required: ['other']},
    };
    expect(toCohereJsonSchema(schema)).toEqual({
      schema: {
        type: 'object',
        properties: {
          name: {type: 'string', pattern: '[A-Z][a-z]+', description: 'Name'},
          servings: {type: 'integer'},
          steps: {type: 'array', items: {type: 'string', const: 'stir'}},
          kind: {enum: ['soup', 'stew']},
          // A record allows other names: it stays open, and has no property to require.
          extra: {type: 'object', additionalProperties: {type: 'number'}, required: []},
        },
        required: ['name', 'servings', 'steps', 'kind', 'extra'],
        additionalProperties: false,
      },
    });
  });

  it('keeps only the formats Cohere takes, and drops patterns with anchors or lookaheads', () => {
    const property = (extra: object) => ({type: 'string', ...extra});
    const {schema} = toCohereJsonSchema({
      type: 'object',
      properties: {
        when: property({format: 'date-time'}),
        day: property({format: 'date'}),
        time: property({format: 'time'}),
        id: property({format: 'uuid'}),
        email: property({format: 'email', pattern: '^[^@]+@[^@]+$'}),
        url: property({format: 'uri'}),
        tail: property({pattern: 'x$'}),
        ahead: property({pattern: 'a(?=b)'}),
        not: property({pattern: 'a(?!b)'}),
        plain: property({pattern: '[0-9]{3}-[0-9]{4}'}),
      },
      required: ['when'],
    });
    expect(schema['properties']).toEqual(
      jasmine.objectContaining({
        when: {type: 'string', format: 'date-time'},
        day: {type: ['string', 'null'], format: 'date'},
        time: {type: ['string', 'null'], format: 'time'},
        id: {type: ['string', 'null'], format: 'uuid'},
        email: {type: ['string', 'null']},
        url: {type: ['string', 'null']},
        tail: {type: ['string', 'null']},
        ahead: {type: ['string', 'null']},
        not: {type: ['string', 'null']},
        plain: {type: ['string', 'null'], pattern: '[0-9]{3}-[0-9]{4}'},
      }),
    );
  });

  it('requires every property, sends optional ones nullable, and reads their nulls back as absent', () => {
    const {schema, prepareObject} = toCohereJsonSchema({
      type: 'object',
      properties: {
        title: {type: 'string'},
        note: {type: 'string'},
        author: {type: 'object', properties: {name: {type: 'string'}, site: {type: 'string'}}},
      },
      required: ['title'],
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        title: {type: 'string'},
        note: {type: ['string', 'null']},
        author: {
          type: ['object', 'null'],
          properties: {name: {type: ['string', 'null']}, site: {type: ['string', 'null']}},
          required: ['name', 'site'],
          additionalProperties: false,
        },
      },
      required: ['title', 'note', 'author'],
      additionalProperties: false,
    });
    expect(prepareObject?.({title: 'T', note: null, author: {name: 'Ada', site: null}})).toEqual({
      title: 'T',
      author: {name: 'Ada'},
    });
  });

  it('turns oneOf into anyOf, and moves draft-07 definitions to $defs with their references', () => {
    const {schema} = toCohereJsonSchema({
      type: 'object',
      properties: {
        shape: {oneOf: [{$ref: '#/definitions/circle'}, {$ref: '#/$defs/square'}]},
        both: {anyOf: [{type: 'string'}, {type: 'number'}], oneOf: [{type: 'string'}, {type: 'integer'}]},
      },
      required: ['shape', 'both'],
      definitions: {circle: {type: 'object', properties: {r: {type: 'number', minimum: 0}}, required: ['r']}},
      $defs: {square: {type: 'object', properties: {side: {type: 'number'}}, required: ['side']}},
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        shape: {anyOf: [{$ref: '#/$defs/circle'}, {$ref: '#/$defs/square'}]},
        both: {anyOf: [{type: 'string'}, {type: 'number'}]},
      },
      required: ['shape', 'both'],
      $defs: {
        circle: {type: 'object', properties: {r: {type: 'number'}}, required: ['r'], additionalProperties: false},
        square: {type: 'object', properties: {side: {type: 'number'}}, required: ['side'], additionalProperties: false},
      },
      additionalProperties: false,
    });
  });

  it('adapts the JSON Schema of a zod object without changing the input, keeping property names like keywords', () => {
    const input = z
      .object({
        minimum: z.number().min(0),
        email: z.string().email(),
        id: z.string().uuid(),
        company: z.string().nullable(),
        tags: z.array(z.string()).max(3).optional(),
      })
      .toJSONSchema({io: 'input'});
    const before = JSON.stringify(input);
    const {schema, prepareObject} = toCohereJsonSchema(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(schema['properties']).toEqual({
      minimum: {type: 'number'},
      email: {type: 'string'},
      id: {type: 'string', format: 'uuid'},
      company: {type: ['string', 'null']},
      tags: {type: ['array', 'null'], items: {type: 'string'}},
    });
    expect(schema['required']).toEqual(['minimum', 'email', 'id', 'company', 'tags']);
    // Only the optional property's null is taken out; the nullable one's stays.
    expect(prepareObject?.({minimum: 1, email: 'a@b.co', id: 'x', company: null, tags: null})).toEqual({
      minimum: 1,
      email: 'a@b.co',
      id: 'x',
      company: null,
    });
  });
});

describe('toCohereSchemaSubset', () => {
  it('leaves out what Cohere refuses and rewrites the rest, but keeps objects open and optional properties optional', () => {
    const schema = {
      type: 'object',
      properties: {
        city: {type: 'string', minLength: 1, format: 'hostname'},
        when: {type: 'string', format: 'date'},
        unit: {oneOf: [{const: 'c'}, {const: 'f'}]},
        minimum: {$ref: '#/definitions/count'},
      },
      required: ['city'],
      definitions: {count: {type: 'integer', maximum: 7}},
    };
    expect(toCohereSchemaSubset(schema)).toEqual({
      type: 'object',
      properties: {
        city: {type: 'string'},
        when: {type: 'string', format: 'date'},
        unit: {anyOf: [{const: 'c'}, {const: 'f'}]},
        minimum: {$ref: '#/$defs/count'},
      },
      required: ['city'],
      $defs: {count: {type: 'integer'}},
    });
  });
});
