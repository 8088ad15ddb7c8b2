import type {LlmOutput} from '../object/llm-output';
import type {LlmAttempt} from '../usage/llm-usage';

/** One message of a conversation. */
export interface LlmMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/**
 * What to ask a model. Give either `userPrompt` or `messages` (a conversation that ends with a user message).
 *
 * Sampling parameters are sent to every provider that accepts them; an invalid value fails with
 * `LlmInvalidRequestError` before any network call.
 */
export interface LlmRequest {
  /** The user's prompt, for a single-turn call. */
  readonly userPrompt?: string;
  /** The conversation so far, for a multi-turn call; the last message must be the user's. */
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
