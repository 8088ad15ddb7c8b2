import type {Observable} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {createLlmKeyFingerprint, type LlmKeyFingerprint} from '../key/llm-key-fingerprint';
import type {Llm} from '../llm/llm';
import type {LlmError} from '../errors/llm-error';
import type {LlmRequest} from '../request/llm-request';
import {fromProviderStream} from './from-provider-stream';
import type {ProviderEventSource} from './provider-event-mapper';
import {absoluteBaseUrl, checkLlmProviderOptions} from './check-llm-provider-options';
import {createWarnOnce, definedFields, type LlmProviderCall, resolveProviderCall} from './llm-provider-call';
import {type LlmProviderOptions, PLACEHOLDER_API_KEY} from './llm-provider-options';
import type {LlmProvider} from '../registry/llm-registry';
import type {LlmImageInput} from '../image/llm-image-input';

/** What an adapter's `mapError` knows about the failed call. */
export interface LlmProviderErrorContext<TSdk> {
  /** The model's provider name, e.g. `openai` or an OpenAI-compatible service's. */
  readonly provider: string;
  readonly model: string;
  /** The loaded SDK, to recognise its error classes; `undefined` when it has not loaded. */
  readonly sdk: TSdk | undefined;
}

/**
 * What differs between provider adapters; `defineLlmProvider()` supplies the rest.
 * @typeParam TOptions The adapter's options.
 * @typeParam TSdk The SDK module, as its `import()` resolves.
 * @typeParam TClient What `createClient` builds: the SDK client, or an object holding it.
 * @typeParam TEvent The SDK's stream event, as `open`'s mapper reads it.
 */
export interface LlmProviderDefinition<TOptions extends LlmProviderOptions, TSdk, TClient, TEvent = unknown> {
  /** The name `createLlm()` knows the provider by, also the models' `provider` unless `providerNameOf` says. */
  readonly name: string;
  /** The SDK's npm package, named in the error when it cannot be loaded. */
  readonly sdkPackage: string;
  /**
   * Loads the SDK; called once, at the first subscription of any model (again after a failure). Write the
   * `import()` here, with a literal specifier, so that bundlers split the SDK into a chunk of its own.
   */
  readonly loadSdk: () => Promise<TSdk>;
  /** A model id for the message of an empty one, e.g. `gpt-5-mini`. */
  readonly exampleModel: string;
  /** The adapter's create function, named in that message; default `create<Name>Llm`, e.g. `createAcmeLlm`. */
  readonly createFunctionName?: string;
  /**
   * Checks the provider's own options when a model is created (the common ones are checked before, see
   * `checkLlmProviderOptions()`), and fills in defaults.
   * @throws LlmConfigurationError, with `field`, for an invalid option.
   */
  readonly checkOptions?: (options: TOptions) => TOptions;
  /** The models' provider name when the options choose it (an OpenAI-compatible service); default `name`. */
  readonly providerNameOf?: (options: TOptions) => string;
  /**
   * Builds the client of one model, at its first subscription. Turn the SDK's own retries off (llm-rx retries)
   * and never let it read keys from the environment.
   * @param sdk The loaded SDK.
   * @param options The model's options, with `apiKey` set to `PLACEHOLDER_API_KEY` when none was given and a
   *   `baseURL` path made absolute against the page.
   */
  readonly createClient: (sdk: TSdk, options: TOptions & {readonly apiKey: string}) => TClient;
  /**
   * Sends one request and returns the SDK's own stream with a new `ProviderEventMapper` of its events: called at
   * each subscription, with the call resolved (`LlmProviderCall`: client, provider name, this provider's
   * `providerOptions`, merged headers, signal). Resolve after the response headers, so that an HTTP error rejects
   * here; give the SDK `call.signal`, so that the stream stops when it aborts.
   */
  readonly open: (call: LlmProviderCall<TClient, TOptions>) => Promise<ProviderEventSource<TEvent>>;
  /**
   * Recognises what the SDK threw: returns an `LlmError` for what only this SDK can tell (build HTTP and in-stream
   * errors with `providerHttpError()` and `providerStreamError()`), `undefined` for the rest. It runs inside
   * `mapProviderError()`: llm-rx errors pass through before it is asked, and what it leaves becomes a connection
   * or malformed-stream error, or else a non-retryable error quoting the message.
   */
  readonly mapError: (error: unknown, context: LlmProviderErrorContext<TSdk>) => LlmError | undefined;
  /**
   * What the provider accepts of images (media types, sizes, URLs), checked before any network call; a provider
   * without it takes no images. A function reads it from the model's options (an OpenAI-compatible service).
   */
  readonly imageInput?: LlmImageInput | ((options: TOptions) => LlmImageInput | undefined);
}

