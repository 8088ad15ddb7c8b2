import type {LlmJsonSchema} from './llm-output';

/** A JSON Schema node: an object whose keywords may hold schemas. */
export type JsonSchemaNode = Record<string, unknown>;

/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
/** Keywords whose value is one schema. */
const SCHEMA_VALUES = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
]);

/** How `mapJsonSchema()` rewrites a schema. */
export interface JsonSchemaMapper {
  /**
   * Whether to leave a keyword out of the copy, without looking into its schemas; default none.
   * @param key The keyword.
   * @param node The node it is in (the original).
   */
  readonly drop?: (key: string, node: JsonSchemaNode) => boolean;
  /**
   * Rewrites one node, after its schemas: `copy` is a new object holding the node's keywords (but the dropped
   * ones), its schemas already rewritten, which `visit` may change and return, or replace.
   * @param copy The node's copy.
   * @param original The node as it was given.
   * @param path Where the node is, as a JSON pointer without `#` (`''` for the root, `/properties/name`, …).
   * @returns The node to use.
   */
  readonly visit: (copy: JsonSchemaNode, original: JsonSchemaNode, path: string) => unknown;
}

/**
 * Copies a JSON Schema node by node, each node's schemas first (those under `properties`, `$defs`, `items`,
 * `anyOf`, … at every depth), then the node itself through `mapper.visit`. The one walk the adapters' schema
 * rewrites share (OpenAI's and Anthropic's strict schemas, Gemini's and Cohere's subsets, `toStrictJsonSchema()`),
 * so that all of them know the same keywords. Booleans and other values that are not schema objects are kept as
 * they are; the input is not changed.
 * @param schema The schema.
 * @param mapper What to drop, and how to rewrite each node.
 * @returns The rewritten schema.
 */
export function mapJsonSchema(schema: LlmJsonSchema, mapper: JsonSchemaMapper): unknown {
  return mapNode(schema, '', mapper);
}

function mapNode(schema: unknown, path: string, mapper: JsonSchemaMapper): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const node = schema as JsonSchemaNode;
  const copy: JsonSchemaNode = {};
  for (const key of Object.keys(node)) {
    if (mapper.drop?.(key, node) === true) continue;
    const value = node[key];
    const at = `${path}/${key}`;
    if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const children: JsonSchemaNode = {};
      for (const name of Object.keys(value)) {
        setOwn(children, name, mapNode((value as JsonSchemaNode)[name], `${at}/${name}`, mapper));
      }
      copy[key] = children;
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      copy[key] = value.map((child, index) => mapNode(child, `${at}/${index}`, mapper));
    } else if (SCHEMA_VALUES.has(key)) {
      copy[key] = Array.isArray(value)
        ? value.map((child, index) => mapNode(child, `${at}/${index}`, mapper))
        : mapNode(value, at, mapper);
    } else {
      setOwn(copy, key, value);
    }
  }
  return mapper.visit(copy, node, path);
}

/** Sets a member as JSON.parse does: a `__proto__` name is an own property, never the prototype. */
function setOwn(target: JsonSchemaNode, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {value, writable: true, enumerable: true, configurable: true});
  } else {
    target[key] = value;
  }
}
