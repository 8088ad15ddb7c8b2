import type {JSONOutputFormat, Tool, ToolChoiceTool} from '@anthropic-ai/sdk/resources/messages';
import {LlmInvalidRequestError, type LlmProviderCall} from 'llm-rx';
import {toAnthropicJsonSchema} from './anthropic-json-schema';
import type {AnthropicOptions} from './anthropic-options';
import {anthropicOutputModeOf} from './anthropic-output-mode';

/** The tool's description when `output.description` is not given: what the model reads about the forced tool. */
export const DEFAULT_OUTPUT_TOOL_DESCRIPTION =
  'Give your answer with this tool: its input is the JSON object you were asked for. Call it once, with the whole object.';

/** How a request's `output` is sent: the body fields that carry the schema, and how to read the answer. */
export type AnthropicOutputPlan =
  | {
      readonly mode: 'native';
      readonly fields: {readonly output_config: {readonly format: JSONOutputFormat}};
      /** Removes the `null`s the normalised schema made the model write for absent optional properties. */
      readonly prepareObject?: (value: unknown) => unknown;
    }
  | {
      readonly mode: 'tool';
      readonly fields: {readonly tools: readonly Tool[]; readonly tool_choice: ToolChoiceTool};
      /** The forced tool's name, whose input JSON is the answer. */
      readonly toolName: string;
    };

/** What `planAnthropicOutput()` reads of a call. */
export type AnthropicOutputCall = Pick<
  LlmProviderCall<unknown, AnthropicOptions>,
  'model' | 'output' | 'options' | 'providerOptions' | 'warnOnce'
>;

/**
 * Chooses how a request's `output` goes to Anthropic (`anthropicOutputModeOf()`) and builds the fields for it:
 * - `native`: `output_config: {format: {type: 'json_schema', schema}}` with the schema normalised by
 *   `toAnthropicJsonSchema()`. A schema native structured output cannot express (an object with
 *   `additionalProperties`, e.g. a record) is sent as a forced tool instead, with one warning per model, unless
 *   the option asked for `native`.
 * - `tool`: `tools: [{name, description, input_schema}]` with the request's schema as it is, forced with
 *   `tool_choice: {type: 'tool', name, disable_parallel_tool_use: true}` (exactly one call of it).
 * @param call The model, the resolved `output`, the options' `structuredOutput`, `providerOptions.anthropic` and
 *   the model's `warnOnce`.
 * @returns The plan, or `undefined` for a request without `output`.
 * @throws LlmInvalidRequestError, before any request, in tool mode when `providerOptions.anthropic` enables
 *   `thinking` (the Messages API refuses extended thinking with a forced tool) or sets `tools` or `tool_choice`
 *   (which would replace the output tool); and with the option `native` for a schema it cannot express.
 */
export function planAnthropicOutput(call: AnthropicOutputCall): AnthropicOutputPlan | undefined {
  const {model, output} = call;
  if (output === undefined) return undefined;
  const option = call.options.structuredOutput;
  if (anthropicOutputModeOf(model, option) === 'native') {
    const {schema, isStrict, reason, prepareObject} = toAnthropicJsonSchema(output.jsonSchema, output.description);
    if (isStrict) {
      const fields = {output_config: {format: {type: 'json_schema' as const, schema}}};
      return prepareObject === undefined ? {mode: 'native', fields} : {mode: 'native', fields, prepareObject};
    }
    if (option === 'native') {
      throw new LlmInvalidRequestError(
        'output.schema',
        `llm-rx: anthropic's native structured output cannot express this output schema for ${model}: ${reason}. ` +
          "Name the object's properties, or set the option structuredOutput: 'tool' (or leave it unset).",
      );
    }
    call.warnOnce(
      'output-as-tool',
      `llm-rx: anthropic (${model}) sends an output schema as a forced tool rather than native structured ` +
        `output, which cannot express it (${reason}): the schema then guides the model, and validation checks the answer.`,
    );
  }
  checkToolModeOptions(call);
  const tool: Tool = {
    name: output.name,
    description: output.description ?? DEFAULT_OUTPUT_TOOL_DESCRIPTION,
    input_schema: output.jsonSchema as Tool.InputSchema,
  };
  return {
    mode: 'tool',
    fields: {tools: [tool], tool_choice: {type: 'tool', name: output.name, disable_parallel_tool_use: true}},
    toolName: output.name,
  };
}

function checkToolModeOptions({model, providerOptions}: AnthropicOutputCall): void {
  const thinking = providerOptions?.['thinking'] as {type?: unknown} | undefined;
  if (typeof thinking === 'object' && thinking !== null && thinking.type !== 'disabled') {
    throw new LlmInvalidRequestError(
      'providerOptions.anthropic.thinking',
      `llm-rx: anthropic (${model}) sends the output schema as a forced tool (structured output in tool mode), and ` +
        'the Messages API refuses extended thinking when a tool is forced. Leave thinking out of this request, or ' +
        "use a model with native structured output (Claude Haiku, Sonnet or Opus 4.5 or later, or the option structuredOutput: 'native').",
    );
  }
  for (const field of ['tools', 'tool_choice']) {
    if (providerOptions?.[field] !== undefined) {
      throw new LlmInvalidRequestError(
        `providerOptions.anthropic.${field}`,
        `llm-rx: anthropic (${model}) sends the output schema as a forced tool (structured output in tool mode), ` +
          `which providerOptions.anthropic.${field} would replace. Leave ${field} out of a request with output, ` +
          "or use native structured output (Claude 4.5 or later, or the option structuredOutput: 'native').",
      );
    }
  }
}
