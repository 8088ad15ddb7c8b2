import type {MockRequestTools, MockToolCall} from './provider-wire';

/**
 * The tools of a Chat Completions request (OpenAI's and DeepSeek's): `tools: [{type: 'function', function: {name,
 * parameters}}]`, `tool_choice` (`none`, or `{type: 'function', function: {name}}` forcing one), and the rounds so
 * far: the assistant messages with `tool_calls`.
 *
 * @param body The parsed request body.
 * @returns The tools, or `undefined` for a request without any.
 */
export function chatToolsOf(body: unknown): MockRequestTools | undefined {
  const request = body as {tools?: unknown; tool_choice?: unknown; messages?: unknown} | null;
  if (!Array.isArray(request?.tools)) return undefined;
  const tools = (request.tools as {type?: unknown; function?: {name?: unknown; parameters?: unknown}}[])
    .filter(tool => tool?.type === 'function' && typeof tool.function?.name === 'string')
    .map(tool => ({name: tool.function?.name as string, inputSchema: tool.function?.parameters}));
  const choice = request.tool_choice as {function?: {name?: unknown}} | string | undefined;
  const forced =
    choice === 'none'
      ? 'none'
      : typeof choice === 'object'
        ? (choice?.function?.name as string | undefined)
        : undefined;
  const messages = Array.isArray(request.messages)
    ? (request.messages as {role?: unknown; tool_calls?: unknown}[])
    : [];
  const rounds = messages.filter(
    message => message?.role === 'assistant' && Array.isArray(message.tool_calls) && message.tool_calls.length > 0,
  ).length;
  return {tools, ...(forced !== undefined && {forced}), rounds};
}

/**
 * The `delta.tool_calls` entry that starts a call: its index, id, type and name, with empty arguments.
 *
 * @param call The call.
 * @param index Its position in the answer.
 * @param id The call's id in the service's shape.
 * @returns The entry.
 */
export function chatToolCallStart(call: MockToolCall, index: number, id: string): Record<string, unknown> {
  return {index, id, type: 'function', function: {name: call.name, arguments: ''}};
}

/**
 * A later `delta.tool_calls` entry: the call's index and a piece of its arguments, nothing else.
 *
 * @param text The piece.
 * @param index The call's position in the answer.
 * @returns The entry.
 */
export function chatToolCallArguments(text: string, index: number): Record<string, unknown> {
  return {index, function: {arguments: text}};
}
