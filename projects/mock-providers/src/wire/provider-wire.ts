/**
 * The contract between the mock provider server and one provider's wire format.
 *
 * The server owns timing, scenario injection, framing headers and logging; a wire owns only the bytes of the
 * provider's error bodies and server-sent events, which must match the real service. What each SDK insists on is
 * said where a wire meets it, and each wire's spec runs the provider's real SDK against it, so a wire that drifts
 * from what the SDK accepts fails there.
 */

/** Token counts a wire renders into its provider's own usage fields. */
export interface MockUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

/** One tool call of a mock answer. */
export interface MockToolCall {
  /** The call's id, in the provider's own shape (`call_…`, `toolu_…`). */
  readonly id: string;
  readonly name: string;
  /** The whole argument text. */
  readonly arguments: string;
  /** The argument text in the pieces to stream; joined they give `arguments`. */
  readonly argumentChunks: readonly string[];
}

/** What a request asks of tools, as a wire reads it from the provider's body. */
export interface MockRequestTools {
  /** Each tool's name and input JSON Schema. */
  readonly tools: readonly {readonly name: string; readonly inputSchema: unknown}[];
  /** The tool the request forces (a named tool choice), `none` when it forbids tools, else `undefined`. */
  readonly forced?: string | 'none';
  /** How many assistant turns with tool calls the request's messages already hold. */
  readonly rounds: number;
}

/** Everything a wire needs to render one streamed answer. */
export interface MockPlan {
  readonly model: string;
  readonly responseId: string;
  /** Creation time in unix seconds. */
  readonly created: number;
  readonly reasoningChunks: readonly string[];
  readonly textChunks: readonly string[];
  readonly usage: MockUsage;
  /**
   * How the answer ends. `refusal` is the provider's own refusal where it has one (OpenAI's `refusal` text,
   * Anthropic's `refusal` stop reason), else its content filter; the text chunks are then the refusal's words.
   */
  readonly finish: 'stop' | 'length' | 'content-filter' | 'refusal' | 'tool-calls';
  /** The tool calls the answer makes, after its text; finish is then `tool-calls` (unless the scenario says). */
  readonly toolCalls: readonly MockToolCall[];
  /** The request's parsed JSON body, for a wire whose events depend on it (e.g. Anthropic's forced tool). */
  readonly requestBody: unknown;
  /** The JSON Schema the request asked the answer to match (`outputSchemaOf`), or `undefined` for prose. */
  readonly outputSchema: unknown;
}

/** The wires of llm-rx/compatible's presets, named as the presets. */
export type CompatibleWireName =
  | 'groq'
  | 'together'
  | 'fireworks'
  | 'openrouter'
  | 'deepinfra'
  | 'mistral'
  | 'xai'
  | 'moonshot'
  | 'ollama'
  | 'lmstudio';

/** One provider's wire format: its route, its error body and its stream events. */
export interface ProviderWire {
  readonly name:
    'openai-chat' | 'openai-responses' | 'deepseek' | 'anthropic' | 'gemini' | 'cohere' | CompatibleWireName;
  matches(method: string, pathname: string): boolean;
  modelOf(pathname: string, body: unknown): string;
  /**
   * The JSON Schema a request asks the answer to match, where this provider's request carries one (a response
   * format, a forced tool's input schema, a schema in the prompt); `undefined` for prose. Without a scenario
   * `text`, the server then answers a JSON value that matches it (`jsonSample`).
   */
  outputSchemaOf?(body: unknown): unknown;
  /**
   * The error a service answers a request body with before any stream (Mistral's 422 for a field it does not
   * know), or `undefined` to answer it.
   */
  refusalOf?(body: unknown): {readonly status: number; readonly body: unknown} | undefined;
  /** The tools a request gives, its forced choice and the tool rounds so far; `undefined` without tools. */
  toolsOf?(body: unknown): MockRequestTools | undefined;
  /** A tool call starts (id and name), in the provider's shape; `index` is its position in the answer. */
  toolCallStartEvents?(plan: MockPlan, call: MockToolCall, index: number): string[];
  /** A piece of a tool call's argument text (a provider that sends whole calls sends nothing here). */
  toolCallDeltaEvents?(plan: MockPlan, call: MockToolCall, text: string, index: number): string[];
  /** A tool call ends (a provider that sends whole calls sends the whole call here). */
  toolCallEndEvents?(plan: MockPlan, call: MockToolCall, index: number): string[];
  /** The provider's own JSON error body for an HTTP status before the stream. */
  errorBody(status: number, message: string, retryAfterSeconds?: number): unknown;
  /** Each returned string is one complete SSE event, written with its own res.write(), exact bytes incl. the blank line. */
  openingEvents(plan: MockPlan): string[];
  reasoningEvents(plan: MockPlan, text: string, index: number): string[];
  textEvents(plan: MockPlan, text: string, index: number): string[];
  /** Usage, finish reason and terminal event ([DONE], message_stop, …). Omitted entirely for noFinal. */
  closingEvents(plan: MockPlan): string[];
  midStreamErrorEvents(plan: MockPlan, message: string): string[];
  malformedEvent(): string;
}
