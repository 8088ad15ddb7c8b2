import {mapJsonSchema, toStrictJsonSchema, type LlmJsonSchema} from 'llm-rx';

/**
 * Keywords Cohere's structured outputs do not take: schema composition other than `anyOf` (`allOf`, `not`),
 * numeric ranges, array and string lengths, `uniqueItems`, and the neighbours of those (`exclusiveMinimum`,
 * `multipleOf`, `minProperties`, …).
 */
const UNSUPPORTED_KEYWORDS = new Set([
  'allOf',
  'not',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'uniqueItems',
  'minProperties',
  'maxProperties',
]);

/** The only string formats Cohere takes. */
const COHERE_FORMATS = new Set(['date-time', 'uuid', 'date', 'time']);

/** What Cohere's regular expressions cannot contain: anchors and lookaheads. */
const UNSUPPORTED_PATTERN = /[\^$]|\(\?[=!]/;

/** What `toCohereJsonSchema()` gives: the schema to send, and how to read the answer back. */
export interface CohereJsonSchema {
  /** The schema for `responseFormat.jsonSchema`. */
  readonly schema: LlmJsonSchema;
  /**
   * Removes the `null`s Cohere was made to write for absent optional properties, before validation
   * (`ProviderEventSource.prepareObject`); absent when no property was changed.
   */
  readonly prepareObject?: (value: unknown) => unknown;
}

type Node = Record<string, unknown>;

/**
 * Adapts a JSON Schema to what Cohere's structured outputs (`response_format: {type: 'json_object', json_schema}`)
 * accept, so that Cohere constrains its answer with it.
 *
 * - Cohere requires every object to list at least one `required` property: every object is sent as
 *   `toStrictJsonSchema()` makes it, each property required and an optional one nullable (`prepareObject` then
 *   removes the `null` that means "absent"), and closed with `additionalProperties: false` unless it allows other
 *   names.
 * - What Cohere does not take is left out (see `UNSUPPORTED_KEYWORDS`), as are formats other than `date-time`,
 *   `uuid`, `date` and `time`, and patterns with anchors (`^`, `$`) or lookaheads; `oneOf` becomes `anyOf`. The
 *   request's own schema still validates the answer, so these are checked after the stream instead.
 * - Draft-07 `definitions` become `$defs`, and their `#/definitions/` references `#/$defs/`.
 * @param schema The object's JSON Schema.
 * @returns The schema to send (a new value, the input is not changed), and `prepareObject`.
 *
 * ```ts
 * toCohereJsonSchema({type: 'object', properties: {a: {type: 'string', maxLength: 9}}}).schema;
 * // {type: 'object', properties: {a: {type: ['string', 'null']}}, required: ['a'], additionalProperties: false}
 * ```
 */
export function toCohereJsonSchema(schema: LlmJsonSchema): CohereJsonSchema {
  const {schema: strict, prepareObject} = toStrictJsonSchema(toCohereSchemaSubset(schema));
  return {schema: strict, ...(prepareObject && {prepareObject})};
}

/**
 * Rewrites a JSON Schema into the subset Cohere's constrained decoding takes, without closing its objects: the
 * keywords, formats and patterns Cohere refuses are left out, `oneOf` becomes `anyOf` and `definitions` become
 * `$defs` (see `toCohereJsonSchema()`). Used as it is for the tools of a `strictTools` request, whose optional
 * parameters stay optional; `toCohereJsonSchema()` then closes it for a response format.
 * @param schema The JSON Schema.
 * @returns The schema to send (a new value, the input is not changed).
 *
 * ```ts
 * toCohereSchemaSubset({type: 'object', properties: {a: {type: 'string', maxLength: 9}}});
 * // {type: 'object', properties: {a: {type: 'string'}}}
 * ```
 */
export function toCohereSchemaSubset(schema: LlmJsonSchema): LlmJsonSchema {
  return mapJsonSchema(schema, {drop: key => UNSUPPORTED_KEYWORDS.has(key), visit: rewrite}) as LlmJsonSchema;
}

/** The keyword changes that depend on a value (`format`, `pattern`, `oneOf`, `$ref`), on one node. */
function rewrite(copy: Node, original: Node): Node {
  const cohere: Node = {};
  for (const [key, value] of Object.entries(copy)) {
    if (key === 'definitions' || key === '$defs') {
      cohere['$defs'] = {...(cohere['$defs'] as Node | undefined), ...(value as Node)};
    } else if (key === 'oneOf') {
      // `anyOf` and `oneOf` together would both have to hold: then `oneOf` is left to validation.
      if (!('anyOf' in original)) cohere['anyOf'] = value;
    } else if (key === '$ref' && typeof value === 'string') {
      cohere[key] = value.replace(/^#\/definitions\//, '#/$defs/');
    } else if (key === 'format') {
      if (typeof value === 'string' && COHERE_FORMATS.has(value)) cohere[key] = value;
    } else if (key === 'pattern') {
      if (typeof value === 'string' && !UNSUPPORTED_PATTERN.test(value)) cohere[key] = value;
    } else {
      cohere[key] = value;
    }
  }
  return cohere;
}
