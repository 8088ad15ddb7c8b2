import {definedFields, defineLlmProvider, LlmConfigurationError, type Llm, type LlmProvider} from 'llm-rx';
import {GEMINI_IMAGE_INPUT} from './gemini-image-input';
import {createGeminiEventMapper} from './gemini-event-mapper';
import {mapGeminiError} from './gemini-errors';
import {toGeminiRequestParameters} from './gemini-request';
import type {GeminiOptions} from './gemini-options';

const gemini = defineLlmProvider({
  name: 'gemini',
  imageInput: GEMINI_IMAGE_INPUT,
  sdkPackage: '@google/genai',
  loadSdk: () => import('@google/genai'),
  exampleModel: 'gemini-2.5-flash',
  createFunctionName: 'createGeminiLlm',
  checkOptions: (options: GeminiOptions): GeminiOptions => {
    const {apiVersion} = options;
    if (apiVersion !== undefined && !(typeof apiVersion === 'string' && /^[a-z0-9.]*$/i.test(apiVersion))) {
      throw new LlmConfigurationError(
        "llm-rx: the gemini option apiVersion must be a version path segment such as 'v1beta', or '' for none.",
        {field: 'apiVersion'},
      );
    }
    return options;
  },
  createClient: (sdk, {apiKey, baseURL, apiVersion}: GeminiOptions & {readonly apiKey: string}) =>
    new sdk.GoogleGenAI({
      // Always a key, so that the SDK does not throw (a browser requires one); a proxy replaces the placeholder.
      apiKey,
      // No `timeout`: the SDK's timer keeps running while the body is read and would cut long answers;
      // llm-rx's first-chunk and idle timeouts apply instead. No `retryOptions`: the SDK then never retries.
      // Headers go with each request (toGeminiRequestParameters).
      httpOptions: definedFields({baseUrl: baseURL, apiVersion}),
    }),
  open: async call => {
    // Resolves after the response headers, so an HTTP error rejects here, inside the subscription.
    const stream = await call.client.models.generateContentStream(toGeminiRequestParameters(call));
    return {events: stream, mapper: createGeminiEventMapper()};
  },
  mapError: mapGeminiError,
});

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
 * - A request with `output` asks for `application/json` matching `responseJsonSchema`, adapted by
 *   `toGeminiJsonSchema()` (keywords Gemini does not take left out, and checked by validation). A `SAFETY` (or
 *   other content-filter) finish ends it with an `LlmRefusalError`; thought parts never enter the JSON.
 * - Tools go as function declarations (`parametersJsonSchema`, adapted as for `output`), `toolChoice` as the
 *   function calling mode (`required` and `{tool}` are `ANY`). Gemini has no parallel-calls switch:
 *   `parallelToolCalls: false` is not sent (a warning says so). Each call arrives whole, so it streams as its start,
 *   one delta of its whole arguments and its end; a call without an id gets one made by llm-rx. A call's
 *   `providerData.gemini.thoughtSignature` must go back with it (keep `providerData` in the assistant message's
 *   `toolCalls`): Gemini's thinking models refuse the next turn without it.
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
  return gemini.create(model, options);
}

/**
 * The Gemini provider, for `registerLlmProvider()` and `createLlm('gemini', model, options)`.
 *
 * ```ts
 * registerLlmProvider(geminiProvider);
 * const llm = createLlm('gemini', 'gemini-2.5-flash', {apiKey});
 * ```
 */
export const geminiProvider: LlmProvider<GeminiOptions> = gemini.provider;
