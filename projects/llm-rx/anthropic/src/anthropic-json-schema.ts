import {mapJsonSchema, toStrictJsonSchema, type LlmJsonSchema, type StrictJsonSchema} from 'llm-rx';

type Node = Record<string, unknown>;

/** The string formats Anthropic's structured output decodes; a schema with another one is refused. */
const SUPPORTED_FORMATS = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'uri',
  'ipv4',
  'ipv6',
  'uuid',
]);

/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions']);

/** Keywords whose value is a schema or a list of schemas. */
const SUBSCHEMAS = new Set(['items', 'anyOf', 'allOf', 'additionalProperties']);

/** Keywords sent as they are (the others are described, see `toAnthropicJsonSchema()`). */
const KEPT = new Set(['type', 'title', 'description', 'required', '$ref', ...SCHEMA_MAPS, ...SUBSCHEMAS]);

/**
 * The schema Anthropic's native structured output (`output_config.format`) accepts, from a request's JSON Schema.
 *
 * Its constrained decoding knows a subset of JSON Schema: types, `properties`, `required`, `items`, `anyOf`,
 * `allOf`, local `$ref`s with `$defs`/`definitions`, `enum` and `const` of plain values, the formats `date-time`,
 * `time`, `date`, `duration`, `email`, `hostname`, `uri`, `ipv4`, `ipv6`, `uuid`, and `minItems` of 0 or 1; every
 * object must have `additionalProperties: false`. So, as `@anthropic-ai/sdk`'s own helper does:
 * - any other keyword (`minimum`, `maxLength`, `pattern`, `maxItems`, another format, `minItems` above 1, …) is
 *   taken out of the node and written into its `description` (`{minimum: 1}`), so that the model still reads it;
 * - `oneOf` is sent as `anyOf`;
 * - then `toStrictJsonSchema()` closes every object and sends optional properties as required and nullable, and
 *   its `prepareObject` removes those `null`s again.
 * Nothing is lost: the request's own schema still validates the answer, removed keywords included.
 * @param schema The request's JSON Schema (`call.output.jsonSchema`), not changed.
 * @param description `output.description`, written into the root's `description` when the root has none: native
 *   structured output has no field of its own for it.
 * @returns The schema to send, whether it is strict (`isStrict: false` when an object allows extra properties,
 *   e.g. a record, which native structured output cannot express), and `prepareObject`.
 */
export function toAnthropicJsonSchema(schema: LlmJsonSchema, description?: string): StrictJsonSchema {
  const supported = mapJsonSchema(schema, {visit: supportedNode}) as Node;
  if (description !== undefined && supported['description'] === undefined) supported['description'] = description;
  return toStrictJsonSchema(supported);
}

/** One node in the subset (its schemas already are): `oneOf` as `anyOf`, the rest described. */
function supportedNode(copy: Node): Node {
  const supported: Node = {};
  const described: Node = {};
  for (const [key, value] of Object.entries(copy)) {
    if (key === 'oneOf') supported['anyOf'] = value;
    else if (KEPT.has(key) || isSupportedValue(key, value)) supported[key] = value;
    else described[key] = value;
  }
  return withDescribedKeywords(supported, described);
}

/**
 * A schema node with keywords Anthropic refuses written into its `description` instead (`{minimum: 1}`, after the
 * node's own description), so that the model still reads them.
 * @param node The node without those keywords (changed and returned).
 * @param described The keywords taken out, with their values; none leaves the node as it is.
 * @returns The node.
 */
export function withDescribedKeywords(node: Node, described: Node): Node {
  const extra = Object.entries(described);
  if (extra.length > 0) {
    const constraints = `{${extra.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')}}`;
    node['description'] =
      typeof node['description'] === 'string' ? `${node['description']}\n\n${constraints}` : constraints;
  }
  return node;
}

/** Whether a keyword with a value of its own is in the subset, with this value. */
function isSupportedValue(key: string, value: unknown): boolean {
  switch (key) {
    case 'enum':
      return Array.isArray(value) && value.length > 0 && value.every(isPlainValue);
    case 'const':
      return isPlainValue(value);
    case 'format':
      return typeof value === 'string' && SUPPORTED_FORMATS.has(value);
    case 'minItems':
      return value === 0 || value === 1;
    default:
      return false;
  }
}

function isPlainValue(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}
