import {chatToolCallArguments, chatToolCallStart, chatToolsOf} from './chat-tool-calls';
import {
  chatChoice,
  chatCompletionChunk,
  chatFinishReason,
  chatResponseFormatSchema,
  openAiChatUsage,
  openAiErrorBody,
} from './openai-chat-wire';
import type {CompatibleWireName, MockPlan, ProviderWire} from './provider-wire';
import {modelOfBody, sseEvent} from './sse-event';

/** How one OpenAI-compatible service's stream departs from OpenAI's, as the mock plays it. */
export interface CompatibleWireSpec {
  readonly name: CompatibleWireName;
  /** The service's real chat path, served under `/<name>` (e.g. `/groq` + `/openai/v1/chat/completions`). */
  readonly path: string;
  /** The delta field its reasoning streams in; `undefined`: it streams none. */
  readonly reasoningField: 'reasoning' | 'reasoning_content' | undefined;
  /**
   * Where its usage goes: `asked` (a last chunk without choices, only with `stream_options.include_usage`, as
   * OpenAI), `always` (in the finish chunk, asked or not: Mistral), `choice` (inside the finish choice, Moonshot),
   * `never` (a local server that streams none).
   */
  readonly usage: 'asked' | 'always' | 'choice' | 'never';
  /** Body fields it refuses with a 422, as Mistral does with fields it does not know (`extra_forbidden`). */
  readonly forbiddenFields?: readonly string[];
}

/**
 * The mock of an OpenAI-compatible service: OpenAI's chat chunks at the service's own path under `/<name>`, with
 * its reasoning field, where its usage goes, and the fields it refuses.
 *
 * @param spec The service's quirks.
 * @returns Its wire.
 */
export function compatibleWire(spec: CompatibleWireSpec): ProviderWire {
  const route = `/${spec.name}${spec.path}`;
  const chunk = (plan: MockPlan, choices: unknown[], usage: unknown = null) =>
    chatCompletionChunk(plan, choices, usage);
  return {
    name: spec.name,
    matches: (method, pathname) => method === 'POST' && pathname === route,
    modelOf: (_pathname, body) => modelOfBody(body),
    outputSchemaOf: chatResponseFormatSchema,
    toolsOf: chatToolsOf,
    refusalOf: body => refusalOf(spec, body),
    errorBody: openAiErrorBody,
    openingEvents: plan => [sseEvent(chunk(plan, [chatChoice({role: 'assistant', content: ''})]))],
    reasoningEvents: (plan, text) =>
      spec.reasoningField === undefined
        ? []
        : [sseEvent(chunk(plan, [chatChoice({content: '', [spec.reasoningField]: text})]))],
    textEvents: (plan, text) => [sseEvent(chunk(plan, [chatChoice({content: text})]))],
    toolCallStartEvents: (plan, call, index) => [
      sseEvent(chunk(plan, [chatChoice({tool_calls: [chatToolCallStart(call, index, `call_${call.id}`)]})])),
    ],
    toolCallDeltaEvents: (plan, _call, text, index) => [
      sseEvent(chunk(plan, [chatChoice({tool_calls: [chatToolCallArguments(text, index)]})])),
    ],
    toolCallEndEvents: () => [],
    closingEvents: plan => closingEventsOf(spec, plan),
    midStreamErrorEvents: (_plan, message) => [
      sseEvent({error: {message, type: 'server_error', param: null, code: null}}),
    ],
    malformedEvent: () => 'data: {"id":"chatcmpl-malformed","object":"chat.completion.chunk","choices":[{"delta":\n\n',
  };
}

function closingEventsOf(spec: CompatibleWireSpec, plan: MockPlan): string[] {
  const finish = chatFinishReason(plan.finish);
  const usage = openAiChatUsage(plan);
  const done = sseEvent('[DONE]');
  switch (spec.usage) {
    case 'always':
      return [sseEvent(chatCompletionChunk(plan, [chatChoice({content: ''}, finish)], usage)), done];
    case 'choice':
      return [sseEvent(chatCompletionChunk(plan, [{...(chatChoice({}, finish) as object), usage}], null)), done];
    case 'never':
      return [sseEvent(chatCompletionChunk(plan, [chatChoice({}, finish)], null)), done];
    case 'asked': {
      const asked = (plan.requestBody as {stream_options?: {include_usage?: unknown}} | null)?.stream_options;
      return [
        sseEvent(chatCompletionChunk(plan, [chatChoice({}, finish)], null)),
        ...(asked?.include_usage === true ? [sseEvent(chatCompletionChunk(plan, [], usage))] : []),
        done,
      ];
    }
  }
}

/** A 422 naming the first forbidden field the body has, in Mistral's `extra_forbidden` shape. */
function refusalOf(spec: CompatibleWireSpec, body: unknown): {status: number; body: unknown} | undefined {
  const field = spec.forbiddenFields?.find(name => Object.hasOwn((body ?? {}) as object, name));
  if (field === undefined) return undefined;
  return {
    status: 422,
    body: {
      object: 'error',
      message: {detail: [{type: 'extra_forbidden', loc: ['body', field], msg: 'Extra inputs are not permitted'}]},
      type: 'invalid_request_error',
      param: null,
      code: null,
    },
  };
}

/** The presets' services, each at its real path under its name. */
export const COMPATIBLE_WIRES: readonly ProviderWire[] = [
  compatibleWire({name: 'groq', path: '/openai/v1/chat/completions', reasoningField: 'reasoning', usage: 'asked'}),
  compatibleWire({name: 'together', path: '/v1/chat/completions', reasoningField: 'reasoning', usage: 'asked'}),
  compatibleWire({
    name: 'fireworks',
    path: '/inference/v1/chat/completions',
    reasoningField: 'reasoning_content',
    usage: 'asked',
  }),
  compatibleWire({name: 'openrouter', path: '/api/v1/chat/completions', reasoningField: 'reasoning', usage: 'asked'}),
  compatibleWire({
    name: 'deepinfra',
    path: '/v1/openai/chat/completions',
    reasoningField: 'reasoning_content',
    usage: 'asked',
  }),
  compatibleWire({
    name: 'mistral',
    path: '/v1/chat/completions',
    reasoningField: undefined,
    usage: 'always',
    forbiddenFields: ['stream_options', 'max_completion_tokens', 'parallel_tool_calls'],
  }),
  compatibleWire({name: 'xai', path: '/v1/chat/completions', reasoningField: 'reasoning_content', usage: 'asked'}),
  compatibleWire({
    name: 'moonshot',
    path: '/v1/chat/completions',
    reasoningField: 'reasoning_content',
    usage: 'choice',
  }),
  compatibleWire({name: 'ollama', path: '/v1/chat/completions', reasoningField: 'reasoning', usage: 'asked'}),
  compatibleWire({name: 'lmstudio', path: '/v1/chat/completions', reasoningField: 'reasoning_content', usage: 'never'}),
];
