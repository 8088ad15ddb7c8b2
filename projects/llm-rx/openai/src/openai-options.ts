import type {LlmProviderOptions} from 'llm-rx';

/** Options of an OpenAI model, or of an OpenAI-compatible service reached through the chat flavour. */
export interface OpenAiOptions extends LlmProviderOptions {
  /**
   * Which API to call: the Responses API (`responses`, the default) or Chat Completions (`chat`, also what
   * OpenAI-compatible services such as Together, Fireworks, Groq or OpenRouter offer).
   */
  readonly api?: 'responses' | 'chat';
  /**
   * The name used in usage, errors, price lookup and `request.providerOptions` for an OpenAI-compatible service
   * (e.g. `groq` with its `baseURL`). Default `openai`. Any name but `openai` sends `maxTokens` as `max_tokens`.
   */
  readonly providerName?: string;
  /** The OpenAI organization id, sent as `OpenAI-Organization`. */
  readonly organization?: string;
  /** The OpenAI project id, sent as `OpenAI-Project`. */
  readonly project?: string;
}
