import type {LlmProviderCall, ResolvedLlmOutput} from 'llm-rx';
import {toOpenAiJsonSchema} from './openai-json-schema';

/** OpenAI's JSON Schema response format, as both APIs carry it (Chat's `json_schema`, Responses' `format`). */
export interface OpenAiJsonSchemaFormat {
  readonly name: string;
  readonly description?: string;
  readonly schema: Record<string, unknown>;
  /** `true` unless the schema cannot be strict (see `toOpenAiJsonSchema()`). */
  readonly strict: boolean;
}

/** What a request with an `output` sends OpenAI, and how its answer is read back. */
export interface OpenAiOutputFormat {
  readonly format: OpenAiJsonSchemaFormat;
  /** For `ProviderEventSource.prepareObject`: removes the nulls strict mode made the model write. */
  readonly prepareObject?: (value: unknown) => unknown;
}

/**
 * The JSON Schema response format of a call's `output`: its name, description and the strict schema of
 * `toOpenAiJsonSchema()`. A schema that cannot be strict (a record, `allOf`, …) is sent with `strict: false`, and
 * the developer is told once per model and schema name (`call.warnOnce`) that only llm-rx's validation checks the
 * answer then.
 * @param output The call's `output`.
 * @param call The names and `warnOnce`, for the warning.
 * @returns The format, and `prepareObject` when the answer needs reading back.
 */
export function openAiOutputFormat(
  output: ResolvedLlmOutput,
  call: Pick<LlmProviderCall, 'provider' | 'model' | 'warnOnce'>,
): OpenAiOutputFormat {
  const {schema, isStrict, reason, prepareObject} = toOpenAiJsonSchema(output.jsonSchema);
  if (!isStrict) {
    call.warnOnce(
      `output-not-strict:${output.name}`,
      `llm-rx: the output schema "${output.name}" is sent to ${call.provider} (${call.model}) with strict: false, ` +
        `because ${reason}. The model is then not held to the schema: only llm-rx's validation checks the answer ` +
        '(an LlmObjectError when it does not match). To have it enforced, use closed objects: e.g. an array of ' +
        '{key, value} objects instead of a record.',
    );
  }
  return {
    format: {
      name: output.name,
      ...(output.description !== undefined && {description: output.description}),
      schema,
      strict: isStrict,
    },
    ...(prepareObject !== undefined && {prepareObject}),
  };
}
