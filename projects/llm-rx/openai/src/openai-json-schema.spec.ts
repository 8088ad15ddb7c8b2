import {resolveLlmOutput, type LlmJsonSchema} from 'llm-rx';
import {z} from 'zod';
import {OPENAI_STRICT_REMOVED_KEYWORDS, toOpenAiJsonSchema} from './openai-json-schema';

const jsonSchemaOf = (schema: z.ZodType): LlmJsonSchema => resolveLlmOutput({schema}).jsonSchema;
type Properties = Record<string, Record<string, unknown>>;

describe('toOpenAiJsonSchema', () => {
  it('removes what strict mode refuses: string lengths, defaults, object size and name keywords', () => {
    const {schema, isStrict} = toOpenAiJsonSchema({
      type: 'object',
      properties: {
        name: {type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Z]'},
        size: {type: 'integer', default: 2, minimum: 1, maximum: 9, multipleOf: 1},
        tags: {type: 'array', items: {type: 'string'}, minItems: 1, maxItems: 5, uniqueItems: true},
        inner: {type: 'object', properties: {a: {type: 'string'}}, required: ['a'], minProperties: 1, maxProperties: 1},
      },
      required: ['name', 'size', 'tags', 'inner'],
    });
    expect(isStrict).toBeTrue();
    const properties = schema['properties'] as Properties;
    // Kept: what strict mode supports (pattern, number bounds, array sizes).
    expect(properties['name']).toEqual({type: 'string', pattern: '^[A-Z]'});
    expect(properties['size']).toEqual({type: 'integer', minimum: 1, maximum: 9, multipleOf: 1});
    expect(properties['tags']).toEqual({type: 'array', items: {type: 'string'}, minItems: 1, maxItems: 5});
    expect(properties['inner']).toEqual({
      type: 'object',
      properties: {a: {type: 'string'}},
      required: ['a'],
      additionalProperties: false,
    });
    for (const keyword of ['minLength', 'maxLength', 'default', 'minProperties', 'maxProperties', 'uniqueItems']) {
      expect(OPENAI_STRICT_REMOVED_KEYWORDS).toContain(keyword);
    }
  });

  it('keeps the string formats strict mode knows and removes the others', () => {
    const {schema} = toOpenAiJsonSchema(
      jsonSchemaOf(
        z.object({
          email: z.string().email(),
          id: z.string().uuid(),
          day: z.string().date(),
          link: z.string().url(),
        }),
      ),
    );
    const properties = schema['properties'] as Properties;
    expect(properties['email']['format']).toBe('email');
    expect(properties['id']['format']).toBe('uuid');
    expect(properties['day']['format']).toBe('date');
    expect(properties['link']['format']).toBeUndefined();
    expect(properties['link']['type']).toBe('string');
  });

  it('keeps properties named like keywords', () => {
    const {schema} = toOpenAiJsonSchema({
      type: 'object',
      properties: {format: {type: 'string'}, default: {type: 'string'}, not: {type: 'boolean'}},
      required: ['format', 'default', 'not'],
    });
    expect(Object.keys(schema['properties'] as Properties)).toEqual(['format', 'default', 'not']);
    expect(toOpenAiJsonSchema({type: 'object', properties: {not: {type: 'boolean'}}}).isStrict).toBeTrue();
  });

  it('sends a oneOf (a discriminated union) as anyOf, strict, and reads its branches back', () => {
    const shape = z.discriminatedUnion('kind', [
      z.object({kind: z.literal('circle'), radius: z.number(), label: z.string().optional()}),
      z.object({kind: z.literal('square'), side: z.number()}),
    ]);
    const {schema, isStrict, prepareObject} = toOpenAiJsonSchema(jsonSchemaOf(z.object({shape})));
    expect(isStrict).toBeTrue();
    const property = (schema['properties'] as Properties)['shape'];
    expect(property['oneOf']).toBeUndefined();
    expect((property['anyOf'] as unknown[]).length).toBe(2);
    expect(prepareObject?.({shape: {kind: 'circle', radius: 1, label: null}})).toEqual({
      shape: {kind: 'circle', radius: 1},
    });
  });

  it('moves the keywords beside a $ref into an anyOf around it', () => {
    const {schema, prepareObject} = toOpenAiJsonSchema({
      type: 'object',
      properties: {home: {$ref: '#/$defs/place', description: 'Where they live'}},
      $defs: {place: {type: 'object', properties: {city: {type: 'string'}}}},
    });
    const home = (schema['properties'] as Properties)['home'];
    // Optional, so nullable: the anyOf with the description, or null.
    expect(home).toEqual({anyOf: [{description: 'Where they live', anyOf: [{$ref: '#/$defs/place'}]}, {type: 'null'}]});
    expect(prepareObject?.({home: {city: null}})).toEqual({home: {}});
  });

  it('is not strict for allOf, not, if/then/else and dependent schemas, naming the keyword and where', () => {
    for (const keyword of ['allOf', 'not', 'if', 'dependentRequired']) {
      const value = keyword === 'allOf' ? [{type: 'string'}] : keyword === 'dependentRequired' ? {a: ['b']} : {};
      const result = toOpenAiJsonSchema({
        type: 'object',
        properties: {a: {type: 'string', [keyword]: value}},
        required: ['a'],
      });
      expect(result.isStrict).withContext(keyword).toBeFalse();
      expect(result.reason).toContain(`${keyword} (at /properties/a/${keyword})`);
    }
  });

  it('is not strict for a record, with the reason of toStrictJsonSchema()', () => {
    const result = toOpenAiJsonSchema(jsonSchemaOf(z.object({scores: z.record(z.string(), z.number())})));
    expect(result.isStrict).toBeFalse();
    expect(result.reason).toContain('/properties/scores');
    // propertyNames is refused by strict mode; the record's value schema stays.
    const scores = (result.schema['properties'] as Properties)['scores'];
    expect(scores).toEqual({type: 'object', additionalProperties: {type: 'number'}, required: []});
  });

  it('does not change its input', () => {
    const input = jsonSchemaOf(
      z.object({a: z.string().url().min(2).optional(), b: z.discriminatedUnion('k', [z.object({k: z.literal('x')})])}),
    );
    const before = JSON.parse(JSON.stringify(input)) as typeof input;
    toOpenAiJsonSchema(input);
    expect(input).toEqual(before);
  });
});
