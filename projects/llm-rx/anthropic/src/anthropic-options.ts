import type {LlmProviderOptions} from 'llm-rx';
import type {AnthropicOutputMode} from './anthropic-output-mode';

/** Options of the Anthropic provider. */
export interface AnthropicOptions extends LlmProviderOptions {
  /**
   * `max_tokens` for requests without `maxTokens`: the Messages API requires a cap. Default 4096
   * (`DEFAULT_ANTHROPIC_MAX_TOKENS`).
   */
  readonly defaultMaxTokens?: number;
  /**
   * How a request's `output` schema is sent (see `anthropicOutputModeOf()`); by default it is chosen per model:
   * - `native`: the Messages API's structured output (`output_config.format`), whose constrained decoding makes
   *   the answer match the schema; Claude Haiku 4.5, Sonnet 4.5, Opus 4.5 and every later model.
   * - `tool`: a tool whose input schema is the output schema, which the model is forced to call; every model,
   *   but the schema only guides the model, and it cannot be combined with extended thinking.
   *
   * Set it for a model id llm-rx does not recognise (a proxy's alias, a new family), which gets `tool` by default.
   */
  readonly structuredOutput?: AnthropicOutputMode;
}
