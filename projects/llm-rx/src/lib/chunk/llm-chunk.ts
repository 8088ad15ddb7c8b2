import type {LlmObjectIssue} from '../errors/llm-object-error';
import type {LlmMessage} from '../request/llm-request';
import type {LlmToolResult} from '../tools/llm-tool';
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

/**
 * The model started a tool call (`LlmRequest.tools`): its id and the tool's name. Its arguments follow as
 * `tool-call-delta` parts, then one `tool-call-end`. Calls of one answer may interleave (parallel calls).
 */
export interface LlmToolCallStart {
  readonly type: 'tool-call-start';
  readonly toolCallId: string;
  readonly toolName: string;
}

/**
 * A piece of a tool call's arguments, the raw JSON text as the provider streamed it, and the arguments parsed so
 * far when the piece changed them (a new immutable value each time, not validated: a deep partial of the input).
 */
export interface LlmToolCallDelta {
  readonly type: 'tool-call-delta';
  readonly toolCallId: string;
  readonly toolName: string;
  /** The new argument text, to append to what came before. */
  readonly argumentsDelta: string;
  /** The arguments parsed so far, when this piece changed them; `undefined` otherwise. */
  readonly partialInput?: unknown;
}

/**
 * A tool call, complete: its input parsed and validated by the tool's input schema (its output, with the schema's
 * defaults and transforms). When the arguments are not valid JSON, do not match the schema, or name no tool of the
 * request, `issues` says why and `input` is the parsed value (or `undefined`): the stream goes on, and
 * `runTools()` tells the model, which can correct itself.
 * @typeParam TInput The input's type.
 */
export interface LlmToolCallEnd<TInput = unknown> {
  readonly type: 'tool-call-end';
  readonly toolCallId: string;
  readonly toolName: string;
  readonly input: TInput;
  /** The whole argument text, as the model wrote it. */
  readonly argumentsText: string;
  /** Why the call cannot run: invalid JSON, a schema mismatch or an unknown tool; absent for a valid call. */
  readonly issues?: readonly LlmObjectIssue[];
  /** What the provider needs back with the call in a later turn (see `LlmToolCall.providerData`). */
  readonly providerData?: Readonly<Record<string, unknown>>;
}

/**
 * A tool's result, emitted by `runTools()` once the tool ran (or failed, with `isError`), between the step that
 * asked for it and the next.
 */
export interface LlmToolResultPart extends LlmToolResult {
  readonly type: 'tool-result';
  /** The 0-based step whose answer asked for the call. */
  readonly step: number;
}

/**
 * The end of one step of `runTools()`: the model's answer and the tools it asked for have run. Carries the step's
 * own usage and the messages it added to the conversation (the assistant's answer with its tool calls, then one
 * `tool` message per result), so that a chat can keep them as its history.
 */
export interface LlmStepFinishPart {
  readonly type: 'step-finish';
  /** The 0-based step. */
  readonly step: number;
  /** The step's model call: tokens, cost, timing, finish reason and attempts. */
  readonly usage: LlmUsage;
  /** What the step added to the conversation. */
  readonly messages: readonly LlmMessage[];
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
 * one `object` part right before the usage part. A request with `tools` gets each tool call the model makes as
 * `tool-call-start`, `tool-call-delta` parts and one `tool-call-end`; `runTools()` adds `tool-result` and
 * `step-finish` parts between its steps.
 */
export type LlmChunk =
  | LlmTextDelta
  | LlmReasoningDelta
  | LlmPartialObjectPart
  | LlmObjectPart
  | LlmToolCallStart
  | LlmToolCallDelta
  | LlmToolCallEnd
  | LlmToolResultPart
  | LlmStepFinishPart
  | LlmUsagePart;

/** A chunk the subscriber can see as part of the answer: text, reasoning, the object, tool calls and results. */
export type LlmContentChunk = Exclude<LlmChunk, LlmUsagePart>;

/**
 * Whether a chunk is content (text, reasoning, the object, a tool call) rather than the usage summary.
 *
 * Content decides the cascade rule: once one content chunk reached the subscriber, no failover or retry may
 * happen, so that a second answer is never glued onto the first.
 * @param chunk The chunk to test.
 * @returns Whether the chunk is anything but the `usage` part.
 */
export function isContentChunk(chunk: LlmChunk): chunk is LlmContentChunk {
  return chunk.type !== 'usage';
}