/** A provider made by `defineLlmProvider()`. */
export interface DefinedLlmProvider<TOptions extends LlmProviderOptions> {
  /** For `registerLlmProvider()`. */
  readonly provider: LlmProvider<TOptions>;
  /**
   * Creates a model; nothing is loaded or sent until its stream is subscribed.
   * @throws LlmConfigurationError for an empty model id or an invalid option.
   */
  readonly create: (model: string, options?: TOptions) => Llm;
}

/**
 * Builds a provider adapter from what is specific to it: loading the SDK, building its client, sending a request
 * and mapping its events (a synchronous `ProviderEventMapper` per request) and errors. The adapter gets, the same
 * for every provider: the model-id check, the SDK loaded once at first use (and again after a failed load, with an
 * `LlmConfigurationError` naming the package to install), one client per model, `PLACEHOLDER_API_KEY` without
 * `apiKey`, the key's `keyFingerprint`, each request's call context (`LlmProviderCall`), the common part of error
 * mapping, and `fromProviderStream()` with the options' price table and timeouts.
 *
 * ```ts
 * const acme = defineLlmProvider<LlmProviderOptions, typeof import('acme-sdk'), AcmeClient>({
 *   name: 'acme',
 *   sdkPackage: 'acme-sdk',
 *   loadSdk: () => import('acme-sdk'),
 *   exampleModel: 'acme-1',
 *   createClient: (sdk, options) => new sdk.Acme({apiKey: options.apiKey, baseURL: options.baseURL, retries: 0}),
 *   open: async ({client, model, request, providerOptions, headers, signal}) => ({
 *     events: await client.stream({model, prompt: request.userPrompt, ...providerOptions}, {headers, signal}),
 *     mapper: createAcmeEventMapper(),
 *   }),
 *   mapError: (error, {provider, model, sdk}) =>
 *     sdk && error instanceof sdk.AcmeError
 *       ? providerHttpError({provider, model, status: error.status, detail: error.message, cause: error})
 *       : undefined,
 * });
 * export const acmeProvider = acme.provider;
 * export const createAcmeLlm = acme.create;
 * ```
 * @param definition What is specific to the provider.
 * @returns The provider, for `registerLlmProvider()`, and its `create` function.
 */
export function defineLlmProvider<TOptions extends LlmProviderOptions, TSdk, TClient, TEvent = unknown>(
  definition: LlmProviderDefinition<TOptions, TSdk, TClient, TEvent>,
): DefinedLlmProvider<TOptions> {
  const sdk = new SdkLoader(definition);
  const create = (model: string, options: TOptions = {} as TOptions): Llm => {
    if (typeof model !== 'string' || model.trim() === '') {
      throw new LlmConfigurationError(
        `llm-rx: ${definition.createFunctionName ?? createFunctionName(definition.name)}() needs a model id, e.g. "${definition.exampleModel}".`,
        {field: 'model'},
      );
    }
    checkLlmProviderOptions(options, definition.name);
    return new DefinedLlm(model, definition.checkOptions?.(options) ?? options, definition, sdk);
  };
  return {provider: {name: definition.name, create}, create};
}

/** Loads an SDK once for all models of a provider; forgets a failure, so that a later call tries again. */
class SdkLoader<TSdk> {
  readonly #definition: Pick<LlmProviderDefinition<never, TSdk, unknown>, 'name' | 'sdkPackage' | 'loadSdk'>;
  #loading: Promise<TSdk> | undefined;
  /** The SDK once loaded, for `mapError`. */
  loaded: TSdk | undefined;

