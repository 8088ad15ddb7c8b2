import type {LlmObjectIssue} from '../errors/llm-object-error';
import type {LlmJsonSchema, LlmOutput} from './llm-output';
import {isStandardSchema} from './resolve-llm-output';
import type {StandardSchemaV1Issue} from './standard-schema';

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
  const {schema} = output;
  if (isStandardSchema(schema)) {
    const result = await schema['~standard'].validate(value);
    return result.issues === undefined ? {value: result.value} : {issues: result.issues.map(standardIssue)};
  }
  return validateJsonSchema(schema, value);
}

async function validateJsonSchema(schema: LlmJsonSchema, value: unknown): Promise<LlmObjectValidation> {
  const {Validator} = await import('@cfworker/json-schema');
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
