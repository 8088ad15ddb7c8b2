import type {CohereClientV2} from 'cohere-ai';
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
import {cohereEvents} from './cohere-events';
import {mapCohereError} from './cohere-errors';
import {toCohereChatRequest} from './cohere-request';

/** Options of the Cohere provider. */
export type CohereOptions = LlmProviderOptions;

type CohereSdk = typeof import('cohere-ai');

/**
 * Sent as the token when no key is given. The SDK would otherwise read `process.env.CO_API_KEY` at request time,
 * which throws `ReferenceError` in a browser (trap 10); the proxy at `baseURL` replaces it with the real key.
 */
const PROXY_PLACEHOLDER_KEY = 'llm-rx-key-added-by-proxy';

let sdkModule: Promise<CohereSdk> | undefined;

/**
 * Loads `cohere-ai` at first use only, once, so that apps that never call Cohere never download it. The package
 * is CommonJS: Node and esbuild both expose its exports as named exports of the dynamic import; the `default`
 * fallback covers bundlers that expose only `module.exports`.
 */
function loadCohereSdk(): Promise<CohereSdk> {
  sdkModule ??= import('cohere-ai').then(
    module => (module.CohereClientV2 ? module : (module as unknown as {default: CohereSdk}).default),
    (error: unknown) => {
      // Forget the failure, so that a later call can try again (e.g. after a chunk load error).
      sdkModule = undefined;
      throw new LlmConfigurationError(
        'llm-rx: could not load cohere-ai for llm-rx/cohere. Install it: npm install cohere-ai',
        {cause: error},
      );
    },
  );
  return sdkModule;
}

/** A Cohere model: one SDK client, built at its first request. */
class CohereLlm implements Llm {
  readonly provider = 'cohere';
  readonly #options: CohereOptions;
  #sdk: CohereSdk | undefined;
  #client: CohereClientV2 | undefined;

  constructor(
    readonly model: string,
    options: CohereOptions,
  ) {
    this.#options = options;
  }

  stream(request: LlmRequest): Observable<LlmChunk> {
    return fromProviderStream({
      provider: this.provider,
      model: this.model,
      request,
      open: signal => this.#open(request, signal),
      mapError: error => mapCohereError(error, {model: this.model, sdk: this.#sdk, apiKey: this.#options.apiKey}),
      priceTable: this.#options.priceTable,
      firstChunkTimeoutMs: this.#options.firstChunkTimeoutMs,
      idleTimeoutMs: this.#options.idleTimeoutMs,
    });
  }

  async #open(request: LlmRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderStreamEvent>> {
    const chatRequest = toCohereChatRequest(this.model, request);
    const sdk = (this.#sdk ??= await loadCohereSdk());
    this.#client ??= new sdk.CohereClientV2({
      // Always a token: without one the SDK reads process.env, which a browser lacks (trap 10).
      token: this.#options.apiKey ?? PROXY_PLACEHOLDER_KEY,
      ...(this.#options.baseURL !== undefined && {baseUrl: this.#options.baseURL}),
    });
    // Resolves after the response headers, so an HTTP error rejects here, inside the subscription. The SDK
    // retries 408, 429 and 5xx twice by default: llm-rx's retry policy is the only one (trap 13).
    const stream = await this.#client.chatStream(chatRequest, {
      abortSignal: signal,
      maxRetries: 0,
      headers: {...this.#options.headers, ...request.headers},
    });
    return cohereEvents(stream);
  }
}

/**
 * Creates a Cohere model (Chat API v2). Nothing is loaded or sent until its stream is subscribed; `cohere-ai` (an
 * optional peer dependency, CommonJS: list it in Angular's `allowedCommonJsDependencies`) is loaded then.
 *
 * - Without `apiKey`, a placeholder token is sent, for a proxy at `baseURL` that adds the real key on the server:
 *   the recommended setup in a browser. The SDK's `CO_API_KEY` fallback is not used.
 * - `systemPrompt` becomes a leading system message; `topP` maps to `p` (Cohere accepts 0.01 to 0.99), `maxTokens`
 *   to `max_tokens`, and `providerOptions.cohere` (in the SDK's camelCase) is merged into the request.
 * - Usage is priced on `billed_units`; an in-band `ERROR` finish fails the stream after its content.
 * @param model The model id, e.g. `command-a-03-2025`.
 * @param options Key, base URL, headers, timeouts and price table.
 * @returns The model.
 * @throws LlmConfigurationError for an empty model id.
 *
 * ```ts
 * const llm = createCohereLlm('command-a-03-2025', {baseURL: '/api/cohere'});
 * llm.stream({userPrompt: 'Hello'}).subscribe(chunk => console.log(chunk));
 * ```
 */
export function createCohereLlm(model: string, options: CohereOptions = {}): Llm {
  if (typeof model !== 'string' || model.trim() === '') {
    throw new LlmConfigurationError('llm-rx: createCohereLlm() needs a model id, e.g. "command-a-03-2025".');
  }
  return new CohereLlm(model, options);
}

/**
 * The Cohere provider, for `registerLlmProvider()` and `createLlm('cohere', model, options)`.
 *
 * ```ts
 * registerLlmProvider(cohereProvider);
 * const llm = createLlm('cohere', 'command-a-03-2025', {apiKey});
 * ```
 */
export const cohereProvider: LlmProvider<CohereOptions> = {
  name: 'cohere',
  create: createCohereLlm,
};
