/**
 * The reason a model stopped, unified across providers.
 *
 * - `stop`: a natural end or a stop sequence.
 * - `length`: the output cap (`maxTokens`) or the context window was reached.
 * - `content-filter`: the provider withheld or cut the answer.
 * - `tool-calls`: the model asked for a tool.
 * - `error`: the provider reported a failure in-band.
 * - `other`: anything else; see `raw`.
 */
export type LlmFinishReasonType = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

/** Why the model stopped: the unified value and the provider's own. */
export interface LlmFinishReason {
  readonly unified: LlmFinishReasonType;
  /** The provider's raw value (e.g. `end_turn`, `MAX_TOKENS`), or `null` when it sent none. */
  readonly raw: string | null;
}

/** Token counts as llm-rx normalises them across providers. */
export interface LlmTokenCounts {
  /** All prompt tokens, cached reads and cache writes included. */
  readonly inputTokens: number;
  /** All output tokens, reasoning included. */
  readonly outputTokens: number;
  /** The part of `inputTokens` read from the provider's prompt cache. */
  readonly cachedInputTokens: number;
  /** The part of `inputTokens` written to the provider's prompt cache. */
  readonly cacheWriteTokens: number;
  /**
   * The part of `cacheWriteTokens` written with a 1-hour lifetime (Anthropic's
   * `cache_creation.ephemeral_1h_input_tokens`); absent when the provider does not report it.
   */
  readonly cacheWriteOneHourTokens?: number;
  /** The part of `outputTokens` spent on reasoning. */
  readonly reasoningTokens: number;
  /**
   * The part of `inputTokens` that images took, where the provider reports it apart (Gemini's
   * `promptTokensDetails`); absent otherwise (the images are then counted, and priced, as input).
   */
  readonly imageInputTokens?: number;
}

/** Cost in US dollars; every field is `null` when the model has no known price (never a silent 0). */
export interface LlmCost {
  /** Prompt side: uncached input, cache reads and cache writes. */
  readonly inputCost: number | null;
  readonly outputCost: number | null;
  readonly totalCost: number | null;
}

/** How one attempt of a call ended. */
export type LlmAttemptOutcome = 'ok' | 'error' | 'cancelled';

/**
 * One attempt of a call: one request sent to a provider (a retry, a cascade child). Made by the stream that sent
 * the request (`fromProviderStream()`), reported to `LlmRequest.onAttempt` as it ends, and listed, in order, in
 * `usage.attempts` or in the call's error's `attempts`.
 */
export interface LlmAttempt {
  readonly provider: string;
  readonly model: string;
  readonly outcome: LlmAttemptOutcome;
  /** The error that ended the attempt, when it failed (for `cancelled`: an `LlmAbortError`, or none). */
  readonly error?: unknown;
  /** Tokens and cost the attempt was billed for, when the provider reported them. */
  readonly usage?: LlmTokenCounts & LlmCost;
  /** Milliseconds from the attempt's start to its end. */
  readonly durationMs?: number;
  /** Milliseconds from the attempt's start to its first content chunk; `null` when none came. */
  readonly timeToFirstChunkMs?: number | null;
  /** Why the model stopped, when the provider said (an answer, a truncation, an in-band error). */
  readonly finishReason?: LlmFinishReason;
  /** The provider's id of the response, when it sent one (an answer, a truncation). */
  readonly responseId?: string;
  /** The model that answered as the provider names it, when it said (an answer, a truncation). */
  readonly responseModel?: string;
}

/** The summary a stream emits last: who answered, tokens, cost, timing and why it stopped. */
export interface LlmUsage extends LlmTokenCounts, LlmCost {
  /** The provider that answered (for a cascade: the child that answered). */
  readonly provider: string;
  readonly model: string;
  /** Milliseconds from subscription to the first content chunk, or `null` if none came. */
  readonly timeToFirstChunkMs: number | null;
  /** Milliseconds from subscription to completion. */
  readonly responseTimeMs: number;
  readonly finishReason: LlmFinishReason;
  /**
   * The provider's id of the response (e.g. `chatcmpl-…`, `msg_…`, a Gemini `responseId`); absent when it sent
   * none. For a cascade or retry: the answering attempt's; for a tool loop: the last step's.
   */
  readonly responseId?: string;
  /**
   * The model that answered, as the provider names it (OpenAI's dated snapshot of an alias, Gemini's
   * `modelVersion`), beside `model`, the one asked for; absent when the provider sent none (Cohere). For a cascade
   * or retry: the answering attempt's; for a tool loop: the last step's.
   */
  readonly responseModel?: string;
  /**
   * Every attempt (request sent) of this call, retries and cascade children included, in order, the answering one
   * last; one entry without retries or cascades.
   */
  readonly attempts: readonly LlmAttempt[];
  /**
   * For a tool loop (`runTools()`): each step's own usage, in order. The summary's tokens and costs are then the
   * steps' sums (a cost is `null` when any step's is), its attempts all the steps' attempts, its finish reason the
   * last step's. Absent on a single call.
   */
  readonly steps?: readonly LlmUsage[];
}

/** Token counts of zero, for providers that report nothing of a kind. */
export const NO_TOKENS: LlmTokenCounts = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
});
