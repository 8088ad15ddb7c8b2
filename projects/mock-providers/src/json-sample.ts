/**
 * A value that matches a JSON Schema, for the mock server's structured answers when a scenario gives no `text`:
 * the schema's `const`, first `enum` value, `default` or first `examples` entry where it has one, else a value of
 * its type (every property of an object, required or not; `minItems` items, at least two, of an array).
 *
 * Covers what llm-rx's specs and the demo send (objects, arrays, strings with formats, numbers, integers,
 * booleans, enums, nullable unions, `anyOf`/`oneOf`, local `$ref`s to `$defs`); anything else answers `null`.
 *
 * @param schema The JSON Schema.
 * @param root The schema `$ref`s resolve against; defaults to `schema`.
 * @returns A matching value.
 */
export function jsonSample(schema: unknown, root: unknown = schema, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null || depth > 12) return null;
  const node = schema as Record<string, unknown>;
  if (typeof node['$ref'] === 'string') return jsonSample(resolveRef(root, node['$ref']), root, depth + 1);
  if ('const' in node) return node['const'];
  if (Array.isArray(node['enum']) && node['enum'].length > 0) return node['enum'][0];
  if ('default' in node) return node['default'];
  if (Array.isArray(node['examples']) && node['examples'].length > 0) return node['examples'][0];
  const union = (node['anyOf'] ?? node['oneOf']) as unknown[] | undefined;
  if (Array.isArray(union) && union.length > 0) {
    const nonNull = union.find(option => (option as {type?: unknown})?.type !== 'null') ?? union[0];
    return jsonSample(nonNull, root, depth + 1);
  }
  const type = Array.isArray(node['type']) ? (node['type'].find(item => item !== 'null') ?? 'null') : node['type'];
  switch (type) {
    case 'object': {
      const properties = (node['properties'] ?? {}) as Record<string, unknown>;
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(properties)) {
        value[key] = jsonSample(withFormatOfName(key, property), root, depth + 1);
      }
      return value;
    }
    case 'array': {
      const count = Math.max(2, typeof node['minItems'] === 'number' ? node['minItems'] : 0);
      const maxItems = typeof node['maxItems'] === 'number' ? node['maxItems'] : count;
      return Array.from({length: Math.min(count, maxItems)}, (_, index) =>
        withIndex(jsonSample(node['items'], root, depth + 1), index),
      );
    }
    case 'string':
      return stringSample(node);
    case 'integer':
      return typeof node['minimum'] === 'number' ? Math.ceil(node['minimum']) : 1;
    case 'number':
      return typeof node['minimum'] === 'number' ? node['minimum'] : 1.5;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/**
 * A string property named like a format (`email`, `url`, `uuid`, `date`) samples as that format even when the
 * schema a provider was sent had to leave `format` out (Cohere takes only a few formats).
 */
function withFormatOfName(name: string, schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = schema as Record<string, unknown>;
  const isString = node['type'] === 'string' || (Array.isArray(node['type']) && node['type'].includes('string'));
  if (!isString || 'format' in node) return schema;
  const format = ({email: 'email', url: 'uri', website: 'uri', uuid: 'uuid', date: 'date'} as Record<string, string>)[
    name.toLowerCase()
  ];
  return format === undefined ? schema : {...node, format};
}

function stringSample(node: Record<string, unknown>): string {
  switch (node['format']) {
    case 'email':
      return 'ada@example.com';
    case 'date':
      return '2026-12-02';
    case 'date-time':
      return '2026-12-02T09:30:00Z';
    case 'uri':
    case 'url':
      return 'https://example.com/';
    case 'uuid':
      return '123e4567-e89b-42d3-a456-426614174000';
  }
  const minLength = typeof node['minLength'] === 'number' ? node['minLength'] : 0;
  return 'sample text'.padEnd(minLength, '.');
}

/** Items of a sampled array differ a little, so that a list looks like one. */
function withIndex(value: unknown, index: number): unknown {
  if (typeof value === 'string' && index > 0) return `${value} ${index + 1}`;
  if (typeof value === 'number' && index > 0) return value + index;
  return value;
}

function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return null;
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | null)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}
