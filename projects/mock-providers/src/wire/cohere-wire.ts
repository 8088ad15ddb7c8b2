import type {MockPlan, MockRequestTools, MockToolCall, ProviderWire} from './provider-wire';
import {responseUuid} from './response-uuid';

/**
 * Tokens Cohere adds to every prompt for its hidden prompt template: they show in `usage.tokens` but are not
 * billed, which lets specs tell `billed_units` (priced) from `tokens` (not priced).
 */
const PROMPT_TEMPLATE_TOKENS = 66;

/**
 * Cohere has no content-filter finish reason and no refusal of its own (its finish reasons are `COMPLETE`,
 * `STOP_SEQUENCE`, `MAX_TOKENS`, `TOOL_CALL`, `ERROR` and `TIMEOUT`), so a filtered or refused plan ends like a
 * complete one: the refusal's words are the answer's text.
 */
const FINISH_REASON: Readonly<Record<MockPlan['finish'], string>> = {
  stop: 'COMPLETE',
  length: 'MAX_TOKENS',
  'content-filter': 'COMPLETE',
  refusal: 'COMPLETE',
  'tool-calls': 'TOOL_CALL',
};

const DONE = 'data: [DONE]\n\n';

/**
 * One Cohere SSE event. The SDK ignores the `event:` line (the real service sends it) and needs `"type"` inside
 * the JSON: without it, 8.x throws `Missing discriminant ("type")`.
 */
