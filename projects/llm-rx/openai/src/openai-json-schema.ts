import {toStrictJsonSchema, type LlmJsonSchema, type StrictJsonSchema} from 'llm-rx';

/**
 * Keywords OpenAI's strict mode refuses (the request fails with "Invalid schema … is not permitted"), removed from
 * the schema it is sent; llm-rx's validation still checks them against the request's own schema.
 */
export const OPENAI_STRICT_REMOVED_KEYWORDS: readonly string[] = [
  'default',
  'minLength',
  'maxLength',
  'minProperties',
  'maxProperties',
  'patternProperties',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'minContains',
  'maxContains',
  'uniqueItems',
];

/** The string `format`s strict mode knows; any other `format` (e.g. `uri`) is removed from the sent schema. */
export const OPENAI_STRICT_FORMATS: ReadonlySet<string> = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
]);

/** Keywords strict mode cannot express at all: a schema using one is sent without strict mode. */
const REFUSED_KEYWORDS = new Set(['allOf', 'not', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas']);

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

type Node = Record<string, unknown>;

/**
 * The schema OpenAI's strict mode accepts for a request's JSON Schema, by `toStrictJsonSchema()` (every object
 * closed, every property required, optional ones nullable) after three of OpenAI's own rules: `oneOf` is sent as
 * `anyOf` (strict mode knows only `anyOf`; a value matching exactly one branch matches at least one), a `format`
 * strict mode does not know is removed, and a `$ref` with other keywords beside it is wrapped in an `anyOf`. The
 * keywords of `OPENAI_STRICT_REMOVED_KEYWORDS` are removed. A schema using `allOf`, `not`, `if`/`then`/`else` or
 * `dependentRequired`/`dependentSchemas`, or with an object strict mode cannot close (a record), is not strict.
 * @param jsonSchema The request's JSON Schema (`call.output.jsonSchema`).
 * @returns The schema to send, whether it is strict (and why not), and how to read the answer back.
 */
export function toOpenAiJsonSchema(jsonSchema: LlmJsonSchema): StrictJsonSchema {
  const found: {refused?: string} = {};
  const adapted = adapt(jsonSchema, '', found) as LlmJsonSchema;
  const strict = toStrictJsonSchema(adapted, {removeKeywords: OPENAI_STRICT_REMOVED_KEYWORDS});
  // OpenAI's own refusal names the keyword and where it is: it says more than the kit's reason.
  if (found.refused === undefined) return strict;
  return {...strict, isStrict: false, reason: `the schema uses ${found.refused}, which strict mode cannot express`};
}

/** A copy of one schema node under OpenAI's rules, noting in `found` the first keyword strict mode refuses. */
function adapt(schema: unknown, path: string, found: {refused?: string}): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const node = schema as Node;
  const copy: Node = {};
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}/${key}`;
    if (REFUSED_KEYWORDS.has(key)) found.refused ??= `${key} (at ${at})`;
    if (key === 'format' && typeof value === 'string' && !OPENAI_STRICT_FORMATS.has(value)) continue;
    const name = key === 'oneOf' && !('anyOf' in node) ? 'anyOf' : key;
    if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null) {
      copy[name] = Object.fromEntries(
        Object.entries(value as Node).map(([child, sub]) => [child, adapt(sub, `${at}/${child}`, found)]),
      );
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      copy[name] = value.map((sub, index) => adapt(sub, `${at}/${index}`, found));
    } else if (SCHEMA_VALUES.has(key)) {
      copy[name] = adapt(value, at, found);
    } else {
      copy[name] = value;
    }
  }
  const {$ref, ...siblings} = copy;
  if (typeof $ref !== 'string' || Object.keys(siblings).length === 0 || 'anyOf' in siblings) return copy;
  // Strict mode refuses keywords beside a `$ref` (a description, say), but allows them beside an `anyOf`.
  return {...siblings, anyOf: [{$ref}]};
}
