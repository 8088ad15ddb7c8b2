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
  /**
   * Whether the request's tools stream their input eagerly: `eager_input_streaming: true` on each tool (a field of
   * the Messages API's tools, no beta header needed), so that each argument streams as the model writes it and the
   * `tool-call-delta` parts show the input growing. Default `true`: llm-rx never trusts streamed arguments (it
   * parses them as they grow and validates the whole input at the call's end, reporting JSON it cannot parse as the
   * call's `issues`), which is what eager streaming asks of a client. Set `false` to leave the field out: the API
   * then checks each argument before it sends it, in bigger and later pieces (a long string argument at once).
   */
  readonly eagerInputStreaming?: boolean;
  /**
   * Whether the Anthropic SDK makes its own OpenTelemetry spans (its `openTelemetry` client option). Default
   * `false`: the SDK (1.13 and later) otherwise traces every request with the tracer provider the app registered,
   * so an app that traces llm-rx (`llm-rx/telemetry`) would see each call twice, and tools summing GenAI spans would
   * count its tokens twice. Set `true` for the SDK's HTTP-level spans as well (they nest under llm-rx's call span).
   */
  readonly sdkTracing?: boolean;
}
