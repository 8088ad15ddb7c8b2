import type {Tool, ToolChoice} from '@anthropic-ai/sdk/resources/messages';
import type {LlmJsonSchema, LlmProviderCall, LlmToolChoice} from 'llm-rx';
import {withDescribedKeywords} from './anthropic-json-schema';
import type {AnthropicOptions} from './anthropic-options';

/** The keywords the Messages API refuses at the root of a tool's `input_schema`. */
const REFUSED_AT_ROOT = new Set(['oneOf', 'anyOf', 'allOf']);

/** The body fields that carry a request's tools. */
export interface AnthropicToolFields {
  readonly tools: readonly Tool[];
  readonly tool_choice?: ToolChoice;
}

/** What `toAnthropicToolFields()` reads of a call. */
export type AnthropicToolsCall = Pick<LlmProviderCall<unknown, AnthropicOptions>, 'request' | 'tools' | 'options'>;

/**
 * The Messages API fields of a request's tools (the application's tools, apart from the forced tool of structured
 * output in tool mode, which `planAnthropicOutput()` builds):
 * - `tools: [{name, description, input_schema, eager_input_streaming: true}]`, the input schema as the request
 *   gives it (`toAnthropicToolInputSchema()`), `eager_input_streaming` unless the option `eagerInputStreaming` is
 *   `false`;
 * - `tool_choice`: `auto` → `{type: 'auto'}`, `required` → `{type: 'any'}`, `{tool: name}` → `{type: 'tool',
 *   name}`, `none` → `{type: 'none'}`; left out when the request sets neither a choice nor `parallelToolCalls`;
 * - `parallelToolCalls: false` → `disable_parallel_tool_use: true` in the choice (`{type: 'auto', …}` without a
 *   choice); `none` has no such field, and needs none.
 * @param call The request's `toolChoice` and `parallelToolCalls`, the resolved `tools` and the options.
 * @returns The fields, or `undefined` for a request without tools (or with an empty list).
 */
export function toAnthropicToolFields(call: AnthropicToolsCall): AnthropicToolFields | undefined {
  if (call.tools === undefined || call.tools.length === 0) return undefined;
  const eager = call.options.eagerInputStreaming !== false;
  const tools = call.tools.map(({name, description, jsonSchema}): Tool => ({
    name,
    ...(description !== undefined && {description}),
    input_schema: toAnthropicToolInputSchema(jsonSchema),
    ...(eager && {eager_input_streaming: true}),
  }));
  const toolChoice = toAnthropicToolChoice(call.request.toolChoice, call.request.parallelToolCalls);
  return toolChoice === undefined ? {tools} : {tools, tool_choice: toolChoice};
}

/**
 * A request's tool choice and parallel flag as the Messages API's `tool_choice`.
 * @param choice The request's `toolChoice`.
 * @param parallel The request's `parallelToolCalls`: `false` sends `disable_parallel_tool_use: true`.
 * @returns The choice, or `undefined` when neither is set (the API's default: `auto`, parallel calls allowed).
 */
export function toAnthropicToolChoice(
  choice: LlmToolChoice | undefined,
  parallel: boolean | undefined,
): ToolChoice | undefined {
  if (choice === 'none') return {type: 'none'};
  const single = parallel === false ? {disable_parallel_tool_use: true} : {};
  if (choice === undefined) return parallel === false ? {type: 'auto', ...single} : undefined;
  if (choice === 'auto') return {type: 'auto', ...single};
  if (choice === 'required') return {type: 'any', ...single};
  return {type: 'tool', name: choice.tool, ...single};
}

/**
 * A tool's input schema as the Messages API takes it: as it is, but for `oneOf`, `anyOf` and `allOf` at the root,
 * which the API refuses there (HTTP 400 "input_schema does not support oneOf, allOf, or anyOf at the top level");
 * they are written into the root's `description` instead (`{anyOf: [...]}`), so that the model still reads them,
 * and the tool's own schema still validates the input. Nested ones are kept: the API takes them.
 * @param schema The tool's resolved JSON Schema (root type `object`), not changed.
 * @returns The schema to send.
 */
export function toAnthropicToolInputSchema(schema: LlmJsonSchema): Tool.InputSchema {
  const kept: Record<string, unknown> = {};
  const described: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (REFUSED_AT_ROOT.has(key)) described[key] = value;
    else kept[key] = value;
  }
  return withDescribedKeywords(kept, described) as Tool.InputSchema;
}
