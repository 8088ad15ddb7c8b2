import type {Anthropic} from '@anthropic-ai/sdk';
import type {Observable} from 'rxjs';
import {
  fromProviderStream,
  LlmConfigurationError,
  type Llm,
  type LlmChunk,
  type LlmProvider,
  type LlmProviderOptions,
  type LlmRequest,
  type ProviderStreamEvent,
} from 'llm-rx';
import {anthropicEvents} from './anthropic-events';
import {mapAnthropicError} from './anthropic-errors';
import {DEFAULT_ANTHROPIC_MAX_TOKENS, toAnthropicRequestBody} from './anthropic-request';

/** Options of the Anthropic provider. */
export interface AnthropicOptions extends LlmProviderOptions {
  /**
   * `max_tokens` for requests without `maxTokens`: the Messages API requires a cap. Default 4096
   * (`DEFAULT_ANTHROPIC_MAX_TOKENS`).
   */
  readonly defaultMaxTokens?: number;
}

type AnthropicSdk = typeof import('@anthropic-ai/sdk');

/**
 * Sent as the key when none is given, so that the SDK neither throws nor reads `ANTHROPIC_API_KEY`: the proxy at
 * `baseURL` replaces it with the real key on the server.
 */
const PROXY_PLACEHOLDER_KEY = 'llm-rx-key-added-by-proxy';

let sdkModule: Promise<AnthropicSdk> | undefined;

/** Loads `@anthropic-ai/sdk` at first use only, once, so that apps that never call Anthropic never download it. */
function loadAnthropicSdk(): Promise<AnthropicSdk> {
  sdkModule ??= import('@anthropic-ai/sdk').catch((error: unknown) => {
    // Forget the failure, so that a later call can try again (e.g. after a chunk load error).
    sdkModule = undefined;
    throw new LlmConfigurationError(
      'llm-rx: could not load @anthropic-ai/sdk for llm-rx/anthropic. Install it: npm install @anthropic-ai/sdk',
      {cause: error},
    );
  });
  return sdkModule;
}

/** An Anthropic model: one SDK client, built at its first request. */
class AnthropicLlm implements Llm {
  readonly provider = 'anthropic';
  readonly #options: AnthropicOptions;
  #sdk: AnthropicSdk | undefined;
  #client: Anthropic | undefined;

  constructor(
    readonly model: string,
    options: AnthropicOptions,
  ) {
    this.#options = options;
  }

  stream(request: LlmRequest): Observable<LlmChunk> {
    return fromProviderStream({
      provider: this.provider,
      model: this.model,
      request,
      open: signal => this.#open(request, signal),
      mapError: error => mapAnthropicError(error, {model: this.model, sdk: this.#sdk, apiKey: this.#options.apiKey}),
      priceTable: this.#options.priceTable,
      firstChunkTimeoutMs: this.#options.firstChunkTimeoutMs,
      idleTimeoutMs: this.#options.idleTimeoutMs,
    });
  }

  async #open(request: LlmRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderStreamEvent>> {
    // Built first, so that an invalid value fails before the SDK is loaded or anything is sent.
    const body = toAnthropicRequestBody(this.model, request, this.#options.defaultMaxTokens);
    const sdk = (this.#sdk ??= await loadAnthropicSdk());
    this.#client ??= new sdk.Anthropic({
      apiKey: this.#options.apiKey ?? PROXY_PLACEHOLDER_KEY,
      baseURL: this.#options.baseURL,
      // llm-rx's retry policy is the only one (trap 13), and the page may call the API directly (or a proxy).
      maxRetries: 0,
      dangerouslyAllowBrowser: true,
    });
    // The raw stream, not messages.stream(): the wrapper turns errors into unhandled rejections (trap 15).
    const stream = await this.#client.messages.create(body, {
      signal,
      headers: {...this.#options.headers, ...request.headers},
    });
    return anthropicEvents(stream);
  }
}

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
 * - Cost uses the price table's `additive` cache accounting: cache reads and writes at their own rates.
 * @param model The model id, e.g. `claude-haiku-4-5` or `claude-sonnet-4-6`.
 * @param options Key, base URL, headers, timeouts, price table and `defaultMaxTokens`.
 * @returns The model.
 * @throws LlmConfigurationError for an empty model id or an invalid `defaultMaxTokens`.
 *
 * ```ts
 * const llm = createAnthropicLlm('claude-haiku-4-5', {baseURL: '/api/anthropic'});
 * llm.stream({userPrompt: 'Hello'}).subscribe(chunk => console.log(chunk));
 * ```
 */
export function createAnthropicLlm(model: string, options: AnthropicOptions = {}): Llm {
  if (typeof model !== 'string' || model.trim() === '') {
    throw new LlmConfigurationError('llm-rx: createAnthropicLlm() needs a model id, e.g. "claude-haiku-4-5".');
  }
  const {defaultMaxTokens} = options;
  if (defaultMaxTokens !== undefined && !(Number.isInteger(defaultMaxTokens) && defaultMaxTokens >= 1)) {
    throw new LlmConfigurationError(
      `llm-rx: the anthropic option defaultMaxTokens must be an integer ≥ 1; got ${String(defaultMaxTokens)}.`,
    );
  }
  return new AnthropicLlm(model, {...options, defaultMaxTokens: defaultMaxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS});
}

/**
 * The Anthropic provider, for `registerLlmProvider()` and `createLlm('anthropic', model, options)`.
 *
 * ```ts
 * registerLlmProvider(anthropicProvider);
 * const llm = createLlm('anthropic', 'claude-sonnet-4-6', {apiKey});
 * ```
 */
export const anthropicProvider: LlmProvider<AnthropicOptions> = {
  name: 'anthropic',
  create: createAnthropicLlm,
};
