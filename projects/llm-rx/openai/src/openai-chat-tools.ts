import {definedFields, type LlmProviderCall, type LlmToolChoice} from 'llm-rx';
import type OpenAI from 'openai';

/** What the tool builders read of a call. */
export type OpenAiToolsCall = Pick<LlmProviderCall, 'provider' | 'model' | 'request' | 'tools' | 'warnOnce'>;

/** How a service takes Chat Completions tools: OpenAI's way by default; DeepSeek has no `parallel_tool_calls`. */
export interface OpenAiChatToolDialect {
  /** Whether the service takes `parallel_tool_calls`; without it, `parallelToolCalls` is warned about once. */
  readonly parallelToolCalls?: boolean;
  /** Whether each function is sent with `strict: false`; a service without strict mode leaves the field out. */
  readonly strictField?: boolean;
}

/** The Chat Completions fields a request's tools give. */
export type OpenAiChatToolFields = Pick<
  OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming,
  'tools' | 'tool_choice' | 'parallel_tool_calls'
>;

/**
 * The Chat Completions fields of a call's tools: each tool as a `function` with its name, description and input
 * JSON Schema as `parameters`, `tool_choice` (`auto`, `none`, `required`, or `{type: 'function', function: {name}}`)
 * and `parallel_tool_calls`; nothing without tools (a choice without tools is not sent: the API refuses it).
 *
 * Functions are sent with `strict: false`: llm-rx validates each call's input against the tool's own schema, while
 * strict mode would make every optional property required and nullable, so the model would send `null` where the
 * schema expects the property left out (or its default). A service without `parallel_tool_calls` is told nothing of
 * `parallelToolCalls`, with a warning once per model.
 * @param call The call's tools, request (`toolChoice`, `parallelToolCalls`) and `warnOnce`.
 * @param dialect What the service takes; OpenAI's by default.
 * @returns The fields, to spread into the body before the provider options.
 */
export function toOpenAiChatTools(call: OpenAiToolsCall, dialect: OpenAiChatToolDialect = {}): OpenAiChatToolFields {
  const {tools, request} = call;
  if (tools === undefined) return {};
  const {parallelToolCalls = true, strictField = true} = dialect;
  if (!parallelToolCalls && request.parallelToolCalls !== undefined) {
    call.warnOnce(
      'parallelToolCalls',
      `llm-rx: ${call.provider} has no parallel_tool_calls; parallelToolCalls is not sent (model ${call.model}).`,
    );
  }
  return {
    tools: tools.map(tool => ({
      type: 'function',
      function: {
        name: tool.name,
        ...definedFields({description: tool.description}),
        parameters: tool.jsonSchema as OpenAI.FunctionParameters,
        ...(strictField && {strict: false}),
      },
    })),
    ...definedFields({
      tool_choice: chatToolChoiceOf(request.toolChoice),
      parallel_tool_calls: parallelToolCalls ? request.parallelToolCalls : undefined,
    }),
  };
}

function chatToolChoiceOf(
  choice: LlmToolChoice | undefined,
): OpenAI.Chat.Completions.ChatCompletionToolChoiceOption | undefined {
  if (choice === undefined || typeof choice === 'string') return choice;
  return {type: 'function', function: {name: choice.tool}};
}
