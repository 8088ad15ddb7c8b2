import type {FunctionCallingConfig, FunctionCallingConfigMode, GenerateContentConfig} from '@google/genai';
import type {LlmProviderCall, LlmToolChoice} from 'llm-rx';
import {toGeminiJsonSchema} from './to-gemini-json-schema';

/** What `toGeminiToolConfig()` reads of a call. */
export type GeminiToolsCall = Pick<LlmProviderCall, 'request' | 'tools' | 'warnOnce'>;

/** The `config` fields that carry a request's tools. */
export type GeminiToolConfig = Pick<GenerateContentConfig, 'tools' | 'toolConfig'>;

/**
 * Builds the `config.tools` and `config.toolConfig` of a call with tools; nothing for a call without.
 *
 * - Every tool is one function declaration of a single `tools` entry: its name, description and input JSON Schema
 *   as `parametersJsonSchema` (a JSON Schema, sent as it is, unlike `parameters`, Gemini's OpenAPI subset),
 *   adapted by `toGeminiJsonSchema()` as the output schema is.
 * - `toolChoice` sets `functionCallingConfig.mode`: `auto` → `AUTO`, `none` → `NONE`, `required` → `ANY`, and
 *   `{tool}` → `ANY` with `allowedFunctionNames: [tool]`. Without `toolChoice` nothing is sent (Gemini's default
 *   is `AUTO`).
 * - Gemini has no switch for parallel calls: `parallelToolCalls: false` is not sent, and warns once per model.
 * @param call The request, its resolved tools and the model's `warnOnce`.
 * @returns The fields to spread into the config.
 */
export function toGeminiToolConfig(call: GeminiToolsCall): GeminiToolConfig {
  const {tools, request} = call;
  if (tools === undefined || tools.length === 0) return {};
  if (request.parallelToolCalls === false) {
    call.warnOnce(
      'parallelToolCalls',
      'llm-rx: Gemini has no setting for parallel tool calls; parallelToolCalls: false is not sent, and the model ' +
        'may still make several calls in one answer.',
    );
  }
  const functionCallingConfig = request.toolChoice && functionCallingConfigOf(request.toolChoice);
  return {
    tools: [
      {
        functionDeclarations: tools.map(tool => ({
          name: tool.name,
          ...(tool.description !== undefined && {description: tool.description}),
          parametersJsonSchema: toGeminiJsonSchema(tool.jsonSchema),
        })),
      },
    ],
    ...(functionCallingConfig && {toolConfig: {functionCallingConfig}}),
  };
}

function functionCallingConfigOf(choice: LlmToolChoice): FunctionCallingConfig {
  if (choice === 'auto') return {mode: mode('AUTO')};
  if (choice === 'none') return {mode: mode('NONE')};
  if (choice === 'required') return {mode: mode('ANY')};
  return {mode: mode('ANY'), allowedFunctionNames: [choice.tool]};
}

/** The SDK's enum value for a mode, without loading the SDK (its enums are its own strings). */
function mode(name: `${FunctionCallingConfigMode}`): FunctionCallingConfigMode {
  return name as FunctionCallingConfigMode;
}
