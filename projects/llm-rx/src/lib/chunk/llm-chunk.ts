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

/**
 * The object asked for (`LlmRequest.output`) as it grows: a new immutable value each time it changed, sharing its
 * finished members with the previous one. It has not been validated: type it as a deep partial
 * (`LlmDeepPartial<T>`), never as the schema's type.
 * @typeParam TPartial The partial object's type; `unknown` on an untyped stream.
 */
export interface LlmPartialObjectPart<TPartial = unknown> {
  readonly type: 'partial-object';
  readonly object: TPartial;
}

/**
 * The object asked for (`LlmRequest.output`), complete and validated by its schema: exactly one, right before the
 * usage part. With a Standard Schema, it is the schema's output (its defaults and transforms applied).
 * @typeParam T The schema's type; `unknown` on an untyped stream.
 */
export interface LlmObjectPart<T = unknown> {
  readonly type: 'object';
  readonly object: T;
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
 * `usage` part, then completion — or an error instead of the usage part. A request with an `output` schema also
 * gets `partial-object` parts as its JSON text streams (each after the `text-delta` that changed it), then exactly
 * one `object` part right before the usage part.
 */
export type LlmChunk = LlmTextDelta | LlmReasoningDelta | LlmPartialObjectPart | LlmObjectPart | LlmUsagePart;

/** A chunk the subscriber can see as part of the answer: text, reasoning or the object. */
export type LlmContentChunk = LlmTextDelta | LlmReasoningDelta | LlmPartialObjectPart | LlmObjectPart;

/**
 * Whether a chunk is content (text, reasoning or the object) rather than the usage summary.
 *
 * Content decides the cascade rule: once one content chunk reached the subscriber, no failover or retry may
 * happen, so that a second answer is never glued onto the first.
 * @param chunk The chunk to test.
 * @returns Whether the chunk is anything but the `usage` part.
 */
export function isContentChunk(chunk: LlmChunk): chunk is LlmContentChunk {
  return chunk.type !== 'usage';
}
