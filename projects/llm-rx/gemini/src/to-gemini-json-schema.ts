import {mapJsonSchema, type LlmJsonSchema} from 'llm-rx';

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
  return mapJsonSchema(schema, {
    // A node with a `$ref` keeps only its `$` keywords, as Gemini requires; nothing else is looked into.
    drop: (key, node) =>
      (typeof node['$ref'] === 'string' && !key.startsWith('$') && key !== 'definitions') ||
      !(GEMINI_KEYWORDS.has(key) || key === 'definitions' || key === 'const'),
    visit: rewrite,
  }) as LlmJsonSchema;
}

/** One node in Gemini's subset (its schemas already are). */
function rewrite(copy: Node, original: Node): Node {
  const gemini: Node = {};
  for (const [key, value] of Object.entries(copy)) {
    if (key === 'definitions' || key === '$defs') {
      gemini['$defs'] = {...(gemini['$defs'] as Node | undefined), ...(value as Node)};
    } else if (key === '$ref') {
      gemini[key] = (value as string).replace(/^#\/definitions\//, '#/$defs/');
    } else if (key === 'enum') {
      if (isScalarList(value)) gemini[key] = value;
    } else if (key === 'const') {
      if (isScalar(value) && !('enum' in original)) gemini['enum'] = [value];
    } else {
      gemini[key] = value;
    }
  }
  const properties = gemini['properties'] as Node | undefined;
  if (properties !== undefined && Object.keys(properties).length > 1 && gemini['propertyOrdering'] === undefined) {
    gemini['propertyOrdering'] = Object.keys(properties);
  }
  return gemini;
}

function isScalar(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

function isScalarList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isScalar);
}
