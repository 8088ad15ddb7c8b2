import {anthropicOutputToolOf, anthropicToolsOf} from './anthropic-wire-tools';
import type {MockPlan, MockRequestTools, MockToolCall, MockUsage, ProviderWire} from './provider-wire';

/** The `error.type` Anthropic sends for each HTTP status; anything else ≥ 500 is `api_error`. */
const ERROR_TYPE: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

const STOP_REASON: Readonly<Record<MockPlan['finish'], string>> = {
  stop: 'end_turn',
  length: 'max_tokens',
  'content-filter': 'refusal',
  refusal: 'refusal',
  'tool-calls': 'tool_use',
};

/** The stop reason: an output tool's call ends with `tool_use`. */
function stopReasonOf(plan: MockPlan): string {
  return plan.finish === 'stop' && anthropicOutputToolOf(plan.requestBody) ? 'tool_use' : STOP_REASON[plan.finish];
}

/** A refusal's details: no category or explanation, as for a refusal outside the named categories. */
function stopDetailsOf(plan: MockPlan): unknown {
  return STOP_REASON[plan.finish] === 'refusal' ? {type: 'refusal', category: null, explanation: null} : null;
}

/**
 * One Anthropic SSE event. The `event:` line is required: the SDK silently drops an event without one.
 */
