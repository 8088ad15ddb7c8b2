import {defineLlmProvider, LlmConfigurationError, type Llm, type LlmProvider} from 'llm-rx';
import {ANTHROPIC_IMAGE_INPUT} from './anthropic-image-input';
import type {AnthropicOptions} from './anthropic-options';
import {createAnthropicEventMapper} from './anthropic-event-mapper';
import {mapAnthropicError} from './anthropic-errors';
import {ANTHROPIC_OUTPUT_MODES} from './anthropic-output-mode';
import {planAnthropicOutput} from './anthropic-output';
import {DEFAULT_ANTHROPIC_MAX_TOKENS, toAnthropicRequestBody} from './anthropic-request';

const anthropic = defineLlmProvider({
  name: 'anthropic',
  imageInput: ANTHROPIC_IMAGE_INPUT,
  sdkPackage: '@anthropic-ai/sdk',
  loadSdk: () => import('@anthropic-ai/sdk'),
  exampleModel: 'claude-haiku-4-5',
  createFunctionName: 'createAnthropicLlm',
  checkOptions: (options: AnthropicOptions): AnthropicOptions => {
    const {defaultMaxTokens, structuredOutput, eagerInputStreaming, sdkTracing} = options;
    if (defaultMaxTokens !== undefined && !(Number.isInteger(defaultMaxTokens) && defaultMaxTokens >= 1)) {
      throw new LlmConfigurationError(
        `llm-rx: the anthropic option defaultMaxTokens must be an integer ≥ 1; got ${String(defaultMaxTokens)}.`,
        {field: 'defaultMaxTokens'},
      );
    }
    if (structuredOutput !== undefined && !ANTHROPIC_OUTPUT_MODES.includes(structuredOutput)) {
      throw new LlmConfigurationError(
        `llm-rx: the anthropic option structuredOutput must be 'native' or 'tool' (or unset, to choose per model); ` +
          `got ${JSON.stringify(structuredOutput)}.`,
        {field: 'structuredOutput'},
      );
    }
    if (eagerInputStreaming !== undefined && typeof eagerInputStreaming !== 'boolean') {
      throw new LlmConfigurationError(
        `llm-rx: the anthropic option eagerInputStreaming must be true or false (or unset, for true); got ` +
          `${JSON.stringify(eagerInputStreaming)}.`,
        {field: 'eagerInputStreaming'},
      );
    }
    if (sdkTracing !== undefined && typeof sdkTracing !== 'boolean') {
      throw new LlmConfigurationError(
        `llm-rx: the anthropic option sdkTracing must be true or false (or unset, for false); got ` +
          `${JSON.stringify(sdkTracing)}.`,
        {field: 'sdkTracing'},
      );
    }
    return {...options, defaultMaxTokens: defaultMaxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS};
  },
  createClient: (sdk, options) =>
    new sdk.Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      // The SDK retries twice by default: llm-rx's retry policy is the only one, and the page may call the API directly (or a proxy).
      maxRetries: 0,
      dangerouslyAllowBrowser: true,
      // The SDK's own spans would count each call twice beside llm-rx's (see AnthropicOptions.sdkTracing);
      // `undefined` lets the SDK decide (its default: on, or its ANTHROPIC_OPEN_TELEMETRY variable).
      openTelemetry: options.sdkTracing === true ? undefined : false,
    }),
  open: async call => {
    // The raw stream, not messages.stream(): the wrapper turns errors into unhandled rejections when
    // only content listeners are attached.
    const output = planAnthropicOutput(call);
    const stream = await call.client.messages.create(toAnthropicRequestBody(call, output), {
      signal: call.signal,
      headers: call.headers,
    });
    if (output?.mode === 'tool') {
      return {events: stream, mapper: createAnthropicEventMapper({outputTool: output.toolName})};
    }
    const mapper = createAnthropicEventMapper();
    return output?.prepareObject === undefined
      ? {events: stream, mapper}
      : {events: stream, mapper, prepareObject: output.prepareObject};
  },
  mapError: mapAnthropicError,
});

/**
 * Creates an Anthropic model. Nothing is loaded or sent until its stream is subscribed; `@anthropic-ai/sdk` (an
 * optional peer dependency) is loaded then.
 *
 * - Without `apiKey`, a placeholder key is sent, for a proxy at `baseURL` that adds the real key on the server
 *   (the recommended setup in a browser, where the SDK's `dangerouslyAllowBrowser` is always on).
 * - `maxTokens` maps to `max_tokens` (default `defaultMaxTokens`, 4096), `systemPrompt` to `system`,
 *   `stopSequences` to `stop_sequences`, and `providerOptions.anthropic` is merged into the request body.
 * - `temperature` above 1 fails with `LlmInvalidRequestError`; `temperature` and `topP` are otherwise not sent,
 *   because API version 2026-10-21 (sent by the SDK) rejects them with HTTP 400.
 * - Cost bills cache reads and writes (5-minute and 1-hour) at their own rates.
 * - A request's `output` is sent as native structured output (`output_config.format`) to Claude 4.5 and later
 *   models, and as a forced tool to the others (`structuredOutput` chooses; see `AnthropicOptions`).
 * - A request's `tools` are sent as the Messages API's tools, streaming their input eagerly (the option
 *   `eagerInputStreaming`); each `tool_use` block streams as a tool call, whose `providerData.anthropic` keeps the
 *   thinking blocks before it for the conversation's next turn (see `toAnthropicMessages()`).
 * @param model The model id, e.g. `claude-haiku-4-5` or `claude-sonnet-4-6`.
 * @param options Key, base URL, headers, timeouts, price table, `defaultMaxTokens`, `structuredOutput` and
 *   `eagerInputStreaming`.
 * @returns The model.
 * @throws LlmConfigurationError for an empty model id or an invalid `defaultMaxTokens`, `structuredOutput` or
 *   `eagerInputStreaming`.
 *
 * ```ts
 * const llm = createAnthropicLlm('claude-haiku-4-5', {baseURL: '/api/anthropic'});
 * llm.stream({userPrompt: 'Hello'}).subscribe(chunk => console.log(chunk));
 * ```
 */
export function createAnthropicLlm(model: string, options: AnthropicOptions = {}): Llm {
  return anthropic.create(model, options);
}

/**
 * The Anthropic provider, for `registerLlmProvider()` and `createLlm('anthropic', model, options)`.
 *
 * ```ts
 * registerLlmProvider(anthropicProvider);
 * const llm = createLlm('anthropic', 'claude-sonnet-4-6', {apiKey});
 * ```
 */
export const anthropicProvider: LlmProvider<AnthropicOptions> = anthropic.provider;
