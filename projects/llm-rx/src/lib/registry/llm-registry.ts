import {LlmConfigurationError} from '../errors/llm-configuration-error';
import type {Llm} from '../llm/llm';
import type {LlmProviderOptions} from '../provider/llm-provider-options';

/**
 * A provider that can create `Llm`s: what each provider entry point (`llm-rx/openai`, …) exports, to be
 * registered with `registerLlmProvider()` (or a registry of your own, `createLlmRegistry()`).
 */
export interface LlmProvider<TOptions extends LlmProviderOptions = LlmProviderOptions> {
  /** The name `createLlm()` knows the provider by, e.g. `openai`. */
  readonly name: string;
  /**
   * Creates a model of this provider. Loads nothing yet: the SDK is loaded at the first subscription.
   * @param model The model id.
   * @param options Key, base URL, headers, timeouts and provider options.
   * @returns The model.
   */
  create(model: string, options?: TOptions): Llm;
}

/** Providers by name, to create models from a provider's name and a model id (e.g. read from settings). */
export interface LlmRegistry {
  /**
   * Makes a provider known to this registry, replacing one of the same name.
   * @param provider A provider entry point's export, e.g. `openAiProvider` from `llm-rx/openai`.
   * @returns A function that unregisters it again (a no-op once another provider took its name).
   */
  register<TOptions extends LlmProviderOptions>(provider: LlmProvider<TOptions>): () => void;
  /**
   * The names of the registered providers, sorted.
   * @returns e.g. `['anthropic', 'openai']`.
   */
  providers(): string[];
  /**
   * Creates a model of a registered provider.
   * @param provider The provider's name, e.g. `openai`.
   * @param model The model id, e.g. `gpt-5-mini`.
   * @param options Key, base URL, headers, timeouts and provider options.
   * @returns The model; nothing is loaded or sent until its stream is subscribed.
   * @throws LlmConfigurationError when the provider is not registered (the message lists those that are) or the
   *   model id is empty.
   */
  create(provider: string, model: string, options?: LlmProviderOptions): Llm;
}

/**
 * Creates a registry of providers, empty. Registering is explicit, so that an app bundles only the providers it
 * uses and `sideEffects: false` holds. `registerLlmProvider()` and `createLlm()` use a default one; make your
 * own to keep two sets of providers apart (a test, a plugin).
 *
 * ```ts
 * const registry = createLlmRegistry();
 * registry.register(openAiProvider);
 * const llm = registry.create('openai', 'gpt-5-mini', {baseURL: '/api/openai/v1'});
 * ```
 * @returns The registry.
 */
export function createLlmRegistry(): LlmRegistry {
  const providers = new Map<string, LlmProvider<never>>();
  const names = () => [...providers.keys()].sort();
  return {
    register(provider) {
      const entry = provider as unknown as LlmProvider<never>;
      providers.set(provider.name, entry);
      return () => {
        if (providers.get(provider.name) === entry) providers.delete(provider.name);
      };
    },
    providers: names,
    create(provider, model, options) {
      const entry = providers.get(provider) as LlmProvider | undefined;
      if (!entry) {
        const known = names();
        throw new LlmConfigurationError(
          `llm-rx: unknown provider "${provider}". ` +
            (known.length ? `Registered providers: ${known.join(', ')}. ` : 'No provider is registered yet. ') +
            `Import the provider from its entry point (e.g. \`import {openAiProvider} from 'llm-rx/openai'\`) ` +
            'and call registerLlmProvider(openAiProvider) first.',
          {field: 'provider'},
        );
      }
      if (typeof model !== 'string' || model.trim() === '') {
        throw new LlmConfigurationError(`llm-rx: createLlm("${provider}") needs a model id, e.g. a non-empty string.`, {
          field: 'model',
        });
      }
      return entry.create(model, options);
    },
  };
}

/** The registry of `registerLlmProvider()`, `registeredLlmProviders()` and `createLlm()`. */
export const defaultLlmRegistry: LlmRegistry = createLlmRegistry();

/**
 * Makes a provider known to `createLlm()` (the default registry).
 * @param provider A provider entry point's export, e.g. `openAiProvider` from `llm-rx/openai`.
 * @returns A function that unregisters it again.
 *
 * ```ts
 * registerLlmProvider(openAiProvider);
 * const llm = createLlm('openai', 'gpt-5-mini', {apiKey});
 * ```
 */
export function registerLlmProvider<TOptions extends LlmProviderOptions>(provider: LlmProvider<TOptions>): () => void {
  return defaultLlmRegistry.register(provider);
}

/**
 * The names of the providers in the default registry, sorted.
 * @returns e.g. `['anthropic', 'openai']`.
 */
export function registeredLlmProviders(): string[] {
  return defaultLlmRegistry.providers();
}

/**
 * Creates a model of a provider in the default registry (see `registerLlmProvider()`).
 * @param provider The provider's name, e.g. `openai`.
 * @param model The model id, e.g. `gpt-5-mini`.
 * @param options Key, base URL, headers, timeouts and provider options.
 * @returns The model; nothing is loaded or sent until its stream is subscribed.
 * @throws LlmConfigurationError when the provider is not registered; the message lists those that are.
 */
export function createLlm(provider: string, model: string, options?: LlmProviderOptions): Llm {
  return defaultLlmRegistry.create(provider, model, options);
}
