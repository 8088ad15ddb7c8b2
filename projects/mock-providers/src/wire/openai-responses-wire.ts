import {openAiErrorBody} from './openai-chat-wire';
import type {MockPlan, MockRequestTools, ProviderWire} from './provider-wire';
import {modelOfBody, sseEvent} from './sse-event';

/** The events of one answer, grouped the way the server writes them, with contiguous sequence numbers. */
interface ResponseSections {
  readonly opening: string[];
  readonly reasoning: string[][];
  readonly text: string[][];
  /** Each tool call's groups: its start, one per argument piece, its end. */
  readonly tools: {
    readonly start: string[];
    readonly deltas: string[][];
    readonly end: string[];
    deltasWritten: number;
  }[];
  readonly closing: string[];
  /** The sequence number after each group, in write order: opening, reasoning…, text…, tools…, closing. */
  readonly nextSequence: Map<string[], number>;
  /** The sequence number after the group written last, for a mid-stream error event. */
  written: number;
}

const sectionsByPlan = new WeakMap<MockPlan, ResponseSections>();

/**
 * The JSON Schema of a Responses request's `text: {format: {type: 'json_schema', schema}}`.
 *
 * @param body The parsed request body.
 * @returns The schema, or `undefined` when the request asks for none.
 */
export function responsesTextFormatSchema(body: unknown): unknown {
  const format = (body as {text?: {format?: {type?: unknown; schema?: unknown}}} | null)?.text?.format;
  return format?.type === 'json_schema' ? format.schema : undefined;
}

/**
 * The tools of a Responses request: `tools: [{type: 'function', name, parameters}]`, `tool_choice` (`none`, or
 * `{type: 'function', name}` forcing one), and the rounds so far: the runs of `function_call` items in its input.
 *
 * @param body The parsed request body.
 * @returns The tools, or `undefined` for a request without any.
 */
export function responsesToolsOf(body: unknown): MockRequestTools | undefined {
  const request = body as {tools?: unknown; tool_choice?: unknown; input?: unknown} | null;
  if (!Array.isArray(request?.tools)) return undefined;
  const tools = (request.tools as {type?: unknown; name?: unknown; parameters?: unknown}[])
    .filter(tool => tool?.type === 'function' && typeof tool.name === 'string')
    .map(tool => ({name: tool.name as string, inputSchema: tool.parameters}));
  const choice = request.tool_choice as {name?: unknown} | string | undefined;
  const forced =
    choice === 'none' ? 'none' : typeof choice === 'object' ? (choice?.name as string | undefined) : undefined;
  const input = Array.isArray(request.input) ? (request.input as {type?: unknown}[]) : [];
  const rounds = input.filter(
    (item, index) => item?.type === 'function_call' && input[index - 1]?.type !== 'function_call',
  ).length;
  return {tools, ...(forced !== undefined && {forced}), rounds};
}

/**
 * OpenAI Responses: `POST /v1/responses`, every event with an `event:` line equal to `data.type` and a
 * `sequence_number`; ends with `response.completed` or `response.incomplete`, no `[DONE]`. A refusal (finish
 * `refusal`) is a `refusal` content part instead of `output_text`: `response.refusal.delta` pieces, then
 * `response.refusal.done`, in a message that completes, as the service does when it refuses a structured-output
 * request; the response is `completed`. Each tool call is a `function_call` output item after the message (an
 * answer of calls only has no message): `response.output_item.added` with its `fc_…` id, `call_…` call id, name
 * and empty arguments, `response.function_call_arguments.delta` pieces naming the item, then
 * `response.function_call_arguments.done` and `response.output_item.done`; the response is `completed`.
 */
