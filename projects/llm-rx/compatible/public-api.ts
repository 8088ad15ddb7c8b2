/*
 * Public API of llm-rx/compatible: named presets for OpenAI-compatible services (Groq, Together, Fireworks,
 * OpenRouter, DeepInfra, Mistral, xAI, Moonshot) and local servers (Ollama, LM Studio), over the `openai` SDK.
 */
export {
  DEEPINFRA_PRESET,
  FIREWORKS_PRESET,
  GROQ_PRESET,
  LLM_COMPATIBLE_PRESETS,
  LM_STUDIO_PRESET,
  MISTRAL_PRESET,
  MOONSHOT_PRESET,
  OLLAMA_PRESET,
  OPENROUTER_PRESET,
  TOGETHER_PRESET,
  XAI_PRESET,
} from './src/compatible-presets';
export type {LlmCompatiblePreset, LlmCompatibleQuirks} from './src/llm-compatible-preset';
export type {LlmCompatibleOptions} from './src/compatible-options';
export {defineOpenAiCompatibleProvider, LOCAL_MODEL_PRICES} from './src/define-openai-compatible-provider';
export {
  deepInfraProvider,
  fireworksProvider,
  groqProvider,
  lmStudioProvider,
  mistralProvider,
  moonshotProvider,
  ollamaProvider,
  openRouterProvider,
  togetherProvider,
  xaiProvider,
} from './src/compatible-providers';
export {
  FIREWORKS_PRICES,
  GROQ_PRICES,
  MISTRAL_PRICES,
  MOONSHOT_PRICES,
  OPENROUTER_PRICES,
  PRESET_PRICES_SOURCE,
  TOGETHER_PRICES,
  XAI_PRICES,
} from './src/compatible-prices.generated';
