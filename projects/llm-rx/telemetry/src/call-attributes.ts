import type {Attributes} from '@opentelemetry/api';
import {LlmError, LlmProviderError, redactSecrets} from 'llm-rx';
import type {LlmAttempt, LlmFinishReasonType, LlmRequest, LlmTokenCounts, LlmUsage} from 'llm-rx';
import {GEN_AI, GEN_AI_OPERATION, LLM_RX, genAiProviderName} from './gen-ai-conventions';

/** The conventions' `gen_ai.response.finish_reasons` value of each unified finish reason. */
const FINISH_REASONS: Readonly<Record<LlmFinishReasonType, string>> = {
  stop: 'stop',
  length: 'length',
  'content-filter': 'content_filter',
  'tool-calls': 'tool_calls',
  error: 'error',
  other: 'other',
};

/**
 * The conventions' finish reason of a unified one (`content_filter`, `tool_calls` with underscores).
 * @param reason llm-rx's unified finish reason.
 * @returns The value for `gen_ai.response.finish_reasons`.
 */
export function genAiFinishReason(reason: LlmFinishReasonType): string {
  return FINISH_REASONS[reason];
}

/**
 * What a call span says of the request, set as it starts: operation, provider, model and sampling parameters;
 * never a prompt (see `contentAttributes()`), a header or a key.
 * @param request The call's request.
 * @param provider llm-rx's provider name (`cascade` sets none: the answering child's comes with the usage).
 * @param model The model asked.
 * @returns The span's attributes.
 */
export function requestAttributes(request: LlmRequest, provider: string | undefined, model: string): Attributes {
  const attributes: Attributes = {
    [GEN_AI.operationName]: GEN_AI_OPERATION.chat,
    [GEN_AI.requestModel]: model,
    [GEN_AI.requestStream]: true,
    [GEN_AI.outputType]: request.output === undefined ? 'text' : 'json',
  };
  if (provider !== undefined) attributes[GEN_AI.providerName] = genAiProviderName(provider);
  if (request.temperature !== undefined) attributes[GEN_AI.requestTemperature] = request.temperature;
  if (request.topP !== undefined) attributes[GEN_AI.requestTopP] = request.topP;
  if (request.maxTokens !== undefined) attributes[GEN_AI.requestMaxTokens] = request.maxTokens;
  if (request.stopSequences !== undefined) attributes[GEN_AI.requestStopSequences] = [...request.stopSequences];
  if (request.toolLoop !== undefined) {
    attributes[GEN_AI.conversationId] = request.toolLoop.id;
    attributes[LLM_RX.toolLoopStep] = request.toolLoop.step;
  }
  return attributes;
}

/** A call's or an attempt's token counts, costs and response, as `usageAttributes()` reads them. */
export interface LlmTelemetryUsage extends Partial<LlmTokenCounts> {
  readonly provider: string;
  readonly model: string;
  readonly totalCost: number | null;
  readonly timeToFirstChunkMs: number | null;
  readonly finishReason: LlmFinishReasonType | null;
  readonly responseId?: string;
  readonly responseModel?: string;
}

/**
 * What a call span says of its answer: who answered, tokens, cost, finish reason, time to first chunk. Shared by
 * the live spans and the replay, so that both say the same.
 * @param usage The call's usage (for a cascade, the answering child's).
 * @returns The span's attributes.
 */
export function usageAttributes(usage: LlmTelemetryUsage): Attributes {
  const attributes: Attributes = {
    [GEN_AI.providerName]: genAiProviderName(usage.provider),
    [GEN_AI.responseModel]: usage.responseModel ?? usage.model,
  };
  if (usage.responseId !== undefined) attributes[GEN_AI.responseId] = usage.responseId;
  if (usage.finishReason !== null) attributes[GEN_AI.responseFinishReasons] = [genAiFinishReason(usage.finishReason)];
  if (usage.timeToFirstChunkMs !== null) attributes[GEN_AI.responseTimeToFirstChunk] = usage.timeToFirstChunkMs / 1000;
  if (usage.inputTokens !== undefined) attributes[GEN_AI.usageInputTokens] = usage.inputTokens;
  if (usage.outputTokens !== undefined) attributes[GEN_AI.usageOutputTokens] = usage.outputTokens;
  if (usage.cachedInputTokens !== undefined) attributes[GEN_AI.usageCacheReadInputTokens] = usage.cachedInputTokens;
  if (usage.cacheWriteTokens !== undefined) {
    attributes[GEN_AI.usageCacheCreationInputTokens] = usage.cacheWriteTokens;
  }
  if (usage.reasoningTokens !== undefined) attributes[GEN_AI.usageReasoningOutputTokens] = usage.reasoningTokens;
  Object.assign(attributes, costAttributes(usage.totalCost));
  return attributes;
}

