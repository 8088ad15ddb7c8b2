import {type EnvironmentProviders, makeEnvironmentProviders, type Provider} from '@angular/core';
import {
  type CascadeOptions,
  type Llm,
  LlmConfigurationError,
  type LlmProvider,
  type LlmProviderOptions,
  type RetryBeforeFirstChunkConfig,
} from 'llm-rx';
import {_LlmModels} from './llm-models';
import {LlmStream} from './llm-stream';
import {
  LLM_DEFAULT_OPTIONS,
  _LLM_LOGGING,
  _LLM_MODELS,
  _LLM_PROVIDERS,
  _LLM_RETRY,
  type _LlmLogging,
  type LlmDefaultOptions,
  type LlmModelSpec,
  type LlmUsageLog,
} from './llm-tokens';

/** The kinds of `provideLlm()` features. */
export type LlmFeatureKind =
  'provider' | 'defaults' | 'model' | 'cascade' | 'retry' | 'logging' | 'telemetry' | 'preload';

/** A feature of `provideLlm()`, made by a `withX()` function. */
export interface LlmFeature<TKind extends LlmFeatureKind = LlmFeatureKind> {
  readonly ɵkind: TKind;
  readonly ɵproviders: readonly (Provider | EnvironmentProviders)[];
}

/** The features that may be given at most once. */
const SINGLE_KINDS: readonly LlmFeatureKind[] = ['defaults', 'retry', 'logging', 'telemetry'];

/**
 * Sets up llm-rx for an app or a route: providers, named models and cascades, defaults, retry and logging, used
 * by `LlmStream` and `injectLlmStream()`.
 *
 * Put it in the application's providers (`bootstrapApplication`/`ApplicationConfig`) or a route's `providers`,
 * never in a component's: a route's `provideLlm()` replaces the app's configuration below that route.
 * @param features What to configure, from `withProvider()`, `withDefaults()`, `withModel()`, `withCascade()`,
 * `withRetry()`, `withLogging()`, `withTelemetry()` and `withPreload()`.
 * @returns The providers for an environment injector.
 * @throws LlmConfigurationError in dev mode when `withDefaults()`, `withRetry()`, `withLogging()` or `withTelemetry()`
 * is given twice.
 *
 * @usageNotes
 * ```ts
 * bootstrapApplication(App, {
 *   providers: [
 *     provideLlm(
 *       withProvider(openAiProvider, {baseURL: '/api/openai'}),
 *       withProvider(anthropicProvider, {baseURL: '/api/anthropic'}),
 *       withModel('fast', {provider: 'openai', model: 'gpt-5-mini'}),
 *       withModel('careful', {provider: 'anthropic', model: 'claude-sonnet-4-6'}),
 *       withCascade('robust', ['careful', 'fast']),
 *       withDefaults({model: 'robust', request: {maxTokens: 1000}}),
 *       withRetry({count: 2}),
 *     ),
 *   ],
 * });
 * ```
 */
export function provideLlm(...features: LlmFeature[]): EnvironmentProviders {
  if (typeof ngDevMode === 'undefined' || ngDevMode) {
    for (const kind of SINGLE_KINDS) {
      if (features.filter(feature => feature.ɵkind === kind).length > 1) {
        throw new LlmConfigurationError(
          `llm-rx: provideLlm() got with${kind[0].toUpperCase()}${kind.slice(1)}() more than once; give it once.`,
        );
      }
    }
  }
  // LlmStream and the models are provided here too, so a route's provideLlm() gets instances with its own setup.
  return makeEnvironmentProviders([_LlmModels, LlmStream, ...features.flatMap(feature => feature.ɵproviders)]);
}

/**
 * Makes a provider's models available by its name, with options every model of it gets (key alias, base URL,
 * headers, timeouts). Unlike `registerLlmProvider()`, it registers nothing globally: only this injector knows it.
 * @param provider A provider entry point's export, e.g. `openAiProvider` from `llm-rx/openai`.
 * @param options Options for every model of this provider; a model's own options override them.
 * @returns The feature.
 *
 * ```ts
 * provideLlm(withProvider(openAiProvider, {baseURL: '/api/openai', apiKeyAlias: 'proxy'}));
 * ```
 */
export function withProvider<TOptions extends LlmProviderOptions>(
  provider: LlmProvider<TOptions>,
  options?: TOptions,
): LlmFeature<'provider'> {
  const entry = {provider: provider as unknown as LlmProvider, options};
  return {ɵkind: 'provider', ɵproviders: [{provide: _LLM_PROVIDERS, useValue: entry, multi: true}]};
}