export const openAiResponsesWire: ProviderWire = {
  name: 'openai-responses',
  matches: (method, pathname) => method === 'POST' && pathname === '/v1/responses',
  modelOf: (_pathname, body) => modelOfBody(body),
  outputSchemaOf: responsesTextFormatSchema,
  toolsOf: responsesToolsOf,
  errorBody: openAiErrorBody,
  openingEvents: plan => written(plan, sectionsOf(plan).opening),
  reasoningEvents: (plan, _text, index) => written(plan, sectionsOf(plan).reasoning[index] ?? []),
  textEvents: (plan, _text, index) => written(plan, sectionsOf(plan).text[index] ?? []),
  toolCallStartEvents: (plan, _call, index) => written(plan, sectionsOf(plan).tools[index]?.start ?? []),
  // The server writes a call's pieces in order (a piece's text may repeat): each call counts the pieces written.
  toolCallDeltaEvents: (plan, _call, _text, index) => {
    const tool = sectionsOf(plan).tools[index];
    return written(plan, tool?.deltas[tool.deltasWritten++] ?? []);
  },
  toolCallEndEvents: (plan, _call, index) => written(plan, sectionsOf(plan).tools[index]?.end ?? []),
  closingEvents: plan => written(plan, sectionsOf(plan).closing),
  midStreamErrorEvents: (plan, message) => [
    sseEvent(
      {type: 'error', code: 'server_error', message, param: null, sequence_number: sectionsOf(plan).written},
      'error',
    ),
  ],
  malformedEvent: () => 'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":\n\n',
};

function written(plan: MockPlan, group: string[]): string[] {
  const sections = sectionsOf(plan);
  sections.written = sections.nextSequence.get(group) ?? sections.written;
  return group;
}

function sectionsOf(plan: MockPlan): ResponseSections {
  const cached = sectionsByPlan.get(plan);
  if (cached) return cached;
  const sections = buildSections(plan);
  sectionsByPlan.set(plan, sections);
  return sections;
}

