import type {LlmReasoningDelta, LlmTextDelta} from '../chunk/llm-chunk';
import type {LlmFinishReason, LlmTokenCounts} from '../usage/llm-usage';

/** The provider's final report: token counts and finish reason, from its own usage fields. */
export interface ProviderFinishEvent {
  readonly type: 'finish';
  readonly tokens: LlmTokenCounts;
  readonly finishReason: LlmFinishReason;
  /** An in-band error message, for providers that report failures in their final event (Cohere). */
  readonly errorMessage?: string;
  /**
   * The model's refusal, for providers that stream it apart from the text (OpenAI's `refusal`): a request for an
   * object then ends with an `LlmRefusalError` holding it.
   */
  readonly refusal?: string;
}

/** The model started a tool call: its id (the provider's) and the tool's name. */
export interface ProviderToolCallStartEvent {
  readonly type: 'tool-call-start';
  readonly toolCallId: string;
  readonly toolName: string;
}

/** A piece of a started tool call's arguments, as the provider streamed the JSON text. */
export interface ProviderToolCallDeltaEvent {
  readonly type: 'tool-call-delta';
  readonly toolCallId: string;
  readonly argumentsDelta: string;
}

/**
 * A tool call's arguments are complete. Optional: the core ends every call still open when the `finish` event
 * comes, in the order they started.
 */
export interface ProviderToolCallEndEvent {
  readonly type: 'tool-call-end';
  readonly toolCallId: string;
  /** What the provider needs back with the call in a later turn (e.g. `{gemini: {thoughtSignature}}`). */
  readonly providerData?: Readonly<Record<string, unknown>>;
}

/**
 * What a provider adapter's event source yields: content as it arrives (text, reasoning, tool calls), then one
 * `finish` event. A source that ends without `finish` is reported as an incomplete stream. The core turns tool-call
 * events into the stream's tool-call parts: it names the tool on every delta, parses the arguments as they grow and
 * validates them at the end; an adapter never parses them.
 */
export type ProviderStreamEvent =
  | LlmTextDelta
  | LlmReasoningDelta
  | ProviderToolCallStartEvent
  | ProviderToolCallDeltaEvent
  | ProviderToolCallEndEvent
  | ProviderFinishEvent;