/**
 * Sets the model used when a call names none, request defaults and timeouts.
 * @param options The default model (a configured name, or a model id with `provider`), request fields and
 * timeouts.
 * @returns The feature.
 *
 * ```ts
 * provideLlm(withDefaults({provider: 'openai', model: 'gpt-5-mini', request: {temperature: 0.2}}));
 * ```
 */
export function withDefaults(options: LlmDefaultOptions): LlmFeature<'defaults'> {
  return {ɵkind: 'defaults', ɵproviders: [{provide: LLM_DEFAULT_OPTIONS, useValue: options}]};
}

/**
 * Names a model, for `LlmStream.stream(request, {model: name})`, `withCascade()` and `withDefaults({model})`.
 * @param name The name, e.g. `fast`.
 * @param model An `Llm`, or the provider, model id and options to create one with (created at first use).
 * @returns The feature.
 *
 * ```ts
 * provideLlm(withProvider(openAiProvider), withModel('fast', {provider: 'openai', model: 'gpt-5-mini'}));
 * ```
 */
export function withModel(name: string, model: Llm | LlmModelSpec): LlmFeature<'model'> {
  return {ɵkind: 'model', ɵproviders: [{provide: _LLM_MODELS, useValue: {kind: 'model', name, model}, multi: true}]};
}

/**
 * Names a cascade: models tried in order, failing over only before the answer starts (see `cascade()`).
 * With `withRetry()`, each model is retried before the cascade moves on.
 * @param name The name, e.g. `robust`.
 * @param models The models, most preferred first: names of other models or cascades, `Llm`s or model specs.
 * @param options The failover policy and callback of `cascade()`.
 * @returns The feature.
 *
 * ```ts
 * provideLlm(withModel('fast', fastLlm), withCascade('robust', [{provider: 'anthropic', model: 'claude-haiku-4-5'}, 'fast']));
 * ```
 */
export function withCascade(
  name: string,
  models: readonly (string | Llm | LlmModelSpec)[],
  options?: CascadeOptions,
): LlmFeature<'cascade'> {
  // A copy, so that changing the caller's array later cannot change the configuration.
  const entry = {kind: 'cascade', name, models: [...models], options};
  return {ɵkind: 'cascade', ɵproviders: [{provide: _LLM_MODELS, useValue: entry, multi: true}]};
}

/**
 * Retries every model's calls that fail before their first content chunk (see `retryBeforeFirstChunk()`).
 * @param config Retry count, backoff and policy.
 * @returns The feature.
 *
 * ```ts
 * provideLlm(withRetry({count: 2, initialDelayMs: 300}));
 * ```
 */
export function withRetry(config: RetryBeforeFirstChunkConfig = {}): LlmFeature<'retry'> {
  return {ɵkind: 'retry', ɵproviders: [{provide: _LLM_RETRY, useValue: config}]};
}

/**
 * Logs every call of `LlmStream` in the browser, e.g. with `loggedLlm()` and an `LlmCallLog` from `llm-rx/logging`,
 * and lets `injectLlmUsage()` read that log. The wrapper and log come from the app, so apps that do not log never
 * load the logging entry point or Dexie. Not used on the server, which has no IndexedDB: a factory for the options
 * is run only in the browser, at the first call, in the injection context (so it may `inject()`).
 * @param wrap Wraps a model (with retries and cascades applied) so that its calls are logged, e.g. `loggedLlm`.
 * @param options The wrapper's options, whose `log` (if any) `injectLlmUsage()` reads; or a factory of them.
 * @returns The feature.
 *
 * ```ts
 * import {createLlmCallLog, loggedLlm} from 'llm-rx/logging';
 *
 * provideLlm(withLogging(loggedLlm, () => ({log: createLlmCallLog(), label: 'chat'})));
 * ```
 */
export function withLogging<TOptions extends object>(
  wrap: (llm: Llm, options: TOptions) => Llm,
  options: TOptions | (() => TOptions),
): LlmFeature<'logging'> {
  const logging = (): _LlmLogging => {
    const resolved = typeof options === 'function' ? (options as () => TOptions)() : options;
    // A constraint `{log?: LlmUsageLog}` would reject options without a log (TypeScript's weak type check).
    const {log} = resolved as {readonly log?: LlmUsageLog};
    return {wrap: llm => wrap(llm, resolved), log};
  };
  return {ɵkind: 'logging', ɵproviders: [{provide: _LLM_LOGGING, useFactory: logging}]};
}
