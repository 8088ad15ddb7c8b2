import type {GoogleGenAI} from '@google/genai';
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
import {geminiEvents} from './gemini-events';
import {mapGeminiError} from './gemini-errors';
import {toGeminiRequestParameters} from './gemini-request';

/** Options of the Gemini provider. */
export interface GeminiOptions extends LlmProviderOptions {
  /** The API version path segment; default the SDK's (`v1` in `@google/genai` 3.x). `''` removes it. */
  readonly apiVersion?: string;
}

type GeminiSdk = typeof import('@google/genai');

/**
 * Sent as the key when none is given, so that the SDK does not throw (a browser requires a key): the proxy at
 * `baseURL` replaces it with the real key on the server.
 */
const PROXY_PLACEHOLDER_KEY = 'llm-rx-key-added-by-proxy';

let sdkModule: Promise<GeminiSdk> | undefined;

/** Loads `@google/genai` at first use only, once, so that apps that never call Gemini never download it. */
function loadGeminiSdk(): Promise<GeminiSdk> {
  sdkModule ??= import('@google/genai').catch((error: unknown) => {
    // Forget the failure, so that a later call can try again (e.g. after a chunk load error).
    sdkModule = undefined;
    throw new LlmConfigurationError(
      'llm-rx: could not load @google/genai for llm-rx/gemini. Install it: npm install @google/genai',
      {cause: error},
    );
  });
  return sdkModule;
}

/** A Gemini model: one SDK client, built at its first request. */
class GeminiLlm implements Llm {
  readonly provider = 'gemini';
  readonly #options: GeminiOptions;
  #client: GoogleGenAI | undefined;

  constructor(
    readonly model: string,
    options: GeminiOptions,
  ) {
    this.#options = options;
  }

  stream(request: LlmRequest): Observable<LlmChunk> {
    return fromProviderStream({
      provider: this.provider,
      model: this.model,
      request,
      open: signal => this.#open(request, signal),
      mapError: error => mapGeminiError(error, {model: this.model, apiKey: this.#options.apiKey}),
      priceTable: this.#options.priceTable,
      firstChunkTimeoutMs: this.#options.firstChunkTimeoutMs,
      idleTimeoutMs: this.#options.idleTimeoutMs,
    });
  }

  async #open(request: LlmRequest, signal: AbortSignal): Promise<AsyncIterable<ProviderStreamEvent>> {
    const parameters = toGeminiRequestParameters(this.model, request, signal);
    const sdk = await loadGeminiSdk();
    const {baseURL, headers, apiVersion} = this.#options;
    this.#client ??= new sdk.GoogleGenAI({
      apiKey: this.#options.apiKey ?? PROXY_PLACEHOLDER_KEY,
      // No `timeout`: the SDK's timer keeps running while the body is read and would cut long answers (trap 14);
      // llm-rx's first-chunk and idle timeouts apply instead. No `retryOptions`: the SDK then never retries.
      httpOptions: {
        ...(baseURL !== undefined && {baseUrl: baseURL}),
        ...(apiVersion !== undefined && {apiVersion}),
        ...(headers !== undefined && {headers: {...headers}}),
      },
    });
    // Resolves after the response headers, so an HTTP error rejects here, inside the subscription.
    const stream = await this.#client.models.generateContentStream(parameters);
    return geminiEvents(stream);
  }
}

/**
 * Creates a Gemini model (Google AI Studio's Gemini API). Nothing is loaded or sent until its stream is
 * subscribed; `@google/genai` (an optional peer dependency) is loaded then.
 *
 * - Without `apiKey`, a placeholder key is sent (as `x-goog-api-key`), for a proxy at `baseURL` that adds the real
 *   key on the server: the recommended setup in a browser. The SDK's environment-variable fallback is not used.
 * - `maxTokens` maps to `maxOutputTokens`, `systemPrompt` to `systemInstruction`, and `providerOptions.gemini` is
 *   merged into the request's `config` (e.g. `{thinkingConfig: {thinkingBudget: 0}}`).
 * - Thought summaries (`thinkingConfig: {includeThoughts: true}`) stream as `reasoning-delta` chunks; thought
 *   tokens count as output and as reasoning tokens.
 * - Gemini's errors carry no response headers: `retryAfterMs` comes from the body's `RetryInfo`, and there is no
 *   request id.
 * @param model The model id, e.g. `gemini-2.5-flash`.
 * @param options Key, base URL, API version, headers, timeouts and price table.
 * @returns The model.
 * @throws LlmConfigurationError for an empty model id.
 *
 * ```ts
 * const llm = createGeminiLlm('gemini-2.5-flash', {baseURL: '/api/gemini'});
 * llm.stream({userPrompt: 'Hello'}).subscribe(chunk => console.log(chunk));
 * ```
 */
export function createGeminiLlm(model: string, options: GeminiOptions = {}): Llm {
  if (typeof model !== 'string' || model.trim() === '') {
    throw new LlmConfigurationError('llm-rx: createGeminiLlm() needs a model id, e.g. "gemini-2.5-flash".');
  }
  return new GeminiLlm(model, options);
}

/**
 * The Gemini provider, for `registerLlmProvider()` and `createLlm('gemini', model, options)`.
 *
 * ```ts
 * registerLlmProvider(geminiProvider);
 * const llm = createLlm('gemini', 'gemini-2.5-flash', {apiKey});
 * ```
 */
export const geminiProvider: LlmProvider<GeminiOptions> = {
  name: 'gemini',
  create: createGeminiLlm,
};
