/*
 * What an Anthropic Messages API request asks of tools, as the mock's Anthropic wire reads it from the body.
 */
import type {MockRequestTools} from './provider-wire';

/** The fields of a request body the wire reads for tools. */
interface ToolsBody {
  readonly tool_choice?: {
    readonly type?: unknown;
    readonly name?: unknown;
    readonly disable_parallel_tool_use?: unknown;
  };
  readonly tools?: unknown;
  readonly messages?: unknown;
}

/** The request's custom tools (a name and an `input_schema`; server tools have neither). */
function customToolsOf(body: unknown): {readonly name: string; readonly inputSchema: unknown}[] {
  const tools = ((body ?? {}) as ToolsBody).tools;
  if (!Array.isArray(tools)) return [];
  return (tools as {name?: unknown; input_schema?: unknown}[]).flatMap(tool =>
    typeof tool?.name === 'string' && typeof tool.input_schema === 'object' && tool.input_schema !== null
      ? [{name: tool.name, inputSchema: tool.input_schema}]
      : [],
  );
}

/**
 * The output tool of a request for structured output in tool mode, as llm-rx sends it: one tool, forced
 * (`tool_choice: {type: 'tool', name, disable_parallel_tool_use: true}`). The answer is then that tool's call, its
 * input the plan's text (a sample of the schema, or the scenario's `text`). Any other request with tools (several,
 * or a forced one without `disable_parallel_tool_use`) is answered by the plan's tool calls; a request with one
 * tool of the application's, forced, with `parallelToolCalls: false`, looks the same as structured output, and is
 * answered as it (a sample of the tool's schema, the scenario's `toolArgs` ignored).
 * @param body The request's parsed body.
 * @returns The output tool's name and input schema, or `undefined` for any other request.
 */
export function anthropicOutputToolOf(
  body: unknown,
): {readonly name: string; readonly inputSchema: unknown} | undefined {
  const choice = ((body ?? {}) as ToolsBody).tool_choice;
  const tools = customToolsOf(body);
  if (choice?.type !== 'tool' || choice.disable_parallel_tool_use !== true || tools.length !== 1) return undefined;
  return tools[0].name === choice.name ? tools[0] : undefined;
}

/** How many assistant turns of the request's messages hold `tool_use` blocks. */
function toolRoundsOf(body: unknown): number {
  const messages = ((body ?? {}) as ToolsBody).messages;
  if (!Array.isArray(messages)) return 0;
  return (messages as {role?: unknown; content?: unknown}[]).filter(
    message =>
      message?.role === 'assistant' &&
      Array.isArray(message.content) &&
      (message.content as {type?: unknown}[]).some(block => block?.type === 'tool_use'),
  ).length;
}

/**
 * What an Anthropic request asks of tools: its custom tools, its forced choice (`tool_choice: {type: 'tool', name}`,
 * or `{type: 'none'}`) and the tool rounds of its messages (the assistant turns with `tool_use` blocks).
 * @param body The request's parsed body.
 * @returns The tools, or `undefined` without custom tools and for structured output in tool mode
 *   (`anthropicOutputToolOf()`), whose forced tool is the answer rather than a call.
 */
export function anthropicToolsOf(body: unknown): MockRequestTools | undefined {
  const tools = customToolsOf(body);
  if (tools.length === 0 || anthropicOutputToolOf(body) !== undefined) return undefined;
  const choice = (body as ToolsBody).tool_choice;
  const forced = choice?.type === 'none' ? 'none' : choice?.type === 'tool' ? choice.name : undefined;
  return {tools, ...(typeof forced === 'string' && {forced}), rounds: toolRoundsOf(body)};
}
