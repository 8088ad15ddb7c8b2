import {Validator} from '@cfworker/json-schema';
import {z} from 'zod';
import type {LlmJsonSchema} from './llm-output';
import {resolveLlmOutput} from './resolve-llm-output';
import {toStrictJsonSchema} from './strict-json-schema';

/** The JSON Schema llm-rx sends for a zod schema (its input JSON Schema, without `$schema`). */
const jsonSchemaOf = (schema: z.ZodType): LlmJsonSchema => resolveLlmOutput({schema}).jsonSchema;

/** Whether a value matches a JSON Schema (draft 2020-12). */
const matches = (schema: LlmJsonSchema, value: unknown): boolean =>
  new Validator(schema as Record<string, unknown>, '2020-12', false).validate(value).valid;

/** A deep copy, to check later that the input was not changed. */
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('toStrictJsonSchema', () => {
  it('closes the root object and requires every property, sending optional ones nullable', () => {
    const result = toStrictJsonSchema({
      type: 'object',
      properties: {a: {type: 'string'}, b: {type: 'integer'}},
      required: ['a'],
    });
    expect(result.schema).toEqual({
      type: 'object',
      properties: {a: {type: 'string'}, b: {type: ['integer', 'null']}},
      required: ['a', 'b'],
      additionalProperties: false,
    });
    expect(result.isStrict).toBeTrue();
    expect(result.reason).toBeUndefined();
    expect(result.prepareObject?.({a: 'x', b: null})).toEqual({a: 'x'});
    expect(result.prepareObject?.({a: 'x', b: 2})).toEqual({a: 'x', b: 2});
  });

  it('gives no prepareObject when every property was required', () => {
    const result = toStrictJsonSchema({type: 'object', properties: {a: {type: 'string'}}, required: ['a']});
    expect(result.prepareObject).toBeUndefined();
    expect(result.isStrict).toBeTrue();
  });

  it('closes nested objects and the objects inside arrays', () => {
    const schema = jsonSchemaOf(
      z.object({
        person: z.object({name: z.string(), nickname: z.string().optional()}),
        pets: z.array(z.object({kind: z.enum(['cat', 'dog']), age: z.number().optional()})),
      }),
    );
    const {schema: strict, prepareObject} = toStrictJsonSchema(schema);
    const properties = strict['properties'] as Record<string, Record<string, unknown>>;
    expect(properties['person']).toEqual({
      type: 'object',
      properties: {name: {type: 'string'}, nickname: {type: ['string', 'null']}},
      required: ['name', 'nickname'],
      additionalProperties: false,
    });
    expect(properties['pets']['items']).toEqual({
      type: 'object',
      properties: {kind: {type: 'string', enum: ['cat', 'dog']}, age: {type: ['number', 'null']}},
      required: ['kind', 'age'],
      additionalProperties: false,
    });
    const answer = {
      person: {name: 'Ada', nickname: null},
      pets: [
        {kind: 'cat', age: null},
        {kind: 'dog', age: 3},
      ],
    };
    expect(matches(strict, answer)).toBeTrue();
    expect(prepareObject?.(answer)).toEqual({person: {name: 'Ada'}, pets: [{kind: 'cat'}, {kind: 'dog', age: 3}]});
  });

  it('makes an optional enum or const nullable with a union, since its values cannot include null otherwise', () => {
    const {schema, prepareObject} = toStrictJsonSchema({
      type: 'object',
      properties: {size: {enum: ['s', 'm']}, kind: {const: 'x'}},
    });
    const properties = schema['properties'] as Record<string, unknown>;
    expect(properties['size']).toEqual({anyOf: [{enum: ['s', 'm']}, {type: 'null'}]});
    expect(properties['kind']).toEqual({anyOf: [{const: 'x'}, {type: 'null'}]});
    expect(matches(schema, {size: null, kind: null})).toBeTrue();
    expect(prepareObject?.({size: null, kind: 'x'})).toEqual({kind: 'x'});
  });

  it('rewrites $defs in place and follows $ref when reading the answer back', () => {
    const schema: LlmJsonSchema = {
      type: 'object',
      properties: {
        home: {$ref: '#/$defs/address'},
        work: {$ref: '#/$defs/address'},
      },
      required: ['home'],
      $defs: {
        address: {
          type: 'object',
          properties: {street: {type: 'string'}, zip: {type: 'string'}},
          required: ['street'],
        },
      },
    };
    const {schema: strict, prepareObject} = toStrictJsonSchema(schema);
    expect((strict['$defs'] as Record<string, unknown>)['address']).toEqual({
      type: 'object',
      properties: {street: {type: 'string'}, zip: {type: ['string', 'null']}},
      required: ['street', 'zip'],
      additionalProperties: false,
    });
    const properties = strict['properties'] as Record<string, unknown>;
    expect(properties['home']).toEqual({$ref: '#/$defs/address'});
    expect(properties['work']).toEqual({anyOf: [{$ref: '#/$defs/address'}, {type: 'null'}]});
    const answer = {home: {street: 'Main St', zip: null}, work: {street: 'Side St', zip: '1000'}};
    expect(matches(strict, answer)).toBeTrue();
    expect(prepareObject?.(answer)).toEqual({home: {street: 'Main St'}, work: {street: 'Side St', zip: '1000'}});
    expect(prepareObject?.({home: {street: 'Main St', zip: null}, work: null})).toEqual({home: {street: 'Main St'}});
    expect(matches(schema, prepareObject?.(answer))).toBeTrue();
  });

  it('reads a recursive schema back through its $ref', () => {
    const schema: LlmJsonSchema = {
      type: 'object',
      properties: {root: {$ref: '#/$defs/node'}},
      required: ['root'],
      $defs: {
        node: {
          type: 'object',
          properties: {label: {type: 'string'}, children: {type: 'array', items: {$ref: '#/$defs/node'}}},
          required: ['label'],
        },
      },
    };
    const {prepareObject} = toStrictJsonSchema(schema);
    const answer = {root: {label: 'a', children: [{label: 'b', children: null}]}};
    expect(prepareObject?.(answer)).toEqual({root: {label: 'a', children: [{label: 'b'}]}});
  });

  it('sends a zod schema with optional fields nullable, and prepareObject brings the answer back to it', async () => {
    const contact = z.object({
      name: z.string(),
      email: z.string().email().optional(),
      address: z.object({city: z.string(), zip: z.string().optional()}).optional(),
      tags: z.array(z.object({label: z.string(), color: z.string().optional()})),
    });
    const {schema, prepareObject} = toStrictJsonSchema(jsonSchemaOf(contact));
    // What a strict model writes: every property, null for the absent ones.
    const answer = {
      name: 'Ada',
      email: null,
      address: {city: 'London', zip: null},
      tags: [
        {label: 'vip', color: null},
        {label: 'new', color: 'red'},
      ],
    };
    expect(matches(schema, answer)).toBeTrue();
    expect(contact.safeParse(answer).success).withContext('zod refuses the nulls').toBeFalse();
    const prepared = prepareObject?.(answer);
    const parsed = await contact['~standard'].validate(prepared);
    expect(parsed.issues).toBeUndefined();
    expect(prepared).toEqual({
      name: 'Ada',
      address: {city: 'London'},
      tags: [{label: 'vip'}, {label: 'new', color: 'red'}],
    });
    // An absent nested object comes back absent.
    expect(prepareObject?.({...answer, address: null})).not.toEqual(jasmine.objectContaining({address: null}));
  });

  it('keeps the null of an optional property that was already nullable', async () => {
    const schema = z.object({note: z.string().nullable().optional(), pick: z.union([z.number(), z.null()]).optional()});
    const input = jsonSchemaOf(schema);
    const {schema: strict, prepareObject} = toStrictJsonSchema(input);
    const properties = strict['properties'] as Record<string, unknown>;
    // Already nullable: sent as it was, not wrapped in one more union.
    expect(properties['note']).toEqual((input['properties'] as Record<string, unknown>)['note']);
    expect(properties['pick']).toEqual((input['properties'] as Record<string, unknown>)['pick']);
    expect(strict['required']).toEqual(['note', 'pick']);
    // null was a value the schema allowed: it stays.
    expect(prepareObject === undefined ? {note: null, pick: null} : prepareObject({note: null, pick: null})).toEqual({
      note: null,
      pick: null,
    });
    const parsed = await schema['~standard'].validate({note: null, pick: null});
    expect(parsed.issues).toBeUndefined();
  });

  it('keeps the null of an optional property whose $ref allows null', () => {
    const {prepareObject} = toStrictJsonSchema({
      type: 'object',
      properties: {a: {type: 'string'}, maybe: {$ref: '#/$defs/maybe'}},
      required: ['a'],
      $defs: {maybe: {type: ['string', 'null']}},
    });
    expect(prepareObject === undefined ? {a: 'x', maybe: null} : prepareObject({a: 'x', maybe: null})).toEqual({
      a: 'x',
      maybe: null,
    });
  });

  it('reads the answer back through each branch of a union of objects', async () => {
    const shape = z.discriminatedUnion('kind', [
      z.object({kind: z.literal('circle'), radius: z.number(), label: z.string().optional()}),
      z.object({kind: z.literal('square'), side: z.number(), color: z.string().optional()}),
    ]);
    const schema = z.object({shapes: z.array(shape)});
    const {schema: strict, prepareObject} = toStrictJsonSchema(jsonSchemaOf(schema));
    const answer = {
      shapes: [
        {kind: 'circle', radius: 1, label: null},
        {kind: 'square', side: 2, color: null},
        {kind: 'square', side: 3, color: 'red'},
      ],
    };
    expect(matches(strict, answer)).toBeTrue();
    const prepared = prepareObject?.(answer);
    expect(prepared).toEqual({
      shapes: [
        {kind: 'circle', radius: 1},
        {kind: 'square', side: 2},
        {kind: 'square', side: 3, color: 'red'},
      ],
    });
    expect((await schema['~standard'].validate(prepared)).issues).toBeUndefined();
  });

  it('reads the answer back through tuple items (prefixItems)', () => {
    const {prepareObject} = toStrictJsonSchema({
      type: 'object',
      properties: {
        pair: {
          type: 'array',
          prefixItems: [
            {type: 'object', properties: {a: {type: 'string'}}},
            {type: 'object', properties: {b: {type: 'string'}}},
          ],
        },
      },
      required: ['pair'],
    });
    expect(prepareObject?.({pair: [{a: null}, {b: 'x'}]})).toEqual({pair: [{}, {b: 'x'}]});
  });

  it('is not strict for a record, with a reason naming where, and leaves that object open', () => {
    const schema = jsonSchemaOf(z.object({name: z.string(), scores: z.record(z.string(), z.number())}));
    const result = toStrictJsonSchema(schema);
    expect(result.isStrict).toBeFalse();
    expect(result.reason).toContain('/properties/scores');
    expect(result.reason).toContain('additionalProperties');
    const scores = (result.schema['properties'] as Record<string, Record<string, unknown>>)['scores'];
    expect(scores['additionalProperties']).toEqual({type: 'number'});
    // The rest is still closed.
    expect(result.schema['additionalProperties']).toBeFalse();
  });

  it('is not strict for additionalProperties: true at the root', () => {
    const result = toStrictJsonSchema({type: 'object', properties: {a: {type: 'string'}}, additionalProperties: true});
    expect(result.isStrict).toBeFalse();
    expect(result.reason).toContain('(root)');
    expect(result.schema['additionalProperties']).toBeTrue();
  });

  it('is not strict for an object with patternProperties, which closing would empty', () => {
    const result = toStrictJsonSchema({
      type: 'object',
      properties: {labels: {type: 'object', patternProperties: {'^x-': {type: 'string'}}}},
      required: ['labels'],
    });
    expect(result.isStrict).toBeFalse();
    expect(result.reason).toContain('/properties/labels');
    const labels = (result.schema['properties'] as Record<string, Record<string, unknown>>)['labels'];
    expect(labels['additionalProperties']).toBeUndefined();
  });

  it('is not strict for an object schema without properties (any object)', () => {
    const result = toStrictJsonSchema({
      type: 'object',
      properties: {meta: {type: 'object'}, empty: {type: 'object', properties: {}}},
      required: ['meta', 'empty'],
    });
    expect(result.isStrict).toBeFalse();
    expect(result.reason).toContain('/properties/meta');
    const properties = result.schema['properties'] as Record<string, Record<string, unknown>>;
    expect(properties['meta']['additionalProperties']).toBeUndefined();
    // An object that lists its (no) properties is closed: it is the empty object.
    expect(properties['empty']['additionalProperties']).toBeFalse();
  });

  it('removes the given keywords everywhere, but keeps properties of that name', () => {
    const {schema} = toStrictJsonSchema(
      {
        type: 'object',
        properties: {
          default: {type: 'string', minLength: 2, default: 'x'},
          list: {type: 'array', items: {type: 'string', maxLength: 5}, minItems: 1},
        },
        required: ['default', 'list'],
        $defs: {unused: {type: 'string', minLength: 1}},
      },
      {removeKeywords: ['minLength', 'maxLength', 'default']},
    );
    expect(schema).toEqual({
      type: 'object',
      properties: {
        default: {type: 'string'},
        list: {type: 'array', items: {type: 'string'}, minItems: 1},
      },
      required: ['default', 'list'],
      $defs: {unused: {type: 'string'}},
      additionalProperties: false,
    });
  });

  it('does not change its input', () => {
    const input = jsonSchemaOf(
      z.object({
        a: z.string().optional(),
        b: z.object({c: z.number().optional(), d: z.enum(['x', 'y']).optional()}),
        e: z.array(z.object({f: z.boolean().optional()})).optional(),
      }),
    );
    const before = copyOf(input);
    const result = toStrictJsonSchema(input, {removeKeywords: ['description']});
    result.prepareObject?.({a: null, b: {c: null, d: null}, e: [{f: null}]});
    expect(input).toEqual(before);
    expect(result.schema).not.toBe(input);
  });

  it('accepts boolean schemas for properties', () => {
    const result = toStrictJsonSchema({type: 'object', properties: {anything: true, nothing: false}});
    expect(result.schema['required']).toEqual(['anything', 'nothing']);
    expect(result.prepareObject === undefined ? {anything: null} : result.prepareObject({anything: null})).toEqual({
      anything: null,
    });
  });

  it('leaves values that are not objects as they are', () => {
    const {prepareObject} = toStrictJsonSchema({type: 'object', properties: {a: {type: 'string'}}});
    expect(prepareObject?.(null)).toBeNull();
    expect(prepareObject?.('text')).toBe('text');
    expect(prepareObject?.([1, 2])).toEqual([1, 2]);
  });

  it('reads the answer back copy on write: what holds no added null is given back as it is', () => {
    const {prepareObject} = toStrictJsonSchema(
      jsonSchemaOf(z.object({items: z.array(z.object({sku: z.string(), note: z.string().optional()}))})),
    );
    type Items = {items: {sku: string; note?: string | null}[]};
    const clean: Items = {
      items: [
        {sku: 'a', note: 'x'},
        {sku: 'b', note: 'y'},
      ],
    };
    expect(prepareObject?.(clean)).toBe(clean);
    const first = {sku: 'a', note: 'x'};
    const answer: Items = {items: [first, {sku: 'b', note: null}, {sku: 'c', note: 'z'}]};
    const prepared = prepareObject?.(answer) as Items;
    expect(prepared).toEqual({items: [{sku: 'a', note: 'x'}, {sku: 'b'}, {sku: 'c', note: 'z'}]});
    // Only the path to the removed null is new; the answer itself is not changed.
    expect(prepared.items[0]).toBe(first);
    expect(prepared.items[2]).toBe(answer.items[2]);
    expect(answer.items[1]).toEqual({sku: 'b', note: null});
  });
});
