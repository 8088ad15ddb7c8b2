import type {LlmUsage} from 'llm-rx';
import type {ChatMessageStats} from '../conversations/chat-message';
import {describeLlmError} from '../describe-llm-error';

/**
 * The footer of an answer from its usage, as plain data to store: for a tool loop, tokens and cost summed over its
 * steps (as `LlmUsage` gives them) and the answering attempt of its last step; every failed attempt, described.
 * @param usage The call's usage summary.
 * @returns The stats.
 */
export function messageStatsOf(usage: LlmUsage): ChatMessageStats {
  const calls = usage.steps ?? [usage];
  const attempts = calls.at(-1)!.attempts;
  return {
    provider: usage.provider,
    model: usage.model,
    attemptCount: Math.max(attempts.length, 1),
    failedAttempts: calls
      .flatMap(call => call.attempts.slice(0, -1))
      .map(attempt => ({
        provider: attempt.provider,
        model: attempt.model,
        durationMs: attempt.durationMs ?? null,
        reason: describeLlmError(attempt.error).title,
      })),
    timeToFirstChunkMs: usage.timeToFirstChunkMs ?? null,
    responseTimeMs: usage.responseTimeMs ?? null,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    totalCost: usage.totalCost,
    finishReason: usage.finishReason.unified,
    finishReasonRaw: usage.finishReason.raw ?? null,
    steps: usage.steps ? usage.steps.length : null,
  };
}