function sse(event: string, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** The uncached part of the prompt: Anthropic's `input_tokens` excludes cache reads and cache writes. */
function uncachedInput(usage: MockUsage): number {
  return Math.max(usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens, 0);
}

/** The block index of the text block: it follows the thinking block when there is one. */
function textBlockIndex(plan: MockPlan): number {
  return plan.reasoningChunks.length > 0 ? 1 : 0;
}

/** The block index of a tool call's `tool_use` block: the calls follow the thinking and text blocks. */
function toolBlockIndex(plan: MockPlan, index: number): number {
  return textBlockIndex(plan) + (plan.textChunks.length > 0 ? 1 : 0) + index;
}

/** The `tool_use` id of a plan's call. */
function toolUseIdOf(call: MockToolCall): string {
  return `toolu_${call.id}`;
}

/** Closes the block before the tool calls (text, else thinking), as the service closes each block before the next. */
function closeBlockBeforeTools(plan: MockPlan): string[] {
  if (plan.textChunks.length > 0) return [contentBlockStop(textBlockIndex(plan))];
  return plan.reasoningChunks.length > 0 ? closeThinkingBlock(plan) : [];
}

/** A thinking block's signature: opaque base64 in the real service. */
function signatureOf(plan: MockPlan): string {
  return btoa(`mock-signature:${plan.responseId}`);
}

function contentBlockDelta(index: number, delta: Record<string, unknown>): string {
  return sse('content_block_delta', {type: 'content_block_delta', index, delta});
}

function contentBlockStop(index: number): string {
  return sse('content_block_stop', {type: 'content_block_stop', index});
}

/** Closes the thinking block as the real service does: its signature, then `content_block_stop`. */
function closeThinkingBlock(plan: MockPlan): string[] {
  return [contentBlockDelta(0, {type: 'signature_delta', signature: signatureOf(plan)}), contentBlockStop(0)];
}

/**
 * Anthropic's Messages API stream (`POST /v1/messages`, API version 2026-10-21): `message_start` with the prompt
 * usage, a `thinking` block (thinking deltas, then its signature) when the plan has reasoning, a `text` block, a
 * `ping`, then `message_delta` with the stop reason and the final cumulative usage, and `message_stop`. The
 * server closes the connection after `message_stop`.
 *
 * The plan's tool calls (a request with tools, see `toolsOf`) follow as one `tool_use` block each, numbered after
 * the thinking and text blocks, which the first call closes: `content_block_start` with `{type: 'tool_use', id:
 * 'toolu_…', name, input: {}, caller: {type: 'direct'}}`, an empty `input_json_delta` (the service opens a tool's
 * input with one), one `input_json_delta` per argument chunk, `content_block_stop`; the stop reason is then
 * `tool_use`. The tool rounds are the assistant turns with `tool_use` blocks; `tool_choice: {type: 'tool'}` forces
 * a call of that tool, `{type: 'none'}` forbids them.
 *
 * A request for structured output in tool mode (one tool, forced with `disable_parallel_tool_use: true`, as llm-rx
 * sends it; see `anthropicOutputToolOf()`) is answered with that tool's call instead of the text block, as the real service
 * does: the same `tool_use` block with one `input_json_delta` per text chunk, and `stop_reason: 'tool_use'`
 * (`max_tokens` and `refusal` stay as they are). A refusal's `stop_details` is `{type: 'refusal', category: null,
 * explanation: null}`: the refusal's words are the streamed chunks.
 *
 * Block bookkeeping relies on the server's call order: `reasoningEvents` for reasoning chunk 0…R−1, then
 * `textEvents` for text chunk 0…T−1 (each `index` counts within its kind), then each tool call's events.
 */
export const anthropicWire: ProviderWire = {
  name: 'anthropic',

  matches(method: string, pathname: string): boolean {
    return method === 'POST' && pathname === '/v1/messages';
  },

  modelOf(_pathname: string, body: unknown): string {
    const model = (body as {model?: unknown} | null)?.model;
    return typeof model === 'string' ? model : '';
  },

  outputSchemaOf(body: unknown): unknown {
    const format = (body as {output_config?: {format?: {type?: unknown; schema?: unknown}}} | null)?.output_config
      ?.format;
    if (format?.type === 'json_schema') return format.schema;
    return anthropicOutputToolOf(body)?.inputSchema;
  },

  toolsOf(body: unknown): MockRequestTools | undefined {
    return anthropicToolsOf(body);
  },

  toolCallStartEvents(plan: MockPlan, call: MockToolCall, index: number): string[] {
    const blockIndex = toolBlockIndex(plan, index);
    return [
      ...(index === 0 ? closeBlockBeforeTools(plan) : []),
      sse('content_block_start', {
        type: 'content_block_start',
        index: blockIndex,
        content_block: {type: 'tool_use', id: toolUseIdOf(call), name: call.name, input: {}, caller: {type: 'direct'}},
      }),
      // The service opens a tool's input with an empty piece.
      contentBlockDelta(blockIndex, {type: 'input_json_delta', partial_json: ''}),
    ];
  },

  toolCallDeltaEvents(plan: MockPlan, _call: MockToolCall, text: string, index: number): string[] {
    return [contentBlockDelta(toolBlockIndex(plan, index), {type: 'input_json_delta', partial_json: text})];
  },

  toolCallEndEvents(plan: MockPlan, _call: MockToolCall, index: number): string[] {
    return [contentBlockStop(toolBlockIndex(plan, index))];
  },

  errorBody(status: number, message: string): unknown {
    const type = ERROR_TYPE[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
    return {type: 'error', error: {type, message}, request_id: `req_mock${Date.now().toString(36)}`};
  },

  openingEvents(plan: MockPlan): string[] {
    const usage = plan.usage;
    return [
      sse('message_start', {
        type: 'message_start',
        message: {
          id: `msg_${plan.responseId}`,
          type: 'message',
          role: 'assistant',
          model: plan.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          stop_details: null,
          usage: {
            input_tokens: uncachedInput(usage),
            cache_creation_input_tokens: usage.cacheWriteTokens,
            cache_read_input_tokens: usage.cachedInputTokens,
            cache_creation: {ephemeral_5m_input_tokens: usage.cacheWriteTokens, ephemeral_1h_input_tokens: 0},
            output_tokens: 1,
            service_tier: 'standard',
          },
        },
      }),
      sse('ping', {type: 'ping'}),
    ];
  },

  reasoningEvents(_plan: MockPlan, text: string, index: number): string[] {
    const delta = contentBlockDelta(0, {type: 'thinking_delta', thinking: text});
    if (index > 0) return [delta];
    return [
      sse('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: {type: 'thinking', thinking: '', signature: ''},
      }),
      delta,
    ];
  },

  textEvents(plan: MockPlan, text: string, index: number): string[] {
    const blockIndex = textBlockIndex(plan);
    const tool = anthropicOutputToolOf(plan.requestBody);
    const delta = contentBlockDelta(
      blockIndex,
      tool ? {type: 'input_json_delta', partial_json: text} : {type: 'text_delta', text},
    );
    if (index > 0) return [delta];
    const opening = tool
      ? [
          sse('content_block_start', {
            type: 'content_block_start',
            index: blockIndex,
            content_block: {
              type: 'tool_use',
              id: `toolu_${plan.responseId}`,
              name: tool.name,
              input: {},
              caller: {type: 'direct'},
            },
          }),
          // The service opens a tool's input with an empty piece.
          contentBlockDelta(blockIndex, {type: 'input_json_delta', partial_json: ''}),
        ]
      : [
          sse('content_block_start', {
            type: 'content_block_start',
            index: blockIndex,
            content_block: {type: 'text', text: ''},
          }),
        ];
    return [...(blockIndex > 0 ? closeThinkingBlock(plan) : []), ...opening, delta];
  },

  closingEvents(plan: MockPlan): string[] {
    const usage = plan.usage;
    // Tool calls closed the blocks before them, and each closes its own.
    const blockStops = plan.toolCalls.length > 0 ? [] : closeBlockBeforeTools(plan);
    return [
      ...blockStops,
      sse('message_delta', {
        type: 'message_delta',
        delta: {stop_reason: stopReasonOf(plan), stop_sequence: null, stop_details: stopDetailsOf(plan)},
        // The final usage is cumulative and repeats the prompt counts: clients overwrite, never add.
        usage: {
          input_tokens: uncachedInput(usage),
          cache_creation_input_tokens: usage.cacheWriteTokens,
          cache_read_input_tokens: usage.cachedInputTokens,
          output_tokens: usage.outputTokens,
          ...(usage.reasoningTokens > 0 && {output_tokens_details: {thinking_tokens: usage.reasoningTokens}}),
        },
      }),
      sse('message_stop', {type: 'message_stop'}),
    ];
  },

  midStreamErrorEvents(_plan: MockPlan, message: string): string[] {
    return [sse('error', {type: 'error', error: {type: 'overloaded_error', message}})];
  },

  malformedEvent(): string {
    return 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{not json\n\n';
  },
};
