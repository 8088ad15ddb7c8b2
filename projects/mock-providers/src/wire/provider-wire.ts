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

/** Everything a wire needs to render one streamed answer. */
export interface MockPlan {
  readonly model: string;
  readonly responseId: string;
  /** Creation time in unix seconds. */
  readonly created: number;
  readonly reasoningChunks: readonly string[];
  readonly textChunks: readonly string[];
  readonly usage: MockUsage;
  readonly finish: 'stop' | 'length' | 'content-filter';
}

/** One provider's wire format: its route, its error body and its stream events. */
export interface ProviderWire {
  readonly name: 'openai-chat' | 'openai-responses' | 'deepseek' | 'anthropic' | 'gemini' | 'cohere';
  matches(method: string, pathname: string): boolean;
  modelOf(pathname: string, body: unknown): string;
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
