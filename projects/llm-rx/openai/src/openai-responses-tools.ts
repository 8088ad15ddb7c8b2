import {definedFields, type LlmToolChoice} from 'llm-rx';
import type OpenAI from 'openai';
import type {OpenAiToolsCall} from './openai-chat-tools';

/** The Responses API fields a request's tools give. */
export type OpenAiResponsesToolFields = Pick<
  OpenAI.Responses.ResponseCreateParamsStreaming,
  'tools' | 'tool_choice' | 'parallel_tool_calls'
>;

/**
 * The Responses API fields of a call's tools: each tool as `{type: 'function', name, description, parameters,
 * strict: false}` (the input JSON Schema as `parameters`), `tool_choice` (`auto`, `none`, `required`, or
 * `{type: 'function', name}`) and `parallel_tool_calls`; nothing without tools (a choice without tools is not
 * sent). Not strict, as in Chat Completions (`toOpenAiChatTools()`): strict mode would make optional properties
 * required and nullable, and llm-rx validates each call's input against the tool's own schema.
 * @param call The call's tools and request (`toolChoice`, `parallelToolCalls`).
 * @returns The fields, to spread into the body before the provider options.
 */
export function toOpenAiResponsesTools({
  tools,
  request,
}: Pick<OpenAiToolsCall, 'tools' | 'request'>): OpenAiResponsesToolFields {
  if (tools === undefined) return {};
  return {
    tools: tools.map(tool => ({
      type: 'function',
      name: tool.name,
      ...definedFields({description: tool.description}),
      parameters: tool.jsonSchema as Record<string, unknown>,
      strict: false,
    })),
    ...definedFields({
      tool_choice: responsesToolChoiceOf(request.toolChoice),
      parallel_tool_calls: request.parallelToolCalls,
    }),
  };
}

function responsesToolChoiceOf(
  choice: LlmToolChoice | undefined,
): OpenAI.Responses.ToolChoiceOptions | OpenAI.Responses.ToolChoiceFunction | undefined {
  if (choice === undefined || typeof choice === 'string') return choice;
  return {type: 'function', name: choice.tool};
}
