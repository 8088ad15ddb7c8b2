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
import {defineOpenAiCompatibleProvider} from './define-openai-compatible-provider';

// One provider per preset. Register the ones an app uses, then createLlm(name, model); or call .create directly:
//   registerLlmProvider(groqProvider); createLlm('groq', 'llama-3.3-70b-versatile', {baseURL: '/api/groq'});

/** Groq (`groq`), for `registerLlmProvider()`; `groqProvider.create(model, options)` makes a model directly. */
export const groqProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(GROQ_PRESET);
/** Together AI (`together`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const togetherProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(TOGETHER_PRESET);
/** Fireworks AI (`fireworks`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const fireworksProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(FIREWORKS_PRESET);
/** OpenRouter (`openrouter`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const openRouterProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(OPENROUTER_PRESET);
/** DeepInfra (`deepinfra`; no prices in the dataset: costs are `null` without a `priceTable`). */
export const deepInfraProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(DEEPINFRA_PRESET);
/** Mistral AI (`mistral`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const mistralProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(MISTRAL_PRESET);
/** xAI (`xai`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const xaiProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(XAI_PRESET);
/** Moonshot AI (`moonshot`), for `registerLlmProvider()`, or `.create(model, options)`. */
export const moonshotProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(MOONSHOT_PRESET);
/** Ollama (`ollama`, local: no key, every model costs 0), for `registerLlmProvider()`, or `.create(model)`. */
export const ollamaProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(OLLAMA_PRESET);
/** LM Studio (`lmstudio`, local: no key, every model costs 0), for `registerLlmProvider()`, or `.create(model)`. */
export const lmStudioProvider: LlmProvider<LlmCompatibleOptions> = defineOpenAiCompatibleProvider(LM_STUDIO_PRESET);
