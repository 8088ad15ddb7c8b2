/*
 * The parts of Standard Schema 1.1 (https://standardschema.dev, MIT licence) that llm-rx reads, copied as the
 * specification asks libraries to do, so that no schema library (nor `@standard-schema/spec`) is a dependency.
 * zod 4, valibot, arktype and others implement them.
 */

/** A Standard Schema: a schema that validates by itself (`~standard.validate`). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1Props<Input, Output>;
}

/** The `~standard` properties of a Standard Schema, with Standard JSON Schema's optional converter. */
export interface StandardSchemaV1Props<Input = unknown, Output = Input> {
  readonly version: 1;
  readonly vendor: string;
  readonly validate: (value: unknown) => StandardSchemaV1Result<Output> | Promise<StandardSchemaV1Result<Output>>;
  readonly types?: {readonly input: Input; readonly output: Output} | undefined;
  /** Standard JSON Schema 1.1: converts the schema to JSON Schema, for the providers that take one. */
  readonly jsonSchema?: {
    readonly input: (options: {readonly target: string}) => Record<string, unknown>;
    readonly output: (options: {readonly target: string}) => Record<string, unknown>;
  };
}

/** What `~standard.validate` returns: the typed value, or issues. */
export type StandardSchemaV1Result<Output> =
  {readonly value: Output; readonly issues?: undefined} | {readonly issues: readonly StandardSchemaV1Issue[]};

/** One issue of a failed validation. */
export interface StandardSchemaV1Issue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | {readonly key: PropertyKey})[] | undefined;
}
