import type {LlmOutput} from '../object/llm-output';
import type {LlmUserContent} from './llm-content';
import type {LlmTool, LlmToolCall, LlmToolChoice, LlmToolResult} from '../tools/llm-tool';
import type {LlmAttempt} from '../usage/llm-usage';

/** The user's turn of a conversation: text, or parts mixing text and images (see `LlmImagePart`). */
export interface LlmUserMessage {
  readonly role: 'user';
  readonly content: LlmUserContent;
}

/** The model's turn of a conversation: its text, and the tool calls it made, if any. */
export interface LlmAssistantMessage {
  readonly role: 'assistant';
  /** The answer's text; may be empty when the turn is only tool calls. */
  readonly content: string;
  /** The tool calls the model made in this turn; each needs a `tool` message with its result after it. */
  readonly toolCalls?: readonly LlmToolCall[];
}

/** A tool's result, answering one tool call of the assistant message before it. */
export interface LlmToolMessage extends LlmToolResult {
  readonly role: 'tool';
}

/**
 * One message of a conversation: the user's, the model's (maybe with tool calls), or a tool's result. Each adapter
 * turns them into its provider's format (e.g. Anthropic's `tool_use` and `tool_result` blocks).
 */
export type LlmMessage = LlmUserMessage | LlmAssistantMessage | LlmToolMessage;

/**
 * What to ask a model. Give either `userPrompt` or `messages` (a conversation that ends with a user message).
 *
 * Sampling parameters are sent to every provider that accepts them; an invalid value fails with
 * `LlmInvalidRequestError` before any network call.
 */
export interface LlmRequest {
  /** The user's prompt, for a single-turn call. */
  readonly userPrompt?: string;
  /** The conversation so far, for a multi-turn call; the last message must be the user's or a tool result. */
  readonly messages?: readonly LlmMessage[];
  /** Instructions for the model. */
  readonly systemPrompt?: string;
  /** Sampling temperature, 0 to 2 (some providers accept less; their adapter says so). */
  readonly temperature?: number;
  /** Nucleus sampling, greater than 0 and at most 1. */
  readonly topP?: number;
  /** The most output tokens to generate, an integer ≥ 1. */
  readonly maxTokens?: number;
  /** Sequences that end the answer when generated. */
  readonly stopSequences?: readonly string[];
  /**
   * Provider-specific options, keyed by provider name, passed through to that provider's SDK request
   * (e.g. `{openai: {reasoning: {effort: 'low'}}}`).
   */
  readonly providerOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Asks for an object that matches a schema instead of prose. Each provider is told the schema its own way (see
   * the README's "Structured output"); the stream then adds `partial-object` parts as the JSON streams and one
   * validated `object` part before the usage part, or ends with an `LlmObjectError` (invalid JSON, or an object
   * the schema refuses) or an `LlmRefusalError`. `streamObject()` gives the same stream, typed by the schema.
   *
   * ```ts
   * const Contact = z.object({name: z.string(), email: z.string().optional()});
   * llm.stream({userPrompt: 'Ada Lovelace, ada@example.com', output: {schema: Contact, name: 'contact'}});
   * ```
   */
  readonly output?: LlmOutput;
  /**
   * Tools the model may call. Each call streams as `tool-call-start`, `tool-call-delta` and `tool-call-end` parts
   * and the answer ends with finish reason `tool-calls`; `runTools()` runs them and continues. Cannot be combined
   * with `output` (ask for the object in a last step without tools).
   */
  readonly tools?: readonly LlmTool[];
  /** Which tools the model may call (default `auto`); see `LlmToolChoice`. */
  readonly toolChoice?: LlmToolChoice;
  /**
   * Whether the model may make several tool calls in one answer, for providers that let you choose (OpenAI,
   * DeepSeek, Anthropic); default: the provider's (allowed).
   */
  readonly parallelToolCalls?: boolean;
  /**
   * Set by `runTools()` on each step's request: which loop and step it is, so that a log can link the steps of one
   * loop. Never sent to a provider.
   */
  readonly toolLoop?: {readonly id: string; readonly step: number};
  /** Extra HTTP headers for this request only, added to the provider options' `headers`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** An outer signal that cancels the call, like unsubscribing does. */
  readonly signal?: AbortSignal;
  /**
   * Told of every request this call sends (retries and cascade children included) as it starts; return a function
   * to be told how it ended. Made for observers such as a call log, which then knows every attempt even when the
   * call is cancelled or the page closes. Called by the stream that sends each request (`fromProviderStream()`);
   * never sent to a provider.
   *
   * ```ts
   * llm.stream({userPrompt: 'Hi', onAttempt: start => ended => console.log(start.provider, ended.outcome)});
   * ```
   */
  readonly onAttempt?: (attempt: LlmAttemptStart) => ((ended: LlmAttempt) => void) | void;
}

/** What `LlmRequest.onAttempt` is told when an attempt (one request) of a call starts. */
export interface LlmAttemptStart {
  /** The provider and model this attempt calls. */
  readonly provider: string;
  readonly model: string;
  /** When the attempt started, epoch milliseconds. */
  readonly startedAt: number;
}
