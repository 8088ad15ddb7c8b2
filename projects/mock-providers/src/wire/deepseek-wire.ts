import {chatToolCallArguments, chatToolCallStart, chatToolsOf} from './chat-tool-calls';
import {chatChoice, chatCompletionChunk, chatFinishReason, openAiErrorBody} from './openai-chat-wire';
import type {MockPlan, ProviderWire} from './provider-wire';
import {responseUuid} from './response-uuid';
import {modelOfBody, sseEvent} from './sse-event';

/**
 * The sentence llm-rx/deepseek writes right before the output's JSON Schema, at the end of the system prompt
 * (DeepSeek has no JSON Schema mode, only JSON mode). A copy of `DEEPSEEK_OUTPUT_SCHEMA_MARKER`, since the mock
 * does not import the library: the DeepSeek adapter's mock-server spec fails when the two differ.
 */
export const DEEPSEEK_OUTPUT_SCHEMA_MARKER = 'The JSON object must match this JSON Schema:';

/**
 * The JSON Schema of a DeepSeek request with an `output`: JSON mode (`response_format: {type: 'json_object'}`), and
 * the schema as JSON after the marker sentence in its system message.
 *
 * @param body The parsed request body.
 * @returns The schema, or `undefined` when the request asks for none (or it cannot be read).
 */
export function deepSeekPromptSchema(body: unknown): unknown {
  const request = body as {response_format?: {type?: unknown}; messages?: unknown} | null;
  if (request?.response_format?.type !== 'json_object' || !Array.isArray(request.messages)) return undefined;
  for (const message of request.messages as {role?: unknown; content?: unknown}[]) {
    if (message?.role !== 'system' || typeof message.content !== 'string') continue;
    const at = message.content.lastIndexOf(DEEPSEEK_OUTPUT_SCHEMA_MARKER);
    if (at < 0) continue;
    try {
      return JSON.parse(message.content.slice(at + DEEPSEEK_OUTPUT_SCHEMA_MARKER.length)) as unknown;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const SYSTEM_FINGERPRINT = {system_fingerprint: 'fp_mock_prod0820_fp8_kvcache'};

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'invalid_request_error',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
};

/**
 * DeepSeek: the OpenAI chat shape at `POST /deepseek/chat/completions`, with a UUID as each chunk's `id`,
 * `reasoning_content` deltas, a
 * `: keep-alive` comment before the first chunk and `prompt_cache_hit_tokens`/`prompt_cache_miss_tokens` usage.
 * DeepSeek has no refusal of its own: finish `refusal` is its content filter (`content_filter`). Tool calls are
 * OpenAI's `delta.tool_calls` entries by index, with `call_<index>_…` ids and `content: null` beside them.
 */
export const deepSeekWire: ProviderWire = {
  name: 'deepseek',
  matches: (method, pathname) => method === 'POST' && pathname === '/deepseek/chat/completions',
  modelOf: (_pathname, body) => modelOfBody(body),
  outputSchemaOf: deepSeekPromptSchema,
  toolsOf: chatToolsOf,
  errorBody: (status, message) => {
    const body = openAiErrorBody(status, message) as {error: {type: string; code: string | null}};
    body.error.type = ERROR_TYPES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
    body.error.code = 'invalid_request_error';
    return body;
  },
  openingEvents: plan => [
    // DeepSeek sends keep-alive comments while a request waits in its queue; SDKs must ignore them.
    ': keep-alive\n\n',
    sseEvent(
      chunk(plan, [
        chatChoice(
          plan.reasoningChunks.length
            ? {role: 'assistant', content: null, reasoning_content: ''}
            : {role: 'assistant', content: ''},
        ),
      ]),
    ),
  ],
  reasoningEvents: (plan, text) => [sseEvent(chunk(plan, [chatChoice({content: null, reasoning_content: text})]))],
  textEvents: (plan, text) => [
    sseEvent(
      chunk(plan, [
        chatChoice(plan.reasoningChunks.length ? {content: text, reasoning_content: null} : {content: text}),
      ]),
    ),
  ],
  toolCallStartEvents: (plan, call, index) => [
    sseEvent(chunk(plan, [chatChoice(toolDelta(plan, chatToolCallStart(call, index, `call_${index}_${call.id}`)))])),
  ],
  toolCallDeltaEvents: (plan, _call, text, index) => [
    sseEvent(chunk(plan, [chatChoice(toolDelta(plan, chatToolCallArguments(text, index)))])),
  ],
  // As OpenAI's: no event for a call's end, the finish reason ends them all.
  toolCallEndEvents: () => [],
  closingEvents: plan => [
    sseEvent(chunk(plan, [chatChoice({content: ''}, chatFinishReason(plan.finish))])),
    sseEvent(chatCompletionChunk(plan, [], deepSeekUsage(plan), deepSeekFields(plan))),
    sseEvent('[DONE]'),
  ],
  midStreamErrorEvents: (_plan, message) => [
    sseEvent({error: {message, type: 'server_error', param: null, code: 'internal_error'}}),
  ],
  malformedEvent: () => 'data: {"id":"malformed","object":"chat.completion.chunk","choices":[{"delta":{"content":\n\n',
};

/** A delta carrying one tool-call entry, with the null content (and reasoning) DeepSeek sends beside it. */
function toolDelta(plan: MockPlan, entry: Record<string, unknown>): Record<string, unknown> {
  return {content: null, ...(plan.reasoningChunks.length ? {reasoning_content: null} : {}), tool_calls: [entry]};
}

function chunk(plan: MockPlan, choices: unknown[]): Record<string, unknown> {
  return chatCompletionChunk(plan, choices, null, deepSeekFields(plan));
}

/** What DeepSeek's chunks have of their own: a UUID for an id (not OpenAI's `chatcmpl-…`) and a fingerprint. */
function deepSeekFields(plan: MockPlan): Record<string, unknown> {
  return {id: responseUuid(plan.responseId), ...SYSTEM_FINGERPRINT};
}

/**
 * DeepSeek's usage block: OpenAI's fields plus the cache hit/miss split, whose sum is `prompt_tokens`.
 *
 * @param plan The answer being streamed.
 * @returns DeepSeek's usage object.
 */
export function deepSeekUsage(plan: MockPlan): unknown {
  const {usage} = plan;
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: {cached_tokens: usage.cachedInputTokens},
    ...(usage.reasoningTokens ? {completion_tokens_details: {reasoning_tokens: usage.reasoningTokens}} : {}),
    prompt_cache_hit_tokens: usage.cachedInputTokens,
    prompt_cache_miss_tokens: usage.inputTokens - usage.cachedInputTokens,
  };
}
