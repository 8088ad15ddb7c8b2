import type {LlmUsage} from '../usage/llm-usage';

/** The timing of a whole tool loop, from its own subscription. */
export interface LlmLoopTiming {
  /** Milliseconds from the loop's subscription to its first content part, or `null` if none came. */
  readonly timeToFirstChunkMs: number | null;
  /** Milliseconds from the loop's subscription to its end. */
  readonly responseTimeMs: number;
}

/**
 * The one usage summary of a tool loop: tokens and costs summed over its steps (a cost is `null` when any step's
 * is, never a silent 0), every step's attempts in order, the last step's provider, model, finish reason, response
 * id and response model, the loop's own timing, and each step's usage in `steps`.
 * @param steps Each step's usage, in order; at least one.
 * @param timing The loop's timing.
 * @returns The summary.
 */
export function sumStepUsage(steps: readonly LlmUsage[], timing: LlmLoopTiming): LlmUsage {
  const last = steps[steps.length - 1];
  const sum = (pick: (usage: LlmUsage) => number) => steps.reduce((total, usage) => total + pick(usage), 0);
  const sumCost = (pick: (usage: LlmUsage) => number | null) =>
    steps.some(usage => pick(usage) === null) ? null : sum(usage => pick(usage) ?? 0);
  const oneHour = steps.some(usage => usage.cacheWriteOneHourTokens !== undefined)
    ? {cacheWriteOneHourTokens: sum(usage => usage.cacheWriteOneHourTokens ?? 0)}
    : {};
  return {
    provider: last.provider,
    model: last.model,
    inputTokens: sum(usage => usage.inputTokens),
    outputTokens: sum(usage => usage.outputTokens),
    cachedInputTokens: sum(usage => usage.cachedInputTokens),
    cacheWriteTokens: sum(usage => usage.cacheWriteTokens),
    ...oneHour,
    reasoningTokens: sum(usage => usage.reasoningTokens),
    inputCost: sumCost(usage => usage.inputCost),
    outputCost: sumCost(usage => usage.outputCost),
    totalCost: sumCost(usage => usage.totalCost),
    timeToFirstChunkMs: timing.timeToFirstChunkMs,
    responseTimeMs: timing.responseTimeMs,
    finishReason: last.finishReason,
    ...(last.responseId !== undefined && {responseId: last.responseId}),
    ...(last.responseModel !== undefined && {responseModel: last.responseModel}),
    attempts: steps.flatMap(usage => usage.attempts),
    steps,
  };
}
