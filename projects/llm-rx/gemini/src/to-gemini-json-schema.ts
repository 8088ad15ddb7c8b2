import type {LlmJsonSchema} from 'llm-rx';

/**
 * The keywords Gemini's `responseJsonSchema` takes, as `@google/genai` 3.1 lists them: the JSON Schema ones below
 * and Gemini's own `propertyOrdering`. `enum` is for strings and numbers only.
 */
const GEMINI_KEYWORDS = new Set([
  '$id',
  '$defs',
  '$ref',
  '$anchor',
  'type',
  'format',
  'title',
  'description',
  'enum',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'anyOf',
  'oneOf',
  'properties',
  'additionalProperties',
  'required',
  'propertyOrdering',
]);

/** Keywords whose value is a schema or a list of schemas. */
const SUBSCHEMA_KEYWORDS = new Set(['items', 'prefixItems', 'anyOf', 'oneOf', 'additionalProperties']);

/** Keywords whose value maps names to schemas (`definitions` is draft-07's `$defs`). */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', '$defs', 'definitions']);

type Node = Record<string, unknown>;

/**
 * Adapts a JSON Schema to what Gemini's `responseJsonSchema` accepts, so that Gemini constrains its answer with it.
 *
 * - Keywords outside Gemini's list are left out (`pattern`, `minLength`, `maxLength`, `exclusiveMinimum`,
 *   `multipleOf`, `allOf`, `not`, `propertyNames`, `default`, `examples`, …): the request's own schema still
 *   validates the answer, so they are checked after the stream instead of while the model writes.
 * - A string or number `const` becomes a one-value `enum`; an `enum` with other values (booleans, `null`,
 *   objects) is left out.
 * - A node with a `$ref` keeps only its `$` keywords, as Gemini requires.
 * - Draft-07 `definitions` become `$defs`, and their `#/definitions/` references `#/$defs/`.
 * - Every object with more than one property gets a `propertyOrdering` in the schema's own order (unless it has
 *   one), so that the answer's keys come in that order whatever the model.
 * @param schema The object's JSON Schema.
 * @returns A new schema; the input is not changed.
 *
 * ```ts
 * toGeminiJsonSchema({type: 'object', properties: {a: {type: 'string', minLength: 2}, b: {const: 'x'}}});
 * // {type: 'object', properties: {a: {type: 'string'}, b: {enum: ['x']}}, propertyOrdering: ['a', 'b']}
 * ```
 */
export function toGeminiJsonSchema(schema: LlmJsonSchema): LlmJsonSchema {
  return rewrite(schema) as LlmJsonSchema;
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  // `true`, `false` and anything that is not a schema object stay as they are.
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Node;
  const isReference = typeof source['$ref'] === 'string';
  const copy: Node = {};
  for (const [key, value] of Object.entries(source)) {
    if (isReference && !key.startsWith('$') && key !== 'definitions') continue;
    if (SCHEMA_MAP_KEYWORDS.has(key)) {
      const name = key === 'definitions' ? '$defs' : key;
      copy[name] = {...(copy[name] as Node | undefined), ...rewriteEach(value)};
    } else if (SUBSCHEMA_KEYWORDS.has(key)) {
      copy[key] = rewrite(value);
    } else if (key === '$ref') {
      copy[key] = (value as string).replace(/^#\/definitions\//, '#/$defs/');
    } else if (key === 'enum') {
      if (isScalarList(value)) copy[key] = value;
    } else if (key === 'const') {
      if (isScalar(value) && !('enum' in source)) copy['enum'] = [value];
    } else if (GEMINI_KEYWORDS.has(key)) {
      copy[key] = value;
    }
  }
  const properties = copy['properties'] as Node | undefined;
  if (properties !== undefined && Object.keys(properties).length > 1 && copy['propertyOrdering'] === undefined) {
    copy['propertyOrdering'] = Object.keys(properties);
  }
  return copy;
}

/** A name-to-schema map with each schema rewritten; anything else gives an empty map. */
function rewriteEach(map: unknown): Node {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return {};
  return Object.fromEntries(Object.entries(map as Node).map(([name, child]) => [name, rewrite(child)]));
}

function isScalar(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function isScalarList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isScalar);
}
