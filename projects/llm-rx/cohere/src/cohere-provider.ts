import {definedFields, defineLlmProvider, type Llm, type LlmProvider} from 'llm-rx';
import {COHERE_IMAGE_INPUT} from './cohere-image-input';
import {createCohereEventMapper} from './cohere-event-mapper';
import {mapCohereError} from './cohere-errors';
import {createCohereFetch} from './cohere-fetch';
import {toCohereChatRequest} from './cohere-request';
import type {CohereOptions} from './cohere-options';

type CohereSdk = typeof import('cohere-ai');

const cohere = defineLlmProvider({
  name: 'cohere',
  imageInput: COHERE_IMAGE_INPUT,
  sdkPackage: 'cohere-ai',
  // The package is CommonJS: Node and esbuild both expose its exports as named exports of the dynamic import;
  // the `default` fallback covers bundlers that expose only `module.exports`.
  loadSdk: () =>
    import('cohere-ai').then(module =>
      module.CohereClientV2 ? module : (module as unknown as {default: CohereSdk}).default,
    ),
  exampleModel: 'command-a-03-2025',
  createFunctionName: 'createCohereLlm',
  createClient: (sdk, options: CohereOptions & {readonly apiKey: string}) =>
    new sdk.CohereClientV2({
      // Always a token: without one the SDK reads process.env, which a browser lacks (`process is not defined`).
      token: options.apiKey,
      ...definedFields({baseUrl: options.baseURL}),
      // The SDK's header timer (300 s) outlives a fetch that rejects, and keeps Node from exiting: this fetch never
      // rejects (see createCohereFetch). A shorter `timeoutInSeconds` would not do: the timer runs its full length
      // after a rejection, and a short one would cut a slow but healthy answer.
      fetch: createCohereFetch(sdk),
    }),
  open: async call => {
    // Resolves after the response headers, so an HTTP error rejects here, inside the subscription. The SDK
    // retries 408, 429 and 5xx twice by default: llm-rx's retry policy is the only one.
    const {request, prepareObject} = toCohereChatRequest(call);
    const stream = await call.client.chatStream(request, {
      abortSignal: call.signal,
      maxRetries: 0,
      headers: call.headers,
    });
    return {events: stream, mapper: createCohereEventMapper(), ...(prepareObject && {prepareObject})};
  },
  mapError: mapCohereError,
});

/**
 * Creates a Cohere model (Chat API v2). Nothing is loaded or sent until its stream is subscribed; `cohere-ai` (an
 * optional peer dependency, CommonJS: list it in Angular's `allowedCommonJsDependencies`) is loaded then.
 *
 * - Without `apiKey`, a placeholder token is sent, for a proxy at `baseURL` that adds the real key on the server:
 *   the recommended setup in a browser. The SDK's `CO_API_KEY` fallback is not used.
 * - `systemPrompt` becomes a leading system message; `topP` maps to `p` (Cohere accepts 0.01 to 0.99), `maxTokens`
 *   to `max_tokens`, and `providerOptions.cohere` (in the SDK's camelCase) is merged into the request.
 * - Usage is priced on `billed_units`; an in-band `ERROR` finish fails the stream after its content.
 * - A request with `output` sets `response_format: {type: 'json_object', json_schema}` with the schema adapted by
 *   `toCohereJsonSchema()` (every property required, optional ones nullable; keywords Cohere refuses left out, and
 *   checked by validation). Cohere has no refusal: a declined object ends as an `LlmObjectError`.
 * - Tools are sent as functions with their JSON Schema (`toCohereTools()`); a named `toolChoice` sends only that
 *   tool with `REQUIRED`, and `parallelToolCalls: false` is not sent (Cohere has neither). The tool plan Cohere
 *   streams before its calls is reasoning; an assistant message's text beside tool calls is sent as its tool plan.
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
  return cohere.create(model, options);
}

/**
 * The Cohere provider, for `registerLlmProvider()` and `createLlm('cohere', model, options)`.
 *
 * ```ts
 * registerLlmProvider(cohereProvider);
 * const llm = createLlm('cohere', 'command-a-03-2025', {apiKey});
 * ```
 */
export const cohereProvider: LlmProvider<CohereOptions> = cohere.provider;
