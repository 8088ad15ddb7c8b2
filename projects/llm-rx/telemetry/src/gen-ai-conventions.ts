/*
 * Every OpenTelemetry name llm-rx/telemetry writes, in one place.
 *
 * The GenAI names follow the OpenTelemetry semantic conventions for generative AI as of semantic-conventions
 * v1.45.0 (the GenAI part has since moved to its own repository, semantic-conventions-genai; the npm package
 * `@opentelemetry/semantic-conventions` marks these names deprecated for that reason only, so they are copied
 * here rather than imported). All of them are "Development" (experimental) in the conventions.
 *
 * Names under `llm_rx.` are llm-rx's own: the cost attributes mirror the proposed `gen_ai.usage.cost.*`
 * (amount, currency, source `provider | local`), which is not merged yet; they move to `gen_ai.` once it is.
 */

/** Span and metric attributes of the GenAI conventions (and the general ones they use). */
export const GEN_AI = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  conversationId: 'gen_ai.conversation.id',
  outputType: 'gen_ai.output.type',
  requestModel: 'gen_ai.request.model',
  requestTemperature: 'gen_ai.request.temperature',
  requestTopP: 'gen_ai.request.top_p',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestStopSequences: 'gen_ai.request.stop_sequences',
  requestStream: 'gen_ai.request.stream',
  responseModel: 'gen_ai.response.model',
  responseId: 'gen_ai.response.id',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  responseTimeToFirstChunk: 'gen_ai.response.time_to_first_chunk',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
  usageCacheReadInputTokens: 'gen_ai.usage.cache_read.input_tokens',
  usageCacheCreationInputTokens: 'gen_ai.usage.cache_creation.input_tokens',
  usageReasoningOutputTokens: 'gen_ai.usage.reasoning.output_tokens',
  tokenType: 'gen_ai.token.type',
  toolName: 'gen_ai.tool.name',
  toolCallId: 'gen_ai.tool.call.id',
  toolType: 'gen_ai.tool.type',
  toolCallResult: 'gen_ai.tool.call.result',
  agentName: 'gen_ai.agent.name',
  /** Opt-in content: the conversation sent, as JSON. */
  inputMessages: 'gen_ai.input.messages',
  /** Opt-in content: the answer, as JSON. */
  outputMessages: 'gen_ai.output.messages',
  /** Opt-in content: the system prompt, as JSON. */
  systemInstructions: 'gen_ai.system_instructions',
  errorType: 'error.type',
} as const;

/** `gen_ai.operation.name` values llm-rx uses. */
export const GEN_AI_OPERATION = {
  chat: 'chat',
  executeTool: 'execute_tool',
  invokeAgent: 'invoke_agent',
} as const;

/**
 * Part types of the conventions' message format (`gen_ai.input.messages`) that llm-rx writes for a user message's
 * images, with `modality: 'image'`. An image by URL is the conventions' `uri` part (`mime_type`, `uri`). The
 * conventions' `blob` part requires the base64 bytes in `content`, which never go into a span; an image by bytes is
 * therefore a part of llm-rx's own (the format's generic part: any other `type`, any fields), `llm_rx.image`, with
 * the `mime_type` and `byte_size` known without reading it (a span's attributes are set as the call starts, before
 * any SHA-256 could be computed).
 */
export const GEN_AI_PART_TYPE = {uri: 'uri', imageBytes: 'llm_rx.image'} as const;

/** `gen_ai.token.type` values. */
export const GEN_AI_TOKEN_TYPE = {input: 'input', output: 'output'} as const;

/** The GenAI client metrics. */
export const GEN_AI_METRIC = {
  /** Histogram, seconds: the whole call. */
  operationDuration: 'gen_ai.client.operation.duration',
  /** Histogram, tokens, with `gen_ai.token.type`. */
  tokenUsage: 'gen_ai.client.token.usage',
  /** Histogram, seconds: request to the first chunk, for streamed calls. */
  timeToFirstChunk: 'gen_ai.client.operation.time_to_first_chunk',
} as const;

/** The conventions' advised bucket boundaries. */
export const GEN_AI_BUCKETS = {
  seconds: [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92],
  tokens: [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864],
  /** llm-rx's own, for the cost histogram: from a hundredth of a cent to ten dollars. */
  usd: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10],
} as const;

/** llm-rx's own attributes and metric, under `llm_rx.`. */
export const LLM_RX = {
  /** The call's cost, as the proposed `gen_ai.usage.cost.amount`; absent when the model has no known price. */
  costAmount: 'llm_rx.usage.cost.amount',
  /** ISO 4217: always `USD`. */
  costCurrency: 'llm_rx.usage.cost.currency',
  /** `local`: llm-rx computed it from the tokens and its price table. */
  costSource: 'llm_rx.usage.cost.source',
  /** Histogram, USD, per call. */
  costMetric: 'llm_rx.client.cost',
  /** On an attempt span: its 0-based place among the call's attempts. */
  attemptIndex: 'llm_rx.attempt.index',
  /** On an attempt span: `ok`, `error` or `cancelled`. */
  attemptOutcome: 'llm_rx.attempt.outcome',
  /** On an attempt span: whether this attempt's answer is the call's. */
  attemptAnswered: 'llm_rx.attempt.answered',
  /** On an attempt span: its tokens (apart from the call's `gen_ai.usage.*`, so that backends count a call once). */
  attemptInputTokens: 'llm_rx.attempt.usage.input_tokens',
  attemptOutputTokens: 'llm_rx.attempt.usage.output_tokens',
  attemptCostAmount: 'llm_rx.attempt.usage.cost.amount',
  /** On a call span: how many attempts it made. */
  attemptCount: 'llm_rx.call.attempt_count',
  /** The caller's label (`LlmTelemetryOptions.label`, or the log's label on replay). */
  label: 'llm_rx.label',
  /** The key's alias (never the key). */
  apiKeyAlias: 'llm_rx.api_key.alias',
  /** The tool loop's step of a call. */
  toolLoopStep: 'llm_rx.tool_loop.step',
  /** An error's kind (`LlmProviderError.kind`: `http`, `connection`, …). */
  errorKind: 'llm_rx.error.kind',
  /** On a replayed span: it was sent later, from the local log. */
  replayed: 'llm_rx.replayed',
} as const;

/** `gen_ai.provider.name` for each llm-rx provider whose conventional name differs from llm-rx's. */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {gemini: 'gcp.gemini'};

/**
 * The conventions' `gen_ai.provider.name` of an llm-rx provider: `gcp.gemini` for `gemini`, the same name for
 * `openai`, `anthropic`, `deepseek`, `cohere` and any other.
 * @param provider llm-rx's provider name.
 * @returns The conventional name.
 */
export function genAiProviderName(provider: string): string {
  return PROVIDER_NAMES[provider] ?? provider;
}
