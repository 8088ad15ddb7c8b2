import type {LlmJsonSchema} from './llm-output';
import {mapJsonSchema} from './map-json-schema';

/** What `toStrictJsonSchema()` gives: the schema to send, whether it is strict, and how to read the answer back. */
export interface StrictJsonSchema {
  /** The schema to send: a new value, the input is not changed. */
  readonly schema: LlmJsonSchema;
  /**
   * Whether the schema meets strict mode (every object closed, every property required): `false` when an object
   * allows extra properties (`additionalProperties: true` or a schema, e.g. a record; `patternProperties`; or no
   * `properties` at all, any object), which strict mode cannot express: that object is left open. An intersection
   * (`allOf`) is not strict either: closing each part would refuse the other parts' properties. Send the schema
   * without strict mode then, and let validation check the answer.
   */
  readonly isStrict: boolean;
  /** Why it is not strict, for a warning. */
  readonly reason?: string;
  /**
   * Removes the `null` of each optional property that was sent as required and nullable, so that the answer
   * matches the original schema again (`ProviderEventSource.prepareObject`). Absent when no property was changed.
   */
  readonly prepareObject?: (value: unknown) => unknown;
}

/** Options of `toStrictJsonSchema()`. */
export interface StrictJsonSchemaOptions {
  /** Keywords the provider's strict mode refuses, removed from the sent schema (validation still checks them). */
  readonly removeKeywords?: readonly string[];
}

type Node = Record<string, unknown>;

/**
 * Rewrites a JSON Schema as the strict structured-output modes (OpenAI's `strict: true`, Anthropic's) require:
 * every object gets `additionalProperties: false`, every property is listed in `required`, and a property that was
 * optional becomes required and nullable (`null` then means "absent", and `prepareObject` removes it before
 * validation). Local `$ref`s (`#/$defs/…`) are rewritten in place. Nothing is lost: the request's own schema still
 * validates the answer.
 * @param schema The object's JSON Schema.
 * @param options Keywords to remove.
 * @returns The strict schema, and how to read the answer back.
 *
 * ```ts
 * toStrictJsonSchema({type: 'object', properties: {a: {type: 'string'}}}).schema;
 * // {type: 'object', properties: {a: {type: ['string', 'null']}}, required: ['a'], additionalProperties: false}
 * ```
 */
export function toStrictJsonSchema(schema: LlmJsonSchema, options: StrictJsonSchemaOptions = {}): StrictJsonSchema {
  const removed = new Set(options.removeKeywords ?? []);
  const madeNullable = new Map<Node, ReadonlySet<string>>();
  let reason: string | undefined;
  const visit = (copy: Node, node: Node, path: string): unknown => {
    if (Array.isArray(copy['allOf'])) {
      // An intersection: closing each part would refuse the other parts' properties, and merging parts is not a
      // rewrite strict mode allows. It is sent as it is, without strict mode.
      reason ??= `the schema at ${path || '(root)'} is an intersection (allOf), which strict mode cannot express`;
      return copy;
    }
    if (!isObjectSchema(copy)) return copy;
    const open = openness(node);
    if (open !== undefined) {
      // Closing it would leave the model no property it may write: it stays open, and the schema is not strict.
      reason ??= `the object at ${path || '(root)'} ${open}, which strict mode cannot express`;
    } else {
      copy['additionalProperties'] = false;
    }
    const properties = (copy['properties'] ?? {}) as Node;
    const required = new Set(Array.isArray(copy['required']) ? (copy['required'] as string[]) : []);
    const optional = Object.keys(properties).filter(name => !required.has(name));
    if (optional.length > 0) {
      // Only a null the original schema refused means "absent"; read before nullable() changes the nodes (its
      // `$ref`s followed in the original, which this rewrite has not changed).
      madeNullable.set(copy, new Set(optional.filter(name => !allowsNull(properties[name], schema))));
      copy['properties'] = Object.fromEntries(
        Object.entries(properties).map(([name, child]) => [name, required.has(name) ? child : nullable(child, schema)]),
      );
    }
    copy['required'] = Object.keys(properties);
    return copy;
  };
  const strict = mapJsonSchema(schema, {drop: key => removed.has(key), visit}) as Node;
  const changed = [...madeNullable.values()].some(names => names.size > 0);
  return {
    schema: strict,
    isStrict: reason === undefined,
    ...(reason !== undefined && {reason}),
    ...(changed && {prepareObject: (value: unknown) => withoutAddedNulls(value, strict, strict, madeNullable)}),
  };
}

function isObjectSchema(node: Node): boolean {
  const type = node['type'];
  return type === 'object' || (Array.isArray(type) && type.includes('object')) || 'properties' in node;
}

/**
 * Whether a schema accepts `null`: its type includes it, a branch of its union does, it is the `true` schema, or its
 * local `$ref` (followed in `root`) does.
 */
function allowsNull(schema: unknown, root: Node, depth = 0): boolean {
  if (schema === true) return true;
  if (typeof schema !== 'object' || schema === null || depth > 32) return false;
  const node = schema as Node;
  const type = node['type'];
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  if (typeof node['$ref'] === 'string') {
    const target = resolved(node, root);
    if (target !== undefined && target !== node && allowsNull(target, root, depth + 1)) return true;
  }
  const union = (node['anyOf'] ?? node['oneOf']) as unknown[] | undefined;
  return Array.isArray(union) && union.some(branch => allowsNull(branch, root, depth + 1));
}

