import type {Cohere} from 'cohere-ai';
import {LlmInvalidRequestError, type LlmProviderCall, type ResolvedLlmTool} from 'llm-rx';
import {toCohereSchemaSubset} from './to-cohere-json-schema';

/** What `toCohereTools()` reads of a call. */
export type CohereToolsCall = Pick<LlmProviderCall, 'model' | 'request' | 'tools' | 'providerOptions' | 'warnOnce'>;

/** The tool fields of a `chatStream()` request. */
export type CohereToolFields = Pick<Cohere.V2ChatStreamRequest, 'tools' | 'toolChoice'>;

/**
 * Builds the tool fields of a `chatStream()` request: `tools` (sent as `tools: [{type: 'function', function: {name,
 * description, parameters}}]`) and `toolChoice` (sent as `tool_choice`).
 *
 * - Each tool's input JSON Schema is sent as it is: Cohere takes any JSON Schema for tool parameters. With
 *   `providerOptions.cohere.strictTools: true` (Cohere then constrains the calls to the schemas), it is sent in the
 *   subset that mode takes (`toCohereSchemaSubset()`: the keywords it refuses are left out, the request's schema
 *   still validates each call), and each tool must have a required parameter.
 * - `toolChoice`: `auto` is Cohere's default and is left out, `none` is `NONE`, `required` is `REQUIRED`. Cohere
 *   cannot name a tool: `{tool: name}` sends only that tool, with `REQUIRED` (a warning says so once per model).
 * - `parallelToolCalls: false` is not sent: Cohere has no such switch (a warning says so once per model).
 * @param call The model, the request, its resolved tools, `providerOptions.cohere` and `warnOnce`.
 * @returns The fields to merge into the request; none without tools.
 * @throws LlmInvalidRequestError naming `tools[i].inputSchema` for a `strictTools` request whose tool has no
 *   required parameter, which Cohere refuses.
 */
export function toCohereTools(call: CohereToolsCall): CohereToolFields {
  const {tools, request, model} = call;
  if (tools === undefined || tools.length === 0) return {};
  if (request.parallelToolCalls === false) {
    call.warnOnce(
      'parallelToolCalls',
      `llm-rx: cohere has no switch for parallel tool calls; parallelToolCalls: false is not sent to ${model}, ` +
        'which may still call several tools in one answer.',
    );
  }
  const strict = call.providerOptions?.['strictTools'] === true;
  const sent = tools.map((tool, index) => toCohereTool(tool, strict, index));
  const choice = request.toolChoice;
  if (choice === undefined || choice === 'auto') return {tools: sent};
  if (choice === 'none') return {tools: sent, toolChoice: 'NONE'};
  if (choice === 'required') return {tools: sent, toolChoice: 'REQUIRED'};
  call.warnOnce(
    'toolChoice',
    `llm-rx: cohere cannot force a named tool; for toolChoice {tool: "${choice.tool}"}, ${model} is sent only ` +
      'that tool, with tool_choice REQUIRED.',
  );
  return {tools: sent.filter(tool => tool.function?.name === choice.tool), toolChoice: 'REQUIRED'};
}

function toCohereTool(tool: ResolvedLlmTool, strict: boolean, index: number): Cohere.ToolV2 {
  const parameters = strict ? toCohereSchemaSubset(tool.jsonSchema) : tool.jsonSchema;
  if (strict && !(Array.isArray(parameters['required']) && parameters['required'].length > 0)) {
    throw new LlmInvalidRequestError(
      `tools[${index}].inputSchema`,
      `llm-rx: with strictTools, cohere needs each tool to have at least one required parameter; the tool ` +
        `"${tool.name}" has none. Make a parameter required, or leave strictTools out.`,
    );
  }
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description !== undefined && {description: tool.description}),
      parameters,
    },
  };
}
