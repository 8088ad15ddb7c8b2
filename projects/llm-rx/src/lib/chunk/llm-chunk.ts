import type {LlmUsage} from '../usage/llm-usage';

/** A piece of the answer's visible text, as the provider streamed it. */
export interface LlmTextDelta {
  readonly type: 'text-delta';
  /** The new text, to append to what came before. */
  readonly text: string;
}

/** A piece of the model's streamed thinking, for models that expose it (e.g. DeepSeek's reasoner). */
export interface LlmReasoningDelta {
  readonly type: 'reasoning-delta';
  /** The new reasoning text, to append to what came before. */
  readonly text: string;
}

/** The last part of every successful stream: tokens, cost, timing and finish reason. */
export interface LlmUsagePart {
  readonly type: 'usage';
  readonly usage: LlmUsage;
}

/**
 * One part of an LLM stream.
 *
 * The contract of every `Llm.stream()`: zero or more `text-delta` / `reasoning-delta` parts, then exactly one
 * `usage` part, then completion — or an error instead of the usage part.
 */
export type LlmChunk = LlmTextDelta | LlmReasoningDelta | LlmUsagePart;

/** A chunk the subscriber can see as part of the answer: text or reasoning. */
export type LlmContentChunk = LlmTextDelta | LlmReasoningDelta;

/**
 * Whether a chunk is content (text or reasoning) rather than the usage summary.
 *
 * Content decides the cascade rule: once one content chunk reached the subscriber, no failover or retry may
 * happen, so that a second answer is never glued onto the first.
 * @param chunk The chunk to test.
 * @returns Whether the chunk is a `text-delta` or a `reasoning-delta`.
 */
export function isContentChunk(chunk: LlmChunk): chunk is LlmContentChunk {
  return chunk.type !== 'usage';
}
