import {chatToolCallArguments, chatToolCallStart, chatToolsOf} from './chat-tool-calls';
import type {MockPlan, ProviderWire} from './provider-wire';
import {modelOfBody, sseEvent} from './sse-event';

// A service without OpenAI's refusal (DeepSeek) plays a refusal as its content filter.
const FINISH_REASONS: Record<MockPlan['finish'], string> = {
  stop: 'stop',
  length: 'length',
  'content-filter': 'content_filter',
  refusal: 'content_filter',
  'tool-calls': 'tool_calls',
};

/**
 * Builds one `chat.completion.chunk`, shared by the OpenAI and DeepSeek chat wires.
 *
 * @param plan The answer being streamed.
 * @param choices The chunk's `choices` (empty for the usage chunk).
 * @param usage The usage block, `null` on every chunk but the usage chunk.
 * @param extra Provider-specific top-level fields (DeepSeek's `system_fingerprint`).
 * @returns The chunk object.
 */
export function chatCompletionChunk(
  plan: MockPlan,
  choices: unknown[],
  usage: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `chatcmpl-${plan.responseId}`,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    ...extra,
    choices,
    usage,
  };
}

/**
 * Builds a streamed choice for index 0.
 *
 * @param delta The choice's delta.
 * @param finishReason The finish reason, `null` until the last choice.
 * @returns The choice object.
 */
export function chatChoice(delta: Record<string, unknown>, finishReason: string | null = null): unknown {
  return {index: 0, delta, logprobs: null, finish_reason: finishReason};
}

/**
 * Maps a mock finish to the Chat Completions `finish_reason`.
 *
 * @param finish The plan's finish.
 * @returns `stop`, `length`, `content_filter` or `tool_calls`.
 */
export function chatFinishReason(finish: MockPlan['finish']): string {
  return FINISH_REASONS[finish];
}

/**
 * The OpenAI error body for an HTTP status, also used by DeepSeek: the SDK reads `error` into `APIError.error`.
 *
 * @param status The HTTP status.
 * @param message The error message.
 * @returns `{error: {message, type, param, code}}` with OpenAI's type and code for the status.
 */
export function openAiErrorBody(status: number, message: string): unknown {
  const [type, code] = openAiErrorKind(status);
  return {error: {message, type, param: null, code}};
}

function openAiErrorKind(status: number): [string, string | null] {
  switch (status) {
    case 401:
      return ['invalid_request_error', 'invalid_api_key'];
    case 403:
      return ['invalid_request_error', 'unsupported_country_region_territory'];
    case 404:
      return ['invalid_request_error', 'model_not_found'];
    case 429:
      return ['requests', 'rate_limit_exceeded'];
    default:
      return status >= 500 ? ['server_error', null] : ['invalid_request_error', null];
  }
}

/**
 * The JSON Schema of a Chat Completions request's `response_format: {type: 'json_schema', json_schema: {schema}}`.
 *
 * @param body The parsed request body.
 * @returns The schema, or `undefined` when the request asks for none.
 */
export function chatResponseFormatSchema(body: unknown): unknown {
  const format = (body as {response_format?: {type?: unknown; json_schema?: {schema?: unknown}}} | null)
    ?.response_format;
  return format?.type === 'json_schema' ? format.json_schema?.schema : undefined;
}

/**
 * OpenAI Chat Completions: `POST /v1/chat/completions` streaming `data:`-only `chat.completion.chunk` events (no
 * `event:` line), the finish reason in a chunk of its own, the usage in a last chunk with no choices, then `[DONE]`.
 * A refusal (finish `refusal`) streams its words as `delta.refusal` pieces, `content` staying `null`, and ends
 * with finish reason `stop`, as the service does when it refuses a structured-output request. Tool calls stream
 * after the text as `delta.tool_calls` entries by index: the first of a call with its `call_…` id and name, the
 * others with pieces of its arguments only; the stream says nothing of a call's end, and finishes `tool_calls`.
 * An answer of tool calls only opens with `content: null`.
 */
export const openAiChatWire: ProviderWire = {
  name: 'openai-chat',
  matches: (method, pathname) => method === 'POST' && pathname === '/v1/chat/completions',
  modelOf: (_pathname, body) => modelOfBody(body),
  outputSchemaOf: chatResponseFormatSchema,
  toolsOf: chatToolsOf,
  errorBody: openAiErrorBody,
  openingEvents: plan => [
    sseEvent(
      chatCompletionChunk(
        plan,
        [
          chatChoice(
            plan.finish === 'refusal'
              ? {role: 'assistant', content: null, refusal: ''}
              : {role: 'assistant', content: isOnlyToolCalls(plan) ? null : '', refusal: null},
          ),
        ],
        null,
      ),
    ),
  ],
  // Chat Completions does not stream OpenAI reasoning; it only counts it in completion_tokens_details.
  reasoningEvents: () => [],
  textEvents: (plan, text) => [
    sseEvent(
      chatCompletionChunk(plan, [chatChoice(plan.finish === 'refusal' ? {refusal: text} : {content: text})], null),
    ),
  ],
  toolCallStartEvents: (plan, call, index) => [
    sseEvent(
      chatCompletionChunk(plan, [chatChoice({tool_calls: [chatToolCallStart(call, index, `call_${call.id}`)]})], null),
    ),
  ],
  toolCallDeltaEvents: (plan, _call, text, index) => [
    sseEvent(chatCompletionChunk(plan, [chatChoice({tool_calls: [chatToolCallArguments(text, index)]})], null)),
  ],
  // Chat Completions has no event for a call's end: the finish reason ends them all.
  toolCallEndEvents: () => [],
  closingEvents: plan => [
    sseEvent(
      chatCompletionChunk(
        plan,
        [chatChoice({}, plan.finish === 'refusal' ? 'stop' : chatFinishReason(plan.finish))],
        null,
      ),
    ),
    sseEvent(chatCompletionChunk(plan, [], openAiChatUsage(plan))),
    sseEvent('[DONE]'),
  ],
  midStreamErrorEvents: (_plan, message) => [
    sseEvent({error: {message, type: 'server_error', param: null, code: null}}),
  ],
  malformedEvent: () => 'data: {"id":"chatcmpl-malformed","object":"chat.completion.chunk","choices":[{"delta":\n\n',
};

/** Whether the answer is tool calls without text: its opening chunk then has `content: null`. */
function isOnlyToolCalls(plan: MockPlan): boolean {
  return plan.toolCalls.length > 0 && plan.textChunks.length === 0;
}

/**
 * The `usage` block of the last chunk (`include_usage`), with cached and reasoning tokens in their detail fields.
 *
 * @param plan The answer being streamed.
 * @returns OpenAI's usage object.
 */
export function openAiChatUsage(plan: MockPlan): unknown {
  const {usage} = plan;
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: {
      cached_tokens: usage.cachedInputTokens,
      audio_tokens: 0,
      ...(usage.cacheWriteTokens ? {cache_write_tokens: usage.cacheWriteTokens} : {}),
    },
    completion_tokens_details: {
      reasoning_tokens: usage.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