function buildSections(plan: MockPlan): ResponseSections {
  let sequence = 0;
  const event = (type: string, fields: Record<string, unknown>) =>
    sseEvent({type, sequence_number: sequence++, ...fields}, type);
  const nextSequence = new Map<string[], number>();
  const group = (events: string[]) => (nextSequence.set(events, sequence), events);

  const hasReasoning = plan.reasoningChunks.length > 0;
  const hasToolCalls = plan.toolCalls.length > 0;
  // An answer of tool calls only has no message item.
  const hasMessage = plan.textChunks.length > 0 || !hasToolCalls;
  const reasoningId = `rs_${plan.responseId}`;
  const messageId = `msg_${plan.responseId}`;
  const messageIndex = hasReasoning ? 1 : 0;
  const firstCallIndex = messageIndex + (hasMessage ? 1 : 0);
  const reasoningText = plan.reasoningChunks.join('');
  const text = plan.textChunks.join('');
  const isRefusal = plan.finish === 'refusal';
  const isComplete = plan.finish === 'stop' || plan.finish === 'tool-calls' || isRefusal;
  const reasoningItem = (status: string, summary: unknown[]) => ({id: reasoningId, type: 'reasoning', status, summary});
  const messageItem = (status: string, content: unknown[]) => ({
    id: messageId,
    type: 'message',
    status,
    role: 'assistant',
    content,
  });
  const callItem = (index: number, status: string, args: string) => {
    const call = plan.toolCalls[index];
    return {
      id: `fc_${call.id}`,
      type: 'function_call',
      status,
      call_id: `call_${call.id}`,
      name: call.name,
      arguments: args,
    };
  };
  // The message's one content part: the answer's text, or the model's refusal.
  const contentPart = (value: string) =>
    isRefusal ? {type: 'refusal', refusal: value} : {type: 'output_text', text: value, annotations: []};
  const outputText = contentPart(text);
  const response = (status: string, fields: Record<string, unknown> = {}) => ({
    id: `resp_${plan.responseId}`,
    object: 'response',
    created_at: plan.created,
    status,
    model: plan.model,
    output: [],
    usage: null,
    error: null,
    incomplete_details: null,
    ...fields,
  });
  const reasoningPart = {item_id: reasoningId, output_index: 0, summary_index: 0};
  const textPart = {item_id: messageId, output_index: messageIndex, content_index: 0};
  const openReasoning = () => [
    event('response.output_item.added', {output_index: 0, item: reasoningItem('in_progress', [])}),
    event('response.reasoning_summary_part.added', {...reasoningPart, part: {type: 'summary_text', text: ''}}),
  ];
  const closeReasoning = () => [
    event('response.reasoning_summary_text.done', {...reasoningPart, text: reasoningText}),
    event('response.reasoning_summary_part.done', {
      ...reasoningPart,
      part: {type: 'summary_text', text: reasoningText},
    }),
    event('response.output_item.done', {
      output_index: 0,
      item: reasoningItem('completed', [{type: 'summary_text', text: reasoningText}]),
    }),
  ];
  const openMessage = () => [
    event('response.output_item.added', {output_index: messageIndex, item: messageItem('in_progress', [])}),
    event('response.content_part.added', {...textPart, part: contentPart('')}),
  ];
  const messageStatus = isComplete ? 'completed' : 'incomplete';
  const closeMessage = () => [
    isRefusal
      ? event('response.refusal.done', {...textPart, refusal: text})
      : event('response.output_text.done', {...textPart, text, logprobs: []}),
    event('response.content_part.done', {...textPart, part: outputText}),
    event('response.output_item.done', {output_index: messageIndex, item: messageItem(messageStatus, [outputText])}),
  ];

  const opening = group([
    event('response.created', {response: response('in_progress')}),
    event('response.in_progress', {response: response('in_progress')}),
    ...(hasReasoning ? openReasoning() : hasMessage ? openMessage() : []),
  ]);
  const reasoning = plan.reasoningChunks.map(delta =>
    group([event('response.reasoning_summary_text.delta', {...reasoningPart, delta})]),
  );
  // The reasoning item closes and the message item opens just before the first text delta, as the service does.
  const switchToMessage = () => (hasReasoning ? [...closeReasoning(), ...(hasMessage ? openMessage() : [])] : []);
  const textGroups = plan.textChunks.map((delta, index) =>
    group([
      ...(index === 0 ? switchToMessage() : []),
      isRefusal
        ? event('response.refusal.delta', {...textPart, delta})
        : event('response.output_text.delta', {...textPart, delta, logprobs: []}),
    ]),
  );
  // The items before the first call close as it opens: the message's text is complete then.
  const beforeCalls = () => (plan.textChunks.length > 0 ? closeMessage() : switchToMessage());
  const tools = plan.toolCalls.map((call, index) => {
    const item = {item_id: `fc_${call.id}`, output_index: firstCallIndex + index};
    return {
      start: group([
        ...(index === 0 ? beforeCalls() : []),
        event('response.output_item.added', {
          output_index: item.output_index,
          item: callItem(index, 'in_progress', ''),
        }),
      ]),
      deltas: call.argumentChunks.map(delta =>
        group([event('response.function_call_arguments.delta', {...item, delta})]),
      ),
      end: group([
        event('response.function_call_arguments.done', {...item, arguments: call.arguments}),
        event('response.output_item.done', {
          output_index: item.output_index,
          item: callItem(index, 'completed', call.arguments),
        }),
      ]),
      deltasWritten: 0,
    };
  });
  const output = [
    ...(hasReasoning ? [reasoningItem('completed', [{type: 'summary_text', text: reasoningText}])] : []),
    ...(hasMessage ? [messageItem(messageStatus, [outputText])] : []),
    ...plan.toolCalls.map((call, index) => callItem(index, 'completed', call.arguments)),
  ];
  const terminalType = isComplete ? 'response.completed' : 'response.incomplete';
  const closing = group([
    // Without calls, the message (and the reasoning before an empty message) closes at the end.
    ...(hasToolCalls ? [] : [...(plan.textChunks.length === 0 ? switchToMessage() : []), ...closeMessage()]),
    event(terminalType, {
      response: response(isComplete ? 'completed' : 'incomplete', {
        output,
        usage: responsesUsage(plan),
        incomplete_details: isComplete
          ? null
          : {reason: plan.finish === 'length' ? 'max_output_tokens' : 'content_filter'},
      }),
    }),
  ]);
  return {opening, reasoning, text: textGroups, tools, closing, nextSequence, written: 0};
}

/**
 * The terminal response's `usage`: cached and reasoning tokens in `input_tokens_details` and
 * `output_tokens_details`.
 *
 * @param plan The answer being streamed.
 * @returns The Responses usage object.
 */
export function responsesUsage(plan: MockPlan): unknown {
  const {usage} = plan;
  return {
    input_tokens: usage.inputTokens,
    // openai 7.57 types cache_write_tokens as always present in the Responses usage.
    input_tokens_details: {cached_tokens: usage.cachedInputTokens, cache_write_tokens: usage.cacheWriteTokens},
    output_tokens: usage.outputTokens,
    output_tokens_details: {reasoning_tokens: usage.reasoningTokens},
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}
