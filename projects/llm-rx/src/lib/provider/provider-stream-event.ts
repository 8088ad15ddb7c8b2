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

/**
 * Who answered, as the provider names it: the response's id and the model that wrote it (which may be a dated
 * version of the model asked for). A mapper emits it as soon as an SDK event carries them, usually the first
 * (OpenAI's chunk `id`/`model`, Anthropic's `message_start`, Gemini's `responseId`/`modelVersion`, Cohere's
 * `message-start` `id`), once or again whenever it learns more; it is no content. `fromProviderStream()` keeps
 * each field's last value and puts them in the usage (`LlmUsage.responseId`, `.responseModel`) and the answering
 * attempt. A separate event rather than fields of `finish`: the SDKs give them first and the finish last, so a
 * mapper that tells them as it reads them stays synchronous and holds no more state than before.
 */
export interface ProviderResponseMetadataEvent {
  readonly type: 'response-metadata';
  /** The provider's id of this response (e.g. `chatcmpl-…`, `msg_…`), when it sent one. */
  readonly responseId?: string;
  /** The model that answered, as the provider names it, when it sent one. */
  readonly responseModel?: string;
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
 * What a provider adapter's event source yields: the response's id and model when known (`response-metadata`),
 * content as it arrives (text, reasoning, tool calls), then one `finish` event. A source that ends without
 * `finish` is reported as an incomplete stream. The core turns tool-call events into the stream's tool-call parts:
 * it names the tool on every delta, parses the arguments as they grow and validates them at the end; an adapter
 * never parses them.
 */
export type ProviderStreamEvent =
  | LlmTextDelta
  | LlmReasoningDelta
  | ProviderToolCallStartEvent
  | ProviderToolCallDeltaEvent
  | ProviderToolCallEndEvent
  | ProviderResponseMetadataEvent
  | ProviderFinishEvent;