  constructor(definition: Pick<LlmProviderDefinition<never, TSdk, unknown>, 'name' | 'sdkPackage' | 'loadSdk'>) {
    this.#definition = definition;
  }

  load(): Promise<TSdk> {
    const {name, sdkPackage, loadSdk} = this.#definition;
    this.#loading ??= loadSdk().then(
      module => (this.loaded = module),
      (error: unknown) => {
        // Forget the failure, so that a later call can try again (e.g. after a chunk load error in a browser).
        this.#loading = undefined;
        throw new LlmConfigurationError(
          `llm-rx: could not load the "${sdkPackage}" package for the ${name} provider. ` +
            `Install it next to llm-rx: npm install ${sdkPackage}`,
          {cause: error},
        );
      },
    );
    return this.#loading;
  }
}

/** A model of a defined provider: one SDK client, built at its first subscription. */
class DefinedLlm<TOptions extends LlmProviderOptions, TSdk, TClient, TEvent> implements Llm {
  readonly provider: string;
  readonly keyFingerprint: LlmKeyFingerprint;
  // Private fields: the options hold the key, which must not be reachable from the model's properties.
  readonly #options: TOptions;
  readonly #definition: LlmProviderDefinition<TOptions, TSdk, TClient, TEvent>;
  readonly #sdk: SdkLoader<TSdk>;
  #client: TClient | undefined;
  /** Once per model, so that a warning is neither repeated per request nor lost for a second model. */
  readonly #warnOnce = createWarnOnce();

  constructor(
    readonly model: string,
    options: TOptions,
    definition: LlmProviderDefinition<TOptions, TSdk, TClient, TEvent>,
    sdk: SdkLoader<TSdk>,
  ) {
    this.provider = definition.providerNameOf?.(options) ?? definition.name;
    this.keyFingerprint = createLlmKeyFingerprint(options.apiKey, options.apiKeyAlias);
    this.#options = options;
    this.#definition = definition;
    this.#sdk = sdk;
  }

  stream(request: LlmRequest): Observable<LlmChunk> {
    const {provider, model} = this;
    const options = this.#options;
    const definition = this.#definition;
    return fromProviderStream({
      provider,
      model,
      request,
      imageInput: typeof definition.imageInput === 'function' ? definition.imageInput(options) : definition.imageInput,
      open: async (signal, schemas, sent) => {
        const sdk = await this.#sdk.load();
        // Unsubscribed while the SDK loaded: send nothing. The rejection is not emitted, the signal having aborted.
        signal.throwIfAborted();
        const client = this.#clientOf(sdk);
        return definition.open(
          resolveProviderCall(
            {client, provider, model, request: sent, options, signal, warnOnce: this.#warnOnce},
            schemas,
          ),
        );
      },
      mapError: error => definition.mapError(error, {provider, model, sdk: this.#sdk.loaded}),
      ...definedFields({apiKey: options.apiKey}),
      priceTable: options.priceTable,
      firstChunkTimeoutMs: options.firstChunkTimeoutMs,
      idleTimeoutMs: options.idleTimeoutMs,
    });
  }

  /**
   * Loads the SDK and builds the client, sending nothing: what the first call would otherwise wait for.
   * @returns Resolves once both are ready.
   * @throws LlmConfigurationError (as a rejection) naming the package when the SDK cannot be loaded.
   */
  async preload(): Promise<void> {
    this.#clientOf(await this.#sdk.load());
  }

  /** The model's one client, built at its first call or preload. */
  #clientOf(sdk: TSdk): TClient {
    const options = this.#options;
    this.#client ??= this.#definition.createClient(sdk, {
      ...options,
      apiKey: options.apiKey ?? PLACEHOLDER_API_KEY,
      ...definedFields({baseURL: options.baseURL === undefined ? undefined : absoluteBaseUrl(options.baseURL)}),
    });
    return this.#client;
  }
}

/** `acme-ai` → `createAcmeAiLlm`: the conventional name of a provider's create function. */
function createFunctionName(name: string): string {
  return `create${name.replace(/(^|[-_])(\w)/g, (_match, _separator, letter: string) => letter.toUpperCase())}Llm`;
}
