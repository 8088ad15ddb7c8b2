import {inject, Injectable} from '@angular/core';
import {
  cascade,
  definedFields,
  type CascadeOptions,
  createLlm,
  isCascade,
  type Llm,
  LlmConfigurationError,
  type LlmProviderOptions,
  retryBeforeFirstChunk,
  wrapLlm,
} from 'llm-rx';
import {
  LLM_DEFAULT_OPTIONS,
  _LLM_MODELS,
  _LLM_PROVIDERS,
  _LLM_RETRY,
  type _LlmModelEntry,
  type _LlmProviderEntry,
  type LlmModelSpec,
} from './llm-tokens';

/**
 * The models `provideLlm()` configured, by name: created at first use, then kept, so that each model's SDK client
 * is made once. Internal to `llm-rx/angular`; `LlmStream` is the public way in.
 */
@Injectable({providedIn: 'root'})
export class _LlmModels {
  private readonly _defaults = inject(LLM_DEFAULT_OPTIONS);
  private readonly _retry = inject(_LLM_RETRY, {optional: true});
  private readonly _providers = new Map<string, _LlmProviderEntry>(
    (inject(_LLM_PROVIDERS, {optional: true}) ?? []).map(entry => [entry.provider.name, entry]),
  );
  private readonly _entries = new Map<string, _LlmModelEntry>();
  private readonly _created = new Map<string, Llm>();
  /** The names being resolved, to report a cascade that contains itself. */
  private readonly _resolving = new Set<string>();

  constructor() {
    for (const entry of inject(_LLM_MODELS, {optional: true}) ?? []) {
      if ((typeof ngDevMode === 'undefined' || ngDevMode) && this._entries.has(entry.name)) {
        throw new LlmConfigurationError(`llm-rx: provideLlm() names two models or cascades "${entry.name}".`);
      }
      this._entries.set(entry.name, entry);
    }
  }

  /**
   * The model for a call, with the configured retry applied to each provider's model.
   * @param model A name given to `withModel()` or `withCascade()`, or a model to create for this call; without
   * one, the default of `withDefaults()`.
   * @returns The model.
   * @throws LlmConfigurationError when the name is unknown, no default is set, or a cascade contains itself.
   */
  get(model?: string | LlmModelSpec): Llm {
    return model === undefined ? this._default() : this.resolve(model);
  }

  /**
   * A model as `withModel()`, `withCascade()` or a call names it, with the configured retry.
   * @param model A configured name; an `Llm`, used as is; or a spec, created through `withProvider()` each time it
   * is resolved (a named model is resolved once, then kept under its name).
   * @returns The model.
   * @throws LlmConfigurationError when the name is unknown or the model is none of these.
   */
  resolve(model: string | Llm | LlmModelSpec): Llm {
    if (typeof model === 'string') return this._named(model);
    if (typeof model !== 'object' || model === null) {
      throw new LlmConfigurationError(
        "llm-rx: a model must be a configured name, an Llm or {provider, model}, e.g. {provider: 'openai', " +
          `model: 'gpt-5-mini'}; got ${model === null ? 'null' : typeof model}.`,
        {field: 'model'},
      );
    }
    return _isLlm(model) ? this.retried(model) : this._fromSpec(model);
  }

  /**
   * A cascade of models, each resolved (and retried) as `resolve()` does: what `withCascade()` configures, or a
   * cascade a call gives.
   * @param models The models, most preferred first.
   * @param options The failover policy and callback of `cascade()`.
   * @returns The cascade.
   */
  cascade(models: readonly (string | Llm | LlmModelSpec)[], options?: CascadeOptions): Llm {
    return cascade(
      models.map(model => this.resolve(model)),
      options,
    );
  }

  private _default(): Llm {
    const {model, provider} = this._defaults;
    if (model !== undefined && this._entries.has(model)) return this._named(model);
    if (model !== undefined && provider !== undefined) {
      const key = `\u0000default:${provider}:${model}`;
      let llm = this._created.get(key);
      if (!llm) this._created.set(key, (llm = this._fromSpec({provider, model})));
      return llm;
    }
    throw new LlmConfigurationError(
      'llm-rx: no model was named and no default is set. Name one (`stream(request, {model: "fast"})`) or set ' +
        "one with provideLlm(withDefaults({model: 'fast'})) or withDefaults({provider: 'openai', model: 'gpt-5-mini'}).",
    );
  }

  /**
   * Applies the configured retry to a model that is not a cascade (a cascade's children are retried instead).
   * @param llm The model.
   * @returns The model, retried before its first chunk when `withRetry()` is used.
   */
  retried(llm: Llm): Llm {
    const config = this._retry;
    if (!config || isCascade(llm)) return llm;
    // wrapLlm keeps the model's identity, its key fingerprint included, so that logged calls keep the key's hash.
    return wrapLlm(llm, (request, stream) => stream(request).pipe(retryBeforeFirstChunk(config)));
  }

  private _named(name: string): Llm {
    const created = this._created.get(name);
    if (created) return created;
    const entry = this._entries.get(name);
    if (!entry) {
      const known = [...this._entries.keys()].sort();
      throw new LlmConfigurationError(
        `llm-rx: no model or cascade is named "${name}". ` +
          (known.length ? `Configured: ${known.join(', ')}. ` : 'None is configured. ') +
          `Add it with provideLlm(withModel('${name}', …)) or withCascade('${name}', […]).`,
      );
    }
    if (this._resolving.has(name)) {
      throw new LlmConfigurationError(`llm-rx: the cascade "${name}" contains itself.`);
    }
    this._resolving.add(name);
    try {
      const llm = entry.kind === 'model' ? this.resolve(entry.model) : this.cascade(entry.models, entry.options);
      this._created.set(name, llm);
      return llm;
    } finally {
      this._resolving.delete(name);
    }
  }

  private _fromSpec(spec: LlmModelSpec): Llm {
    const {firstChunkTimeoutMs, idleTimeoutMs} = this._defaults;
    const entry = this._providers.get(spec.provider);
    const options: LlmProviderOptions = {
      ...definedFields({firstChunkTimeoutMs, idleTimeoutMs}),
      ...entry?.options,
      ...spec.options,
    };
    // A provider given to withProvider() wins; else the global registry (registerLlmProvider) is asked.
    const llm = entry ? entry.provider.create(spec.model, options) : createLlm(spec.provider, spec.model, options);
    return this.retried(llm);
  }
}

/**
 * Whether a model given to a feature or a call is an `Llm` already, rather than a spec to create one from.
 * @internal Used by `withPreload()` too.
 */
export function _isLlm(model: Llm | LlmModelSpec): model is Llm {
  return typeof (model as Partial<Llm>).stream === 'function';
}
