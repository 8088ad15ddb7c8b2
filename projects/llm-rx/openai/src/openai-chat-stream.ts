import type {LlmProviderCall, ProviderEventSource} from 'llm-rx';
import type OpenAI from 'openai';
import {createOpenAiChatEventMapper, type OpenAiChatEventMapperOptions} from './openai-chat-event-mapper';
import {type OpenAiMaxTokensField, toOpenAiChatParams} from './openai-chat-params';
import {type OpenAiChatToolDialect, toOpenAiChatTools} from './openai-chat-tools';
import {openAiOutputFormat} from './openai-output-format';

/** How a service speaks Chat Completions: OpenAI, or an OpenAI-compatible one (DeepSeek, Groq, …). */
export interface _OpenAiChatStreamConfig {
  /** `max_completion_tokens` for OpenAI, `max_tokens` for compatible services. */
  readonly maxTokensField: OpenAiMaxTokensField;
  /** The service's own usage and finish-reason mapping. */
  readonly events?: OpenAiChatEventMapperOptions;
  /**
   * How a request's `output` is asked for: `json-schema` (the default) sends OpenAI's strict JSON Schema response
   * format; `json-object` sends JSON mode (`{type: 'json_object'}`) for a service that has no JSON Schema mode,
   * whose adapter puts the schema in the prompt itself (DeepSeek).
   */
  readonly structuredOutput?: 'json-schema' | 'json-object';
  /** Which tool fields the service takes; OpenAI's by default. */
  readonly tools?: OpenAiChatToolDialect;
  /**
   * Whether the service wants a tool-calling turn's `reasoning_content` back (DeepSeek's thinking mode refuses a
   * conversation without it): each call's end keeps it in `providerData[provider]`, and an assistant message
   * with tool calls sends it back.
   */
  readonly returnsToolCallReasoning?: boolean;
  /**
   * Whether `stream_options: {include_usage: true}` is sent (the default); `false` for a service that refuses it
   * and streams its usage anyway (Mistral).
   */
  readonly streamOptions?: boolean;
}

/**
 * Sends one Chat Completions request with the SDK's raw `chat.completions.create({stream: true})`, as the `open`
 * of `defineLlmProvider()`. Shared by `llm-rx/openai` (`api: 'chat'`) and `llm-rx/deepseek`; not public.
 * @param call The call, as the core resolved it.
 * @param config The service's max-tokens field, mappings and structured-output mode.
 * @returns The SDK's stream, its mapper, and how to read a strict answer back, once the response headers are in.
 */
export async function _openOpenAiChatStream(
  call: LlmProviderCall<OpenAI>,
  config: _OpenAiChatStreamConfig,
): Promise<ProviderEventSource<OpenAI.Chat.Completions.ChatCompletionChunk>> {
  const {client, model, request, providerOptions, headers, signal} = call;
  const {responseFormat, prepareObject} = chatOutputOf(call, config);
  const reasoningProvider = config.returnsToolCallReasoning ? call.provider : undefined;
  const body = toOpenAiChatParams(
    {model, request, providerOptions},
    {
      maxTokensField: config.maxTokensField,
      responseFormat,
      tools: toOpenAiChatTools(call, config.tools),
      reasoningProvider,
      streamOptions: config.streamOptions,
    },
  );
  // The raw create() (not the .stream() helper): it resolves after the headers, so HTTP errors reject here,
  // and it ends silently on abort rather than with an unhandled rejection.
  const chunks = await client.chat.completions.create(body, {signal, headers});
  return {
    events: chunks,
    mapper: createOpenAiChatEventMapper({...config.events, toolCallReasoning: reasoningProvider}),
    ...(prepareObject !== undefined && {prepareObject}),
  };
}

/** The `response_format` a call's `output` asks for, and how its answer is read back. */
function chatOutputOf(
  call: LlmProviderCall<OpenAI>,
  config: _OpenAiChatStreamConfig,
): {
  readonly responseFormat?: OpenAI.ResponseFormatJSONSchema | OpenAI.ResponseFormatJSONObject;
  readonly prepareObject?: (value: unknown) => unknown;
} {
  // A response_format of the request's own replaces the output's: nothing of ours is sent or read back then.
  if (call.output === undefined || call.providerOptions?.['response_format'] !== undefined) return {};
  if (config.structuredOutput === 'json-object') return {responseFormat: {type: 'json_object'}};
  const {format, prepareObject} = openAiOutputFormat(call.output, call);
  return {responseFormat: {type: 'json_schema', json_schema: format}, prepareObject};
}