/**
 * The cost attributes (`llm_rx.usage.cost.*`, as the proposed `gen_ai.usage.cost.*`): none for an unpriced model.
 * @param totalCost The cost in USD, or `null`.
 * @returns The attributes.
 */
export function costAttributes(totalCost: number | null): Attributes {
  if (totalCost === null) return {};
  return {[LLM_RX.costAmount]: totalCost, [LLM_RX.costCurrency]: 'USD', [LLM_RX.costSource]: 'local'};
}

/**
 * The usage of a call as telemetry reads it.
 * @param usage The stream's usage part.
 * @returns Its fields for `usageAttributes()`.
 */
export function telemetryUsageOf(usage: LlmUsage): LlmTelemetryUsage {
  return {...usage, finishReason: usage.finishReason.unified};
}

/**
 * What an attempt span says once the attempt ended: its outcome, whether it answered, its tokens and cost under
 * `llm_rx.attempt.*` (the call span carries the `gen_ai.usage.*`), its error.
 * @param attempt The ended attempt.
 * @returns The attributes.
 */
export function attemptAttributes(attempt: LlmAttempt): Attributes {
  const attributes: Attributes = {
    [LLM_RX.attemptOutcome]: attempt.outcome,
    [LLM_RX.attemptAnswered]: attempt.outcome === 'ok',
  };
  if (attempt.finishReason !== undefined) {
    attributes[GEN_AI.responseFinishReasons] = [genAiFinishReason(attempt.finishReason.unified)];
  }
  if (attempt.timeToFirstChunkMs !== undefined && attempt.timeToFirstChunkMs !== null) {
    attributes[GEN_AI.responseTimeToFirstChunk] = attempt.timeToFirstChunkMs / 1000;
  }
  if (attempt.usage !== undefined) {
    attributes[LLM_RX.attemptInputTokens] = attempt.usage.inputTokens;
    attributes[LLM_RX.attemptOutputTokens] = attempt.usage.outputTokens;
    if (attempt.usage.totalCost !== null) attributes[LLM_RX.attemptCostAmount] = attempt.usage.totalCost;
  }
  return attributes;
}

/** How a span records an error: its type (low-cardinality), its kind, and a message free of secrets. */
export interface LlmTelemetryError {
  readonly type: string;
  readonly kind?: string;
  readonly message: string;
}

/**
 * An error as telemetry records it: `error.type` is the error's class name (`LlmProviderError`,
 * `LlmTimeoutError`…), the message is passed through `redactSecrets()` once more (llm-rx errors are redacted
 * already; an error of the app's own may not be), and nothing of its `cause` chain is sent.
 * @param error What the stream failed with.
 * @returns The type, kind and message.
 */
export function telemetryErrorOf(error: unknown): LlmTelemetryError {
  const kind = LlmProviderError.isInstance(error) ? error.kind : undefined;
  if (error instanceof Error || LlmError.isInstance(error)) {
    const {name, message} = error as Error;
    return {type: name || 'Error', ...(kind !== undefined && {kind}), message: redactSecrets(message)};
  }
  return {type: '_OTHER', message: redactSecrets(String(error))};
}

/**
 * The attributes of a failed call or attempt: `error.type`, its kind, and the finish reason `error`.
 * @param error The error as `telemetryErrorOf()` gives it.
 * @returns The attributes.
 */
export function errorAttributes(error: LlmTelemetryError): Attributes {
  return {
    [GEN_AI.errorType]: error.type,
    [GEN_AI.responseFinishReasons]: ['error'],
    ...(error.kind !== undefined && {[LLM_RX.errorKind]: error.kind}),
  };
}