/**
 * Why an object schema must stay open, or `undefined` when it can be closed: it allows properties of any name
 * (`additionalProperties` not `false`, e.g. a record), names them by pattern (`patternProperties`), or lists no
 * `properties` at all (any object). Closing such an object would leave the model no property it may write.
 */
function openness(node: Node): string | undefined {
  const extra = node['additionalProperties'];
  if (extra !== undefined && extra !== false) return 'allows properties of any name (additionalProperties)';
  const patterns = node['patternProperties'];
  if (typeof patterns === 'object' && patterns !== null && Object.keys(patterns).length > 0) {
    return 'allows properties named by a pattern (patternProperties)';
  }
  if (extra === undefined && !('properties' in node)) return 'lists no properties (any object)';
  return undefined;
}

/**
 * The property's schema, with `null` allowed. It is this function's own copy (made by `rewrite`), changed in
 * place so that it stays the node `madeNullable` knows.
 */
function nullable(schema: unknown, root: Node): unknown {
  if (allowsNull(schema, root)) return schema;
  if (typeof schema !== 'object' || schema === null) return {anyOf: [schema, {type: 'null'}]};
  const node = schema as Node;
  const type = node['type'];
  if ('enum' in node || 'const' in node || (typeof type !== 'string' && !Array.isArray(type))) {
    return {anyOf: [schema, {type: 'null'}]};
  }
  node['type'] = typeof type === 'string' ? [type, 'null'] : [...(type as unknown[]), 'null'];
  return node;
}

/**
 * The answer, without the `null`s strict mode made the model write for absent optional properties. Copy on write:
 * only the objects and arrays on the way to a removed `null` are new, everything else is the parsed value itself.
 */
function withoutAddedNulls(
  value: unknown,
  schema: unknown,
  root: Node,
  madeNullable: Map<Node, ReadonlySet<string>>,
): unknown {
  const node = resolved(schema, root);
  if (node === undefined || typeof value !== 'object' || value === null) return value;
  const branches = (node['anyOf'] ?? node['oneOf']) as unknown[] | undefined;
  if (Array.isArray(branches)) {
    // A nullable union (what `nullable()` makes): the value, not null, is its one other branch. In a union of
    // several (e.g. a discriminated union), it is the first branch the value fits.
    const others = branches.filter(branch => !allowsNull(branch, root));
    const branch = others.length === 1 ? others[0] : others.find(candidate => fits(value, candidate, root));
    return branch === undefined ? value : withoutAddedNulls(value, branch, root, madeNullable);
  }
  if (Array.isArray(value)) {
    const items = node['items'];
    const prefix = Array.isArray(node['prefixItems']) ? (node['prefixItems'] as unknown[]) : [];
    if (items === undefined && prefix.length === 0) return value;
    // Copied only from the first item that changed: an answer with no added null is given back as it is.
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const itemSchema = index < prefix.length ? prefix[index] : items;
      const kept = itemSchema === undefined ? item : withoutAddedNulls(item, itemSchema, root, madeNullable);
      if (kept !== item && copy === undefined) copy = value.slice(0, index);
      copy?.push(kept);
    }
    return copy ?? value;
  }
  const properties = node['properties'] as Node | undefined;
  if (properties === undefined) return value;
  const added = madeNullable.get(node);
  const members = value as Node;
  let result: Node | undefined;
  const keys = Object.keys(members);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index];
    const member = members[key];
    const isDropped = member === null && added !== undefined && added.has(key);
    const child = isDropped || !Object.prototype.hasOwnProperty.call(properties, key) ? undefined : properties[key];
    const kept = child === undefined ? member : withoutAddedNulls(member, child, root, madeNullable);
    if ((isDropped || kept !== member) && result === undefined) {
      // Copied only from the first member that changed, with the members before it.
      result = {};
      for (let before = 0; before < index; before++) setOwn(result, keys[before], members[keys[before]]);
    }
    if (result !== undefined && !isDropped) setOwn(result, key, kept);
  }
  return result ?? value;
}

/** Sets a member as JSON.parse does: `__proto__` is an own property, never the prototype. */
function setOwn(target: Node, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {value, writable: true, enumerable: true, configurable: true});
  } else {
    target[key] = value;
  }
}

/**
 * Whether an answer's object or array can be of a union's branch: an array for an array schema; an object whose
 * every key is a property of the branch, with the value of each `const` or `enum` property among its values (how a
 * discriminated union's branches differ). Strict mode makes the model write every property of its branch.
 */
function fits(value: object, schema: unknown, root: Node): boolean {
  const node = resolved(schema, root);
  if (node === undefined) return false;
  const type = node['type'];
  if (Array.isArray(value)) return type === 'array' || (Array.isArray(type) && type.includes('array'));
  const properties = node['properties'] as Node | undefined;
  if (properties === undefined) return false;
  return Object.entries(value).every(([key, member]) => {
    if (!Object.prototype.hasOwnProperty.call(properties, key)) return false;
    const property = resolved(properties[key], root);
    if (property === undefined) return true;
    if ('const' in property) return property['const'] === member;
    const values = property['enum'];
    return !Array.isArray(values) || typeof member === 'object' || values.includes(member);
  });
}

/** A schema node with its local `$ref` followed. */
function resolved(schema: unknown, root: Node, depth = 0): Node | undefined {
  if (typeof schema !== 'object' || schema === null || depth > 32) return undefined;
  const ref = (schema as Node)['$ref'];
  if (typeof ref !== 'string') return schema as Node;
  if (!ref.startsWith('#')) return undefined;
  let target: unknown = root;
  for (const segment of ref.slice(1).split('/').filter(Boolean)) {
    target = (target as Node | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return resolved(target, root, depth + 1);
}
