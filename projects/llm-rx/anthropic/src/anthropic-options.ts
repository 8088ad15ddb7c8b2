import type {LlmProviderOptions} from 'llm-rx';

/** Options of the Anthropic provider. */
export interface AnthropicOptions extends LlmProviderOptions {
  /**
   * `max_tokens` for requests without `maxTokens`: the Messages API requires a cap. Default 4096
   * (`DEFAULT_ANTHROPIC_MAX_TOKENS`).
   */
  readonly defaultMaxTokens?: number;
}
