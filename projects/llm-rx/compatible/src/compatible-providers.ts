import type {LlmProvider} from 'llm-rx';
import {
  DEEPINFRA_PRESET,
  FIREWORKS_PRESET,
  GROQ_PRESET,
  LM_STUDIO_PRESET,
  MISTRAL_PRESET,
  MOONSHOT_PRESET,
  OLLAMA_PRESET,
  OPENROUTER_PRESET,
  TOGETHER_PRESET,
  XAI_PRESET,
} from './compatible-presets';
import type {LlmCompatibleOptions} from './compatible-options';
import {
  FIREWORKS_PRICES,
  GROQ_PRICES,
  MISTRAL_PRICES,
  MOONSHOT_PRICES,
  OPENROUTER_PRICES,
  TOGETHER_PRICES,
  XAI_PRICES,
} from './compatible-prices.generated';
import {defineOpenAiCompatibleProvider} from './define-openai-compatible-provider';

// One provider per preset, priced with the dataset's prices for its service (generated, one constant per preset):
// each is pure, so a bundle keeps only the providers, and the prices, an app imports. Register the ones an app uses,
// then createLlm(name, model); or call .create directly:
//   registerLlmProvider(groqProvider); createLlm('groq', 'llama-3.3-70b-versatile', {baseURL: '/api/groq'});

/** Groq (`groq`), for `registerLlmProvider()`; `groqProvider.create(model, options)` makes a model directly. */
export const groqProvider: LlmProvider<LlmCompatibleOptions> = /* @__PURE__ */ defineOpenAiCompatibleProvider(
  GROQ_PRESET,
  GROQ_PRICES,
);
/** Together AI (`together`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const togetherProvider: LlmProvider<LlmCompatibleOptions> = /* @__PURE__ */ defineOpenAiCompatibleProvider(
  TOGETHER_PRESET,
  TOGETHER_PRICES,
);
/** Fireworks AI (`fireworks`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const fireworksProvider: LlmProvider<LlmCompatibleOptions> = /* @__PURE__ */ defineOpenAiCompatibleProvider(
  FIREWORKS_PRESET,
  FIREWORKS_PRICES,
);
/** OpenRouter (`openrouter`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const openRouterProvider: LlmProvider<LlmCompatibleOptions> = /* @__PURE__ */ defineOpenAiCompatibleProvider(
  OPENROUTER_PRESET,
  OPENROUTER_PRICES,
);
/** DeepInfra (`deepinfra`; no prices in the dataset: costs are `null` without a `priceTable`). */
export const deepInfraProvider: LlmProvider<LlmCompatibleOptions> =
  /* @__PURE__ */ defineOpenAiCompatibleProvider(DEEPINFRA_PRESET);
/** Mistral AI (`mistral`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const mistralProvider: LlmProvider<LlmCompatibleOptions> = /* @__PURE__ */ defineOpenAiCompatibleProvider(
  MISTRAL_PRESET,
  MISTRAL_PRICES,
);
/** xAI (`xai`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const xaiProvider: LlmProvider<LlmCompatibleOptions> = /* @__PURE__ */ defineOpenAiCompatibleProvider(
  XAI_PRESET,
  XAI_PRICES,
);
/** Moonshot AI (`moonshot`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const moonshotProvider: LlmProvider<LlmCompatibleOptions> = /* @__PURE__ */ defineOpenAiCompatibleProvider(
  MOONSHOT_PRESET,
  MOONSHOT_PRICES,
);
/** Ollama (`ollama`, local: no key, every model costs 0), for `registerLlmProvider()`, or `.create(model)`. */
export const ollamaProvider: LlmProvider<LlmCompatibleOptions> =
  /* @__PURE__ */ defineOpenAiCompatibleProvider(OLLAMA_PRESET);
/** LM Studio (`lmstudio`, local: no key, every model costs 0), for `registerLlmProvider()`, or `.create(model)`. */
export const lmStudioProvider: LlmProvider<LlmCompatibleOptions> =
  /* @__PURE__ */ defineOpenAiCompatibleProvider(LM_STUDIO_PRESET);
