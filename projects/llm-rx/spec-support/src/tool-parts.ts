// Tool-call parts and tools for specs of tool loops (runTools(), its telemetry, LlmStream.runTools()).
import type {LlmTool, LlmToolCallEnd} from 'llm-rx';

/**
 * A finished tool call, as a provider stream emits it (what `runTools()` acts on).
 * @param toolCallId The call's id.
 * @param toolName The tool.
 * @param input The validated input; its JSON is the argument text.
 * @returns The `tool-call-end` part.
 */
export function callEnd(toolCallId: string, toolName: string, input: unknown = {}): LlmToolCallEnd {
  return {type: 'tool-call-end', toolCallId, toolName, input, argumentsText: JSON.stringify(input)};
}

/**
 * A tool with a JSON Schema input.
 * @param name Its name.
 * @param execute What it does; none leaves the call to the app.
 * @returns The tool.
 */
export function tool(name: string, execute?: LlmTool['execute']): LlmTool {
  return {
    name,
    inputSchema: {type: 'object', properties: {city: {type: 'string'}}},
    ...(execute && {execute}),
  };
}
