import {mapJsonSchema, toStrictJsonSchema, type LlmJsonSchema, type StrictJsonSchema} from 'llm-rx';

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
  const adapted = mapJsonSchema(jsonSchema, {
    // A `format` strict mode does not know is left out.
    drop: (key, node) => key === 'format' && typeof node[key] === 'string' && !OPENAI_STRICT_FORMATS.has(node[key]),
    visit: (copy, original, path) => adapt(copy, original, path, found),
  }) as LlmJsonSchema;
  const strict = toStrictJsonSchema(adapted, {removeKeywords: OPENAI_STRICT_REMOVED_KEYWORDS});
  // OpenAI's own refusal names the keyword and where it is: it says more than the kit's reason.
  if (found.refused === undefined) return strict;
  return {...strict, isStrict: false, reason: `the schema uses ${found.refused}, which strict mode cannot express`};
}

/** One schema node under OpenAI's rules (its schemas already are), noting in `found` the first refused keyword. */
function adapt(copy: Node, original: Node, path: string, found: {refused?: string}): Node {
  for (const key of Object.keys(original)) {
    if (REFUSED_KEYWORDS.has(key)) found.refused ??= `${key} (at ${path}/${key})`;
  }
  if ('oneOf' in copy && !('anyOf' in copy)) {
    copy['anyOf'] = copy['oneOf'];
    delete copy['oneOf'];
  }
  const {$ref, ...siblings} = copy;
  if (typeof $ref !== 'string' || Object.keys(siblings).length === 0 || 'anyOf' in siblings) return copy;
  // Strict mode refuses keywords beside a `$ref` (a description, say), but allows them beside an `anyOf`.
  return {...siblings, anyOf: [{$ref}]};
}
