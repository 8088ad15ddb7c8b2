import {LlmConfigurationError} from '../errors/llm-configuration-error';
import type {Llm} from '../llm';
import type {LlmProviderOptions} from './llm-provider-options';

/**
 * A provider that can create `Llm`s: what each provider entry point (`llm-rx/openai`, …) exports, to be
 * registered with `registerLlmProvider()`.
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

const providers = new Map<string, LlmProvider<never>>();

/**
 * Makes a provider known to `createLlm()`. Registering is explicit, so that an app bundles only the providers it
 * uses and `sideEffects: false` holds.
 * @param provider A provider entry point's export, e.g. `openAiProvider` from `llm-rx/openai`.
 * @returns A function that unregisters it again.
 *
 * ```ts
 * registerLlmProvider(openAiProvider);
 * const llm = createLlm('openai', 'gpt-5-mini', {apiKey});
 * ```
 */
export function registerLlmProvider<TOptions extends LlmProviderOptions>(provider: LlmProvider<TOptions>): () => void {
  const entry = provider as unknown as LlmProvider<never>;
  providers.set(provider.name, entry);
  return () => {
    if (providers.get(provider.name) === entry) providers.delete(provider.name);
  };
}

/**
 * The names of the registered providers, sorted.
 * @returns e.g. `['anthropic', 'openai']`.
 */
export function registeredLlmProviders(): string[] {
  return [...providers.keys()].sort();
}

/**
 * Creates a model of a registered provider.
 * @param provider The provider's name, e.g. `openai`.
 * @param model The model id, e.g. `gpt-5-mini`.
 * @param options Key, base URL, headers, timeouts and provider options.
 * @returns The model; nothing is loaded or sent until its stream is subscribed.
 * @throws LlmConfigurationError when the provider is not registered; the message lists those that are.
 */
export function createLlm(provider: string, model: string, options?: LlmProviderOptions): Llm {
  const entry = providers.get(provider) as LlmProvider | undefined;
  if (!entry) {
    const known = registeredLlmProviders();
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
}