function sse(payload: {readonly type: string} & Record<string, unknown>): string {
  return `event: ${payload.type}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** Whether the plan streams thinking first: then the thinking block is index 0 and the text block index 1. */
function hasThinking(plan: MockPlan): boolean {
  return plan.reasoningChunks.length > 0;
}

/**
 * Whether the answer calls tools. Cohere then streams the text before the calls as the turn's tool plan
 * (`tool-plan-delta`), never as content: a turn that calls tools has no text content.
 */
function callsTools(plan: MockPlan): boolean {
  return plan.toolCalls.length > 0;
}

/**
 * Whether the answer opens a content block at once: a thinking block for reasoning, else a text block, which an
 * answer that only calls tools does not have.
 */
function opensContent(plan: MockPlan): boolean {
  return hasThinking(plan) || !callsTools(plan);
}

/** Cohere's call ids are the tool's name and a random suffix (`weather_e8p4pn45zt0t`). */
function cohereCallId(call: MockToolCall): string {
  return `${call.name}_${call.id}`;
}

function contentStart(index: number, kind: 'text' | 'thinking'): string {
  return sse({type: 'content-start', index, delta: {message: {content: {type: kind, [kind]: ''}}}});
}

/**
 * Cohere's v2 chat stream (`POST /v2/chat`): `message-start`, one `content-start`/`content-delta`…/`content-end`
 * block per content part (a `thinking` block first for reasoning models), `message-end` with `finish_reason` and
 * `usage`, then `data: [DONE]`. An answer that calls tools has no text block: its text streams as the tool plan
 * (`tool-plan-delta`), then each call as `tool-call-start`, `tool-call-delta`… and `tool-call-end` (one call after
 * the other, each event naming its call by `index`), and it ends with `finish_reason: "TOOL_CALL"`. There is no error event: a failure is a `message-end` with `finish_reason: "ERROR"`.
 * @see https://docs.cohere.com/reference/chat-stream
 */
export const cohereWire: ProviderWire = {
  name: 'cohere',

  matches(method: string, pathname: string): boolean {
    return method === 'POST' && pathname === '/v2/chat';
  },

  modelOf(_pathname: string, body: unknown): string {
    const model = typeof body === 'object' && body !== null ? (body as {model?: unknown}).model : undefined;
    return typeof model === 'string' ? model : '';
  },

  /**
   * `response_format.json_schema` of a `json_object` response format: the SDK's `responseFormat: {type:
   * 'json_object', jsonSchema}`, which it sends in snake_case, the schema itself unchanged.
   */
  outputSchemaOf(body: unknown): unknown {
    const format = (body as {response_format?: {type?: unknown; json_schema?: unknown}} | null)?.response_format;
    const schema = format?.type === 'json_object' ? format.json_schema : undefined;
    return typeof schema === 'object' && schema !== null ? schema : undefined;
  },

  errorBody(_status: number, message: string): unknown {
    return {message};
  },

  openingEvents(plan: MockPlan): string[] {
    return [
      sse({
        // Cohere's response ids are UUIDs.
        id: responseUuid(plan.responseId),
        type: 'message-start',
        delta: {message: {role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: []}},
      }),
      ...(opensContent(plan) ? [contentStart(0, hasThinking(plan) ? 'thinking' : 'text')] : []),
    ];
  },

  reasoningEvents(_plan: MockPlan, text: string): string[] {
    return [sse({type: 'content-delta', index: 0, delta: {message: {content: {thinking: text}}}})];
  },

  textEvents(plan: MockPlan, text: string, index: number): string[] {
    if (callsTools(plan)) {
      const toolPlan = sse({type: 'tool-plan-delta', delta: {message: {tool_plan: text}}});
      // The plan comes after the thinking block, which it closes.
      return index === 0 && hasThinking(plan) ? [sse({type: 'content-end', index: 0}), toolPlan] : [toolPlan];
    }
    const blockIndex = hasThinking(plan) ? 1 : 0;
    const delta = sse({type: 'content-delta', index: blockIndex, delta: {message: {content: {text}}}});
    // The first text after thinking closes the thinking block and opens the text block.
    if (index === 0 && hasThinking(plan)) {
      return [sse({type: 'content-end', index: 0}), contentStart(1, 'text'), delta];
    }
    return [delta];
  },

  /**
   * `tool_calls` of the request: the SDK's `tools: [{type: 'function', function: {name, parameters}}]` with
   * `tool_choice` `NONE` (no calls) or `REQUIRED`, which forces the tool when it is the only one (llm-rx's named
   * choice); the rounds are the assistant messages with `tool_calls`.
   */
  toolsOf(body: unknown): MockRequestTools | undefined {
    const request = body as {tools?: unknown; tool_choice?: unknown; messages?: unknown} | null;
    if (!Array.isArray(request?.tools)) return undefined;
    const tools = (request.tools as {function?: {name?: unknown; parameters?: unknown}}[]).map(tool => ({
      name: String(tool?.function?.name ?? ''),
      inputSchema: tool?.function?.parameters,
    }));
    const messages = Array.isArray(request.messages)
      ? (request.messages as {role?: unknown; tool_calls?: unknown}[])
      : [];
    const rounds = messages.filter(
      message => message?.role === 'assistant' && Array.isArray(message.tool_calls) && message.tool_calls.length > 0,
    ).length;
    const forced =
      request.tool_choice === 'NONE'
        ? 'none'
        : request.tool_choice === 'REQUIRED' && tools.length === 1
          ? tools[0].name
          : undefined;
    return {tools, rounds, ...(forced !== undefined && {forced})};
  },

  /** A call starts with its id, type and name, and empty arguments; the first call closes an open thinking block. */
  toolCallStartEvents(plan: MockPlan, call: MockToolCall, index: number): string[] {
    const start = sse({
      type: 'tool-call-start',
      index,
      delta: {
        message: {tool_calls: {id: cohereCallId(call), type: 'function', function: {name: call.name, arguments: ''}}},
      },
    });
    const closesThinking = index === 0 && hasThinking(plan) && plan.textChunks.length === 0;
    return closesThinking ? [sse({type: 'content-end', index: 0}), start] : [start];
  },

  /** A piece of the arguments, named by the call's index only (`tool_calls` is one object, not a list). */
  toolCallDeltaEvents(_plan: MockPlan, _call: MockToolCall, text: string, index: number): string[] {
    return [sse({type: 'tool-call-delta', index, delta: {message: {tool_calls: {function: {arguments: text}}}}})];
  },

  toolCallEndEvents(_plan: MockPlan, _call: MockToolCall, index: number): string[] {
    return [sse({type: 'tool-call-end', index})];
  },

  closingEvents(plan: MockPlan): string[] {
    const openBlock = hasThinking(plan) && plan.textChunks.length > 0 ? 1 : 0;
    const usage = plan.usage;
    return [
      // An answer that calls tools closed its content blocks before the calls.
      ...(callsTools(plan) ? [] : [sse({type: 'content-end', index: openBlock})]),
      sse({
        type: 'message-end',
        delta: {
          finish_reason: FINISH_REASON[plan.finish],
          usage: {
            billed_units: {input_tokens: usage.inputTokens, output_tokens: usage.outputTokens},
            tokens: {input_tokens: usage.inputTokens + PROMPT_TEMPLATE_TOKENS, output_tokens: usage.outputTokens},
            cached_tokens: usage.cachedInputTokens,
          },
        },
      }),
      DONE,
    ];
  },

  /** The in-band failure: the SDK passes it through as a normal event, so the adapter must raise it. */
  midStreamErrorEvents(_plan: MockPlan, message: string): string[] {
    return [sse({type: 'message-end', delta: {finish_reason: 'ERROR', error: message}}), DONE];
  },

  malformedEvent(): string {
    return 'event: content-delta\ndata: {"type":"content-delta","index":0,"delta":{"message":\n\n';
  },
};
