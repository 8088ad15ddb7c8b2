import type {LlmImageInput} from 'llm-rx';
import type {LlmCompatiblePreset, LlmCompatibleQuirks} from './llm-compatible-preset';

// What each preset says was checked (issue 16) against the services' documentation and public reports of their
// wire; a quirk marked "not confirmed" in a preset's TSDoc is llm-rx's safe choice, not a documented fact.

const OPENAI_LIKE_IMAGES: LlmImageInput = {
  mediaTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  maxImageBytes: 20 * 1024 * 1024,
  urls: true,
};

const LOCAL_IMAGES: LlmImageInput = {...OPENAI_LIKE_IMAGES, urls: false};

const OPENAI_LIKE: LlmCompatibleQuirks = {
  streamOptions: true,
  usageIn: 'chunk',
  usageOptional: false,
  reasoningField: 'reasoning_content',
  tools: {supported: true, parallelToolCalls: true, strict: false},
  structuredOutput: 'json-schema',
};

const HOSTED_CORS_NOTE =
  'A hosted service wants a key, which must not reach a page: call it through llm-rx/proxy, which holds the key.';

/**
 * Groq: Llama, Qwen, GPT-OSS and others on its LPUs. Takes `stream_options` (the usage then streams in a last
 * chunk of its own) and streams reasoning (GPT-OSS, Qwen) in `delta.reasoning`. Tools as OpenAI's; image limits
 * and JSON Schema mode per model: not confirmed.
 */
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

/**
 * Together AI: open models served over an OpenAI-compatible API. Not confirmed: its reasoning field (llm-rx reads
 * `delta.reasoning`; some of its models write their thinking in the text between `<think>` tags instead), and its
 * image limits.
 */
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

/**
 * Fireworks AI: streams reasoning in `delta.reasoning_content` and the usage in a last chunk without choices.
 * Image limits: not confirmed.
 */
export const FIREWORKS_PRESET: LlmCompatiblePreset = {
  name: 'fireworks',
  label: 'Fireworks AI',
  baseURL: 'https://api.fireworks.ai/inference/v1',
  keyEnvVar: 'FIREWORKS_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'accounts/fireworks/models/llama4-maverick-instruct-basic',
  quirks: OPENAI_LIKE,
  imageInput: OPENAI_LIKE_IMAGES,
};

/**
 * OpenRouter: one API in front of many providers' models, ids such as `openai/gpt-4o-mini`. Streams reasoning in
 * `delta.reasoning` (its SDK's `ChatStreamDelta`). What a model accepts (tools, JSON Schema, images) is the
 * upstream provider's; the limits below are OpenAI's, not confirmed per model.
 */
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

/**
 * DeepInfra: OpenAI-compatible at `/v1/openai`; its own docs name the key `DEEPINFRA_TOKEN`. The price dataset has
 * no DeepInfra prices, so costs are `null` unless the options give a `priceTable`. Not confirmed: its reasoning
 * field (llm-rx reads `delta.reasoning_content`) and image limits.
 */
export const DEEPINFRA_PRESET: LlmCompatiblePreset = {
  name: 'deepinfra',
  label: 'DeepInfra',
  baseURL: 'https://api.deepinfra.com/v1/openai',
  keyEnvVar: 'DEEPINFRA_TOKEN',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'meta-llama/Llama-3.3-70B-Instruct',
  quirks: OPENAI_LIKE,
  imageInput: OPENAI_LIKE_IMAGES,
};

/**
 * Mistral AI's own API. It refuses fields it does not know with a 422 (`extra_forbidden`): `stream_options` (it
 * streams the usage in its last chunk without being asked), `max_completion_tokens` (llm-rx sends `max_tokens`).
 * It has JSON Schema structured outputs (`response_format: {type: 'json_schema'}`) on all its models. Not
 * confirmed, so not sent: `parallel_tool_calls` and each function's `strict`. Image limits (10 MB): not confirmed.
 */
export const MISTRAL_PRESET: LlmCompatiblePreset = {
  name: 'mistral',
  label: 'Mistral AI',
  baseURL: 'https://api.mistral.ai/v1',
  keyEnvVar: 'MISTRAL_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'mistral-small-latest',
  quirks: {
    ...OPENAI_LIKE,
    streamOptions: false,
    reasoningField: undefined,
    tools: {supported: true, parallelToolCalls: false, strict: false},
  },
  imageInput: {...OPENAI_LIKE_IMAGES, maxImageBytes: 10 * 1024 * 1024},
};

/**
 * xAI: the Grok models. Its reasoning models that show their thinking (`grok-3-mini`) stream it in
 * `delta.reasoning_content`. Images: PNG and JPEG; the size limit is not confirmed.
 */
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

/**
 * Moonshot AI: the Kimi models. Its stream puts the usage inside the last choice (`choices[0].usage`), not in
 * the chunk; thinking models stream `delta.reasoning_content`. Images: some Kimi models take them, with limits
 * not confirmed, so this preset sends none (a request with images is refused before any network call).
 */
export const MOONSHOT_PRESET: LlmCompatiblePreset = {
  name: 'moonshot',
  label: 'Moonshot AI',
  baseURL: 'https://api.moonshot.ai/v1',
  keyEnvVar: 'MOONSHOT_API_KEY',
  local: false,
  browserCors: 'blocked',
  corsNote: HOSTED_CORS_NOTE,
  exampleModel: 'kimi-k2.6',
  quirks: {...OPENAI_LIKE, usageIn: 'choice'},
  imageInput: undefined,
};

/**
 * Ollama, on the user's machine: no key, no cost. Takes `stream_options` since 0.5.2 (older versions stream no
 * usage: the call still finishes, with zero token counts) and streams thinking in `delta.reasoning`. Images as
 * data URLs only (it fetches no URLs).
 */
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
  quirks: {...OPENAI_LIKE, reasoningField: 'reasoning', usageOptional: true},
  imageInput: LOCAL_IMAGES,
};

/**
 * LM Studio's local server: no key, no cost. Streams thinking in `delta.reasoning_content`. Not confirmed: that
 * it honours `stream_options` (it was asked for in 2025): without usage the call still finishes, with zero token
 * counts. Images as data URLs only.
 */
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
  quirks: {...OPENAI_LIKE, usageOptional: true},
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
