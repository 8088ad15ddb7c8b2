import {type LlmUsage, type LlmUsagePart, NO_TOKENS} from 'llm-rx';

/**
 * Builds a complete `usage` part for marble values and expectations, with test defaults for what is not given.
 *
 * Defaults: provider `mock-provider`, model `mock-model`, zero tokens, unknown (`null`) cost, no first chunk,
 * `responseTimeMs` 0, finish reason `stop`, no response id or model, and one `ok` attempt made of those values
 * (the response id and model too, when given), as `reportLlmAttempt()`
 * makes it (unless `attempts` is given).
 *
 * ```ts
 * const values = {a: {type: 'text-delta', text: 'Hi'}, u: usagePart({inputTokens: 3, responseTimeMs: 2})};
 * expectObservable(llm.stream({userPrompt: 'Hello'})).toBe('a-(u|)', values);
 * ```
 * @param overrides The usage fields that matter to the test.
 * @returns A `{type: 'usage', usage}` chunk.
 */
export function usagePart(overrides: Partial<LlmUsage> = {}): LlmUsagePart {
  const base = {
    provider: 'mock-provider',
    model: 'mock-model',
    ...NO_TOKENS,
    inputCost: null,
    outputCost: null,
    totalCost: null,
    timeToFirstChunkMs: null,
    responseTimeMs: 0,
    finishReason: {unified: 'stop', raw: 'stop'},
    ...overrides,
  } satisfies Omit<LlmUsage, 'attempts'>;
  const attempts = overrides.attempts ?? [
    {
      provider: base.provider,
      model: base.model,
      outcome: 'ok',
      usage: {
        inputTokens: base.inputTokens,
        outputTokens: base.outputTokens,
        cachedInputTokens: base.cachedInputTokens,
        cacheWriteTokens: base.cacheWriteTokens,
        reasoningTokens: base.reasoningTokens,
        inputCost: base.inputCost,
        outputCost: base.outputCost,
        totalCost: base.totalCost,
      },
      durationMs: base.responseTimeMs,
      timeToFirstChunkMs: base.timeToFirstChunkMs,
      finishReason: base.finishReason,
      ...(base.responseId !== undefined && {responseId: base.responseId}),
      ...(base.responseModel !== undefined && {responseModel: base.responseModel}),
    },
  ];
  return {type: 'usage', usage: {...base, attempts}};
}
