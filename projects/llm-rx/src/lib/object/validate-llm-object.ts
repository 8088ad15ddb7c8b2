import type {LlmObjectIssue} from '../errors/llm-object-error';
import type {LlmJsonSchema, LlmOutput, LlmSchema} from './llm-output';
import {isStandardSchema} from './resolve-llm-output';
import type {StandardSchemaV1Issue, StandardSchemaV1Result} from './standard-schema';

/** What validating an answer's object gives: the value (a Standard Schema's output), or the issues. */
export type LlmObjectValidation<T = unknown> =
  {readonly value: T; readonly issues?: undefined} | {readonly issues: readonly LlmObjectIssue[]};

/** Keywords that only say "something inside failed": left out when the inner issue is also reported. */
const CONTAINER_KEYWORDS = new Set(['properties', 'items', 'prefixItems', '$ref', 'allOf', 'additionalItems']);

/**
 * Validates a parsed answer against a request's `output` schema, without `eval` (strict-CSP safe): a Standard Schema
 * validates itself; a plain JSON Schema is checked by `@cfworker/json-schema`, loaded at the first such call so
 * that it is not in an app's initial bundle.
 * @param output The request's `output`.
 * @param value The parsed JSON.
 * @returns The validated value (a Standard Schema's output, e.g. with its defaults and transforms), or the issues.
 */
export async function validateLlmObject(output: LlmOutput, value: unknown): Promise<LlmObjectValidation> {
  return validateAgainstSchema(output.schema, value);
}

/** `@cfworker/json-schema`, once its first `import()` resolved: validation is then synchronous. */
let loadedJsonSchemaModule: typeof import('@cfworker/json-schema') | undefined;

/**
 * Validates a value against a schema as `validateLlmObject()` does, synchronously when it can: a Standard Schema
 * whose `validate` is synchronous, or a JSON Schema once the validator is loaded. Used by the core for tool inputs,
 * so that a tool call's end is not delayed behind a promise.
 * @param schema A Standard Schema or a plain JSON Schema.
 * @param value The parsed JSON.
 * @returns The validation, or a promise of it.
 */
export function validateAgainstSchema(
  schema: LlmSchema,
  value: unknown,
): LlmObjectValidation | Promise<LlmObjectValidation> {
  if (isStandardSchema(schema)) {
    const result = schema['~standard'].validate(value);
    return result instanceof Promise ? result.then(standardValidation) : standardValidation(result);
  }
  if (loadedJsonSchemaModule !== undefined) return validateJsonSchema(loadedJsonSchemaModule, schema, value);
  return loadJsonSchemaValidator().then(module => validateJsonSchema(module, schema, value));
}

/**
 * Loads the JSON Schema validator ahead of its first use (e.g. when a request's tools have plain JSON Schemas).
 * @returns When it is loaded.
 */
export async function loadJsonSchemaValidator(): Promise<typeof import('@cfworker/json-schema')> {
  loadedJsonSchemaModule ??= await import('@cfworker/json-schema');
  return loadedJsonSchemaModule;
}

function standardValidation(result: StandardSchemaV1Result<unknown>): LlmObjectValidation {
  return result.issues === undefined ? {value: result.value} : {issues: result.issues.map(standardIssue)};
}

function validateJsonSchema(
  {Validator}: typeof import('@cfworker/json-schema'),
  schema: LlmJsonSchema,
  value: unknown,
): LlmObjectValidation {
  const result = new Validator(schema as Record<string, unknown>, '2020-12', false).validate(value);
  if (result.valid) return {value};
  const leaves = result.errors.filter(error => !CONTAINER_KEYWORDS.has(error.keyword));
  const reported = leaves.length > 0 ? leaves : result.errors;
  return {
    issues: reported.map(error => ({message: error.error, path: pointerPath(error.instanceLocation)})),
  };
}

function standardIssue(issue: StandardSchemaV1Issue): LlmObjectIssue {
  return {
    message: issue.message,
    // Array.from: a library's path may be an array subclass with fields of its own (arktype's), not for storing.
    path: Array.from(issue.path ?? [], segment => {
      const key = typeof segment === 'object' ? segment.key : segment;
      return typeof key === 'number' ? key : String(key);
    }),
  };
}

/** `#/items/0/name` → `['items', 0, 'name']`. */
function pointerPath(location: string): (string | number)[] {
  const pointer = location.replace(/^#/, '');
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map(segment => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(segment => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}
