import type {StandardSchemaV1} from './standard-schema';

/** A plain JSON Schema object (draft 2020-12), as the providers take it. */
export type LlmJsonSchema = Readonly<Record<string, unknown>>;

declare const OBJECT_TYPE: unique symbol;

/** A plain JSON Schema with the TypeScript type of the objects it describes; see `llmJsonSchema()`. */
export type LlmTypedJsonSchema<T> = LlmJsonSchema & {readonly [OBJECT_TYPE]?: T};

/**
 * What an answer's object is checked against: a Standard Schema (zod 4, valibot, arktype, …), whose
 * `~standard.validate` checks it and whose `~standard.jsonSchema` (Standard JSON Schema) gives the JSON Schema sent
 * to the provider; or a plain JSON Schema object, checked by a validator that needs no `eval`.
 * @typeParam T The validated object's type.
 */
export type LlmSchema<T = unknown> = StandardSchemaV1<unknown, T> | LlmTypedJsonSchema<T>;

/**
 * Asks for an object instead of prose: the provider is told the schema in its own way (a JSON Schema response
 * format, a forced tool, or the prompt), the stream emits the object as it grows (`partial-object` parts) and once,
 * validated, at the end (an `object` part), before the usage part.
 * @typeParam T The validated object's type.
 */
export interface LlmOutput<T = unknown> {
  /** The schema the answer must match. */
  readonly schema: LlmSchema<T>;
  /**
   * A name for the schema, sent to the providers that take one: letters, digits, `_` and `-`, at most 64;
   * default `response`.
   */
  readonly name?: string;
  /** What the object is, sent to the providers that take it: it helps the model fill it in. */
  readonly description?: string;
  /**
   * The JSON Schema to send, for a Standard Schema that cannot convert itself (one without
   * `~standard.jsonSchema`, e.g. valibot without `@valibot/to-json-schema`). Validation still uses the schema.
   */
  readonly jsonSchema?: LlmJsonSchema;
}

/**
 * The type of a partial object as it streams: every property optional, at every depth. A partial object never
 * passed validation; only the `object` part's value is the schema's type.
 * @typeParam T The validated object's type.
 */
export type LlmDeepPartial<T> = T extends (infer Item)[]
  ? LlmDeepPartial<Item>[]
  : T extends readonly (infer Item)[]
    ? readonly LlmDeepPartial<Item>[]
    : T extends object
      ? {[Key in keyof T]?: LlmDeepPartial<T[Key]>}
      : T;

/**
 * Types a plain JSON Schema with the TypeScript type of the objects it describes, so that `streamObject()` and
 * `collectResponse()` give that type. It returns the schema itself; nothing checks that the type and the schema
 * agree, only the validation at the end of the stream checks the object.
 * @param schema The JSON Schema.
 * @returns The same schema, typed.
 * @typeParam T The type of the objects the schema describes.
 *
 * ```ts
 * interface Contact { name: string; email?: string }
 * const contact = llmJsonSchema<Contact>({
 *   type: 'object',
 *   properties: {name: {type: 'string'}, email: {type: 'string'}},
 *   required: ['name'],
 * });
 * ```
 */
export function llmJsonSchema<T>(schema: LlmJsonSchema): LlmTypedJsonSchema<T> {
  return schema as LlmTypedJsonSchema<T>;
}
