import {mapJsonSchema, type JsonSchemaNode} from './map-json-schema';

describe('mapJsonSchema', () => {
  const schema = {
    type: 'object',
    properties: {a: {type: 'string'}, b: {type: 'array', items: {type: 'number'}}},
    $defs: {d: {anyOf: [{type: 'string'}, {type: 'null'}]}},
    not: {const: 1},
    prefixItems: [{type: 'boolean'}],
    patternProperties: {'^x': {type: 'integer'}},
  };

  it('visits every node, its schemas first, with its path, at every schema keyword', () => {
    const paths: string[] = [];
    mapJsonSchema(schema, {visit: (copy, _original, path) => (paths.push(path), copy)});
    expect(paths).toEqual([
      '/properties/a',
      '/properties/b/items',
      '/properties/b',
      '/$defs/d/anyOf/0',
      '/$defs/d/anyOf/1',
      '/$defs/d',
      '/not',
      '/prefixItems/0',
      '/patternProperties/^x',
      '',
    ]);
  });

  it('gives each visit a copy with its schemas rewritten, and never changes the input', () => {
    const before = JSON.stringify(schema);
    const mapped = mapJsonSchema(schema, {
      visit: copy => (copy['type'] === 'number' ? {...copy, type: 'integer'} : {...copy, seen: true}),
    }) as JsonSchemaNode;
    expect(JSON.stringify(schema)).toBe(before);
    expect((mapped['properties'] as JsonSchemaNode)['b']).toEqual({
      type: 'array',
      items: {type: 'integer'},
      seen: true,
    });
    expect(mapped['seen']).toBeTrue();
  });

  it('leaves dropped keywords out without looking into them', () => {
    const visited: string[] = [];
    const mapped = mapJsonSchema(schema, {
      drop: key => key === 'not' || key === '$defs',
      visit: (copy, _original, path) => (visited.push(path), copy),
    }) as JsonSchemaNode;
    expect(Object.keys(mapped)).toEqual(['type', 'properties', 'prefixItems', 'patternProperties']);
    expect(visited.some(path => path.startsWith('/not') || path.startsWith('/$defs'))).toBeFalse();
  });

  it('keeps booleans and other values that are not schema objects, and a "__proto__" name as an own property', () => {
    const mapped = mapJsonSchema(
      JSON.parse('{"type": "object", "properties": {"__proto__": {"type": "string"}, "t": true}}'),
      {visit: copy => copy},
    ) as JsonSchemaNode;
    const properties = mapped['properties'] as JsonSchemaNode;
    expect(Object.keys(properties)).toEqual(['__proto__', 't']);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(properties['t']).toBeTrue();
  });
});
