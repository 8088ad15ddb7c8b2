import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {resolveNamedSchema, type ResolvedLlmOutput} from '../object/resolve-llm-output';
import type {LlmRequest} from '../request/llm-request';
import {isPlainObject} from '../validation/check-http-headers';
import type {LlmTool, LlmToolChoice} from './llm-tool';

/** A request's tool, ready for an adapter: its name, description and the JSON Schema of its input. */
export type ResolvedLlmTool = ResolvedLlmOutput;

/**
 * Checks a request's `tools`, `toolChoice` and `parallelToolCalls`, and gives what an adapter sends for each
 * tool: its name, its description and the JSON Schema of its input (as `resolveLlmOutput()` gives an output's).
 * @param request The request.
 * @returns The tools, in order; `undefined` when the request has none.
 * @throws LlmInvalidRequestError naming the field (`tools`, `tools[1].name`, `toolChoice`, …) and what to do.
 */
export function resolveLlmTools(
  request: Pick<LlmRequest, 'tools' | 'toolChoice' | 'parallelToolCalls' | 'output'>,
): readonly ResolvedLlmTool[] | undefined {
  const {tools, toolChoice, parallelToolCalls} = request;
  if (parallelToolCalls !== undefined && typeof parallelToolCalls !== 'boolean') {
    throw new LlmInvalidRequestError('parallelToolCalls', 'llm-rx: parallelToolCalls must be true or false.');
  }
  const resolved = tools === undefined ? undefined : resolveToolList(tools);
  if (resolved !== undefined && request.output !== undefined) {
    throw new LlmInvalidRequestError(
      'tools',
      'llm-rx: give either tools or output, not both: let the tools run first (runTools()), then ask for the ' +
        'object in a request without tools.',
    );
  }
  checkToolChoice(toolChoice, resolved);
  return resolved;
}

function resolveToolList(tools: readonly LlmTool[]): readonly ResolvedLlmTool[] {
  if (!Array.isArray(tools)) {
    throw new LlmInvalidRequestError(
      'tools',
      'llm-rx: tools must be a list of tools, e.g. [{name: "weather", inputSchema: WeatherInput}].',
    );
  }
  const names = new Set<string>();
  return tools.map((tool: LlmTool, index) => {
    const field = `tools[${index}]`;
    if (!isPlainObject(tool)) {
      throw new LlmInvalidRequestError(
        field,
        `llm-rx: ${field} must be a tool object, e.g. {name: "weather", inputSchema: WeatherInput}.`,
      );
    }
    const resolvedTool = resolveNamedSchema(
      {name: tool.name, description: tool.description, schema: tool.inputSchema, jsonSchema: tool.inputJsonSchema},
      {
        name: `${field}.name`,
        description: `${field}.description`,
        schema: `${field}.inputSchema`,
        jsonSchema: `${field}.inputJsonSchema`,
      },
    );
    if (names.has(resolvedTool.name)) {
      throw new LlmInvalidRequestError(
        `${field}.name`,
        `llm-rx: ${field}.name "${resolvedTool.name}" is given twice; each tool needs its own name.`,
      );
    }
    names.add(resolvedTool.name);
    if (tool.execute !== undefined && typeof tool.execute !== 'function') {
      throw new LlmInvalidRequestError(
        `${field}.execute`,
        `llm-rx: ${field}.execute must be a function (input, {signal}) => result when given.`,
      );
    }
    return resolvedTool;
  });
}

function checkToolChoice(choice: LlmToolChoice | undefined, tools: readonly ResolvedLlmTool[] | undefined): void {
  if (choice === undefined || choice === 'auto' || choice === 'none') return;
  if (choice !== 'required' && !(isPlainObject(choice) && typeof choice.tool === 'string')) {
    throw new LlmInvalidRequestError(
      'toolChoice',
      'llm-rx: toolChoice must be "auto", "none", "required" or {tool: name}.',
    );
  }
  if (tools === undefined || tools.length === 0) {
    throw new LlmInvalidRequestError(
      'toolChoice',
      `llm-rx: toolChoice ${JSON.stringify(choice)} needs tools; give the request's tools, or leave toolChoice out.`,
    );
  }
  if (choice !== 'required' && !tools.some(tool => tool.name === choice.tool)) {
    throw new LlmInvalidRequestError(
      'toolChoice',
      `llm-rx: toolChoice names the tool "${choice.tool}", which is not among the request's tools ` +
        `(${tools.map(tool => tool.name).join(', ')}); give one of those names, or add the tool.`,
    );
  }
}
