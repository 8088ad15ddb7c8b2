import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {isPlainObject} from '../validation/check-http-headers';
import type {LlmJsonSchema, LlmOutput} from './llm-output';
import type {StandardSchemaV1} from './standard-schema';

/** The schema name sent when `LlmOutput.name` is not given. */
export const DEFAULT_OUTPUT_NAME = 'response';

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A request's `output`, ready for an adapter: the name, the description and the JSON Schema to send. */
export interface ResolvedLlmOutput {
  /** `output.name`, or `response`. */
  readonly name: string;
  readonly description?: string;
  /** The JSON Schema (draft 2020-12) of the object, without `$schema`; its root is an object. */
  readonly jsonSchema: LlmJsonSchema;
}

/**
 * Whether a schema is a Standard Schema (it validates itself) rather than a plain JSON Schema.
 * @param schema The schema.
 * @returns Whether it has a `~standard` property with a `validate` function.
 */
export function isStandardSchema(schema: unknown): schema is StandardSchemaV1 {
  if ((typeof schema !== 'object' && typeof schema !== 'function') || schema === null) return false;
  const props = (schema as Partial<StandardSchemaV1>)['~standard'];
  return typeof props === 'object' && props !== null && typeof props.validate === 'function';
}

/**
 * Checks a request's `output` and gives what an adapter sends: the name, the description and the JSON Schema
 * (from `output.jsonSchema`, a Standard Schema's `~standard.jsonSchema.input()`, or the plain JSON Schema itself).
 * The JSON Schema of the schema's input is sent, since the model writes what the schema then parses.
 * @param output The request's `output`.
 * @returns The resolved output.
 * @throws LlmInvalidRequestError naming the field (`output`, `output.schema`, `output.name`, …) and what to do.
 */
export function resolveLlmOutput(output: LlmOutput): ResolvedLlmOutput {
  if (!isPlainObject(output)) {
    throw new LlmInvalidRequestError(
      'output',
      'llm-rx: output must be an object such as {schema: ContactSchema, name: "contact"}.',
    );
  }
  return resolveNamedSchema(
    {
      name: output.name ?? DEFAULT_OUTPUT_NAME,
      description: output.description,
      schema: output.schema,
      jsonSchema: output.jsonSchema,
    },
    {name: 'output.name', description: 'output.description', schema: 'output.schema', jsonSchema: 'output.jsonSchema'},
  );
}

/** A schema with its name and description, as `output` and each of `tools` give them. */
export interface LlmNamedSchema {
  readonly name: unknown;
  readonly description: unknown;
  readonly schema: unknown;
  readonly jsonSchema: unknown;
}

/**
 * Checks a named schema (an `output`, a tool's input) and gives its name, description and JSON Schema; shared by
 * `resolveLlmOutput()` and `resolveLlmTools()`.
 * @param spec The name, description, schema and optional JSON Schema.
 * @param fields What each part is called in the request, for the errors (e.g. `tools[0].inputSchema`).
 * @returns The resolved schema.
 * @throws LlmInvalidRequestError naming the field and what to do.
 */
export function resolveNamedSchema(
  spec: LlmNamedSchema,
  fields: {readonly [Part in keyof LlmNamedSchema]: string},
): ResolvedLlmOutput {
  const {name, description} = spec;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new LlmInvalidRequestError(
      fields.name,
      `llm-rx: ${fields.name} must be 1 to 64 letters, digits, "_" or "-" (providers refuse others), e.g. "contact"; got ${JSON.stringify(name)}.`,
    );
  }
  if (description !== undefined && typeof description !== 'string') {
    throw new LlmInvalidRequestError(fields.description, `llm-rx: ${fields.description} must be a string when given.`);
  }
  const jsonSchema = withoutDialect(jsonSchemaOf(spec, fields));
  if (jsonSchema['type'] !== 'object') {
    throw new LlmInvalidRequestError(
      fields.schema,
      `llm-rx: ${fields.schema} must describe an object (JSON Schema type "object"), which every provider accepts. ` +
        'For a list or a single value, wrap it: an object with one property, e.g. {items: [...]}.',
    );
  }
  return {name, ...(description !== undefined && {description}), jsonSchema};
}

function jsonSchemaOf(
  spec: LlmNamedSchema,
  fields: {readonly schema: string; readonly jsonSchema: string},
): LlmJsonSchema {
  if (spec.jsonSchema !== undefined) {
    if (!isPlainObject(spec.jsonSchema)) {
      throw new LlmInvalidRequestError(fields.jsonSchema, `llm-rx: ${fields.jsonSchema} must be a JSON Schema object.`);
    }
    return spec.jsonSchema;
  }
  const {schema} = spec;
  if (isStandardSchema(schema)) {
    const converter = schema['~standard'].jsonSchema;
    if (typeof converter?.input !== 'function') {
      throw new LlmInvalidRequestError(
        fields.schema,
        `llm-rx: ${fields.schema}, a ${schema['~standard'].vendor} schema, cannot give its JSON Schema (it has no ` +
          '~standard.jsonSchema, Standard JSON Schema 1.1). Upgrade the library (zod ≥ 4.2 has it), wrap it with ' +
          "the library's converter (valibot: toStandardJsonSchema from @valibot/to-json-schema), or pass the JSON " +
          `Schema as ${fields.jsonSchema}.`,
      );
    }
    try {
      return converter.input({target: 'draft-2020-12'});
    } catch (error) {
      throw new LlmInvalidRequestError(
        fields.schema,
        `llm-rx: ${fields.schema}, a ${schema['~standard'].vendor} schema, could not be converted to JSON Schema ` +
          `(${error instanceof Error ? error.message : String(error)}). Remove what JSON Schema cannot express ` +
          `(e.g. transforms of the input), or pass the JSON Schema as ${fields.jsonSchema}.`,
      );
    }
  }
  if (!isPlainObject(schema)) {
    throw new LlmInvalidRequestError(
      fields.schema,
      `llm-rx: ${fields.schema} must be a Standard Schema (zod 4, valibot, arktype, …) or a plain JSON Schema object, ` +
        'e.g. {type: "object", properties: {name: {type: "string"}}, required: ["name"]}.',
    );
  }
  return schema;
}

/** The schema without its `$schema` dialect marker, which some providers refuse. */
function withoutDialect(schema: LlmJsonSchema): LlmJsonSchema {
  if (!('$schema' in schema)) return schema;
  const {$schema: _dialect, ...rest} = schema;
  return rest;
}
