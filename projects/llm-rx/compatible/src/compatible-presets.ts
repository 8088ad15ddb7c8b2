import type {LlmImageInput} from 'llm-rx';
import type {LlmCompatiblePreset, LlmCompatibleQuirks} from './llm-compatible-preset';

// TO VERIFY (issue 16 presets helper): every quirk and limit below against each service's documentation.

const OPENAI_LIKE_IMAGES: LlmImageInput = {
  mediaTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  maxImageBytes: 20 * 1024 * 1024,
  urls: true,
};

const LOCAL_IMAGES: LlmImageInput = {...OPENAI_LIKE_IMAGES, urls: false};

const OPENAI_LIKE: LlmCompatibleQuirks = {
  streamOptions: true,
  usageIn: 'chunk',
  reasoningField: 'reasoning_content',
  tools: {supported: true, parallelToolCalls: true, strict: false},
  structuredOutput: 'json-schema',
};

const HOSTED_CORS_NOTE =
  'A hosted service wants a key, which must not reach a page: call it through llm-rx/proxy, which holds the key.';

/** Groq: Llama, Qwen, GPT-OSS and others on its LPUs. */
export const GROQ_PRESET: LlmCompatiblePreset = {
  name: 'groq',
  label: 'Groq',
  baseURL: 'https://api.groq.com/openai/v1',
  keyEnvVar: 'GROQ_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'llama-3.3-70b-versatile',
  quirks: {...OPENAI_LIKE, reasoningField: 'reasoning'},
  imageInput: OPENAI_LIKE_IMAGES,
};

/** Together AI: open models served over an OpenAI-compatible API. */
export const TOGETHER_PRESET: LlmCompatiblePreset = {
  name: 'together',
  label: 'Together AI',
  baseURL: 'https://api.together.xyz/v1',
  keyEnvVar: 'TOGETHER_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
  quirks: {...OPENAI_LIKE, reasoningField: 'reasoning'},
  imageInput: OPENAI_LIKE_IMAGES,
};

/** Fireworks AI. */
export const FIREWORKS_PRESET: LlmCompatiblePreset = {
  name: 'fireworks',
  label: 'Fireworks AI',
  baseURL: 'https://api.fireworks.ai/inference/v1',
  keyEnvVar: 'FIREWORKS_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'accounts/fireworks/models/llama-v3p3-70b-instruct',
  quirks: OPENAI_LIKE,
  imageInput: OPENAI_LIKE_IMAGES,
};

/** OpenRouter: one API in front of many providers' models, ids such as `openai/gpt-4o-mini`. */
export const OPENROUTER_PRESET: LlmCompatiblePreset = {
  name: 'openrouter',
  label: 'OpenRouter',
  baseURL: 'https://openrouter.ai/api/v1',
  keyEnvVar: 'OPENROUTER_API_KEY',
  local: false,
  browserCors: 'allowed',
  corsNote:
    "OpenRouter answers browser requests, but a key in a page is anyone's: use llm-rx/proxy, or a key with a low credit limit.",
  exampleModel: 'openai/gpt-4o-mini',
  quirks: {...OPENAI_LIKE, reasoningField: 'reasoning'},
  imageInput: OPENAI_LIKE_IMAGES,
};

/** DeepInfra. */
export const DEEPINFRA_PRESET: LlmCompatiblePreset = {
  name: 'deepinfra',
  label: 'DeepInfra',
  baseURL: 'https://api.deepinfra.com/v1/openai',
  keyEnvVar: 'DEEPINFRA_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'meta-llama/Llama-3.3-70B-Instruct',
  quirks: OPENAI_LIKE,
  imageInput: OPENAI_LIKE_IMAGES,
};

/** Mistral AI's own API. */
export const MISTRAL_PRESET: LlmCompatiblePreset = {
  name: 'mistral',
  label: 'Mistral AI',
  baseURL: 'https://api.mistral.ai/v1',
  keyEnvVar: 'MISTRAL_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'mistral-small-latest',
  quirks: {...OPENAI_LIKE, streamOptions: false, reasoningField: undefined},
  imageInput: {...OPENAI_LIKE_IMAGES, maxImageBytes: 10 * 1024 * 1024},
};

/** xAI: the Grok models. */
export const XAI_PRESET: LlmCompatiblePreset = {
  name: 'xai',
  label: 'xAI',
  baseURL: 'https://api.x.ai/v1',
  keyEnvVar: 'XAI_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'grok-4',
  quirks: OPENAI_LIKE,
  imageInput: {...OPENAI_LIKE_IMAGES, mediaTypes: ['image/png', 'image/jpeg']},
};

/** Moonshot AI: the Kimi models. */
export const MOONSHOT_PRESET: LlmCompatiblePreset = {
  name: 'moonshot',
  label: 'Moonshot AI',
  baseURL: 'https://api.moonshot.ai/v1',
  keyEnvVar: 'MOONSHOT_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'kimi-k2-0905-preview',
  quirks: {...OPENAI_LIKE, usageIn: 'choice'},
  imageInput: undefined,
};

/** Ollama, on the user's machine. */
export const OLLAMA_PRESET: LlmCompatiblePreset = {
  name: 'ollama',
  label: 'Ollama',
  baseURL: 'http://localhost:11434/v1',
  keyEnvVar: undefined,
  local: true,
  browserCors: 'configurable',
  corsNote:
    'Ollama answers pages on localhost and 127.0.0.1 by default; for another origin start it with OLLAMA_ORIGINS set to that origin.',
  exampleModel: 'llama3.2',
  quirks: {...OPENAI_LIKE, reasoningField: 'reasoning'},
  imageInput: LOCAL_IMAGES,
};

/** LM Studio's local server. */
export const LM_STUDIO_PRESET: LlmCompatiblePreset = {
  name: 'lmstudio',
  label: 'LM Studio',
  baseURL: 'http://localhost:1234/v1',
  keyEnvVar: undefined,
  local: true,
  browserCors: 'configurable',
  corsNote:
    "LM Studio's server refuses pages until CORS is turned on in its Developer settings (or `lms server start --cors`).",
  exampleModel: 'qwen/qwen3-4b',
  quirks: OPENAI_LIKE,
  imageInput: LOCAL_IMAGES,
};

/** Every preset, in the README's order. */
export const LLM_COMPATIBLE_PRESETS: readonly LlmCompatiblePreset[] = [
  GROQ_PRESET,
  TOGETHER_PRESET,
  FIREWORKS_PRESET,
  OPENROUTER_PRESET,
  DEEPINFRA_PRESET,
  MISTRAL_PRESET,
  XAI_PRESET,
  MOONSHOT_PRESET,
  OLLAMA_PRESET,
  LM_STUDIO_PRESET,
];
