import {type LlmPricedModel, type LlmProvider, LlmPriceTable} from 'llm-rx';
import {anthropicProvider} from 'llm-rx/anthropic';
import {cohereProvider} from 'llm-rx/cohere';
import {
  FIREWORKS_PRICES,
  GROQ_PRICES,
  LLM_COMPATIBLE_PRESETS,
  LOCAL_MODEL_PRICES,
  type LlmCompatiblePreset,
  MISTRAL_PRICES,
  MOONSHOT_PRICES,
  OPENROUTER_PRICES,
  TOGETHER_PRICES,
  XAI_PRICES,
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
} from 'llm-rx/compatible';
import {deepSeekProvider} from 'llm-rx/deepseek';
import {geminiProvider} from 'llm-rx/gemini';
import {openAiProvider} from 'llm-rx/openai';

/** The five providers with an adapter of their own, which the demo proxy serves. */
export type DemoCoreProviderName = 'openai' | 'anthropic' | 'gemini' | 'deepseek' | 'cohere';

/** The llm-rx/compatible presets the demo offers. */
export type DemoPresetName =
  | 'groq'
  | 'together'
  | 'fireworks'
  | 'openrouter'
  | 'deepinfra'
  | 'mistral'
  | 'xai'
  | 'moonshot'
  | 'ollama'
  | 'lmstudio';

/** The providers the demo offers, by the name llm-rx knows them by. */
export type DemoProviderName = DemoCoreProviderName | DemoPresetName;

/** What the demo knows about one provider. */
export interface DemoProviderInfo {
  readonly name: DemoProviderName;
  /** The name shown in the UI. */
  readonly label: string;
  /** The llm-rx provider, which loads its SDK at first use. */
  readonly provider: LlmProvider;
  /** A cheap model, chosen by default. */
  readonly defaultModel: string;
  /** The path the mock provider server serves this provider's wire under (its SDK adds the rest). */
  readonly mockPath: string;
  /**
   * The environment variable a proxy reads the key from; never sent to the browser. Empty for a local server,
   * which needs no key.
   */
  readonly keyVariable: string;
  /**
   * For a local server (Ollama, LM Studio): its base URL, called straight from the page with no key, and what to
   * set for its CORS to let the page in.
   */
  readonly local?: {readonly baseURL: string; readonly corsNote: string};
  /** A preset's own base URL (where a typed-in key goes); absent for the five adapters (their SDK's default). */
  readonly baseURL?: string;
  /** The prices its models are picked from (those with a price); the bundled table when absent. */
  readonly priceTable?: LlmPriceTable;
  /** For an llm-rx/compatible preset: the preset and its dataset prices, which the demo proxy serves it with. */
  readonly compatible?: {readonly preset: LlmCompatiblePreset; readonly prices: readonly LlmPricedModel[]};
}

/** The five providers with an adapter of their own, in the order the pickers show them; the demo proxy serves these. */
export const DEMO_PROVIDERS: readonly DemoProviderInfo[] = [
  {
    name: 'openai',
    label: 'OpenAI',
    provider: openAiProvider,
    defaultModel: 'gpt-5-nano',
    mockPath: '/v1',
    keyVariable: 'OPENAI_API_KEY',
  },
  {
    name: 'anthropic',
    label: 'Anthropic',
    provider: anthropicProvider,
    defaultModel: 'claude-haiku-4-5',
    mockPath: '',
    keyVariable: 'ANTHROPIC_API_KEY',
  },
  {
    name: 'gemini',
    label: 'Google Gemini',
    provider: geminiProvider,
    defaultModel: 'gemini-2.5-flash-lite',
    mockPath: '',
    keyVariable: 'GEMINI_API_KEY',
  },
  {
    name: 'deepseek',
    label: 'DeepSeek',
    provider: deepSeekProvider,
    defaultModel: 'deepseek-chat',
    mockPath: '/deepseek',
    keyVariable: 'DEEPSEEK_API_KEY',
  },
  {
    name: 'cohere',
    label: 'Cohere',
    provider: cohereProvider,
    defaultModel: 'command-r7b',
    mockPath: '',
    keyVariable: 'CO_API_KEY',
  },
];

/** Each preset's provider, dataset prices and a cheap model with a price, by preset name. */
const PRESET_DEMO: Readonly<
  Record<DemoPresetName, {provider: LlmProvider; prices: readonly LlmPricedModel[]; defaultModel?: string}>
> = {
  groq: {provider: groqProvider, prices: GROQ_PRICES, defaultModel: 'llama-3.1-8b-instant'},
  together: {provider: togetherProvider, prices: TOGETHER_PRICES},
  fireworks: {provider: fireworksProvider, prices: FIREWORKS_PRICES},
  openrouter: {provider: openRouterProvider, prices: OPENROUTER_PRICES},
  deepinfra: {provider: deepInfraProvider, prices: []},
  mistral: {provider: mistralProvider, prices: MISTRAL_PRICES},
  xai: {provider: xaiProvider, prices: XAI_PRICES},
  moonshot: {provider: moonshotProvider, prices: MOONSHOT_PRICES},
  ollama: {provider: ollamaProvider, prices: LOCAL_MODEL_PRICES},
  lmstudio: {provider: lmStudioProvider, prices: LOCAL_MODEL_PRICES},
};

/** The mock path of a preset: its real base URL's path under its name (`/groq/openai/v1`), as the mock serves it. */
function mockPathOf(preset: LlmCompatiblePreset): string {
  return `/${preset.name}${new URL(preset.baseURL).pathname.replace(/\/$/, '')}`;
}

function presetInfoOf(preset: LlmCompatiblePreset): DemoProviderInfo {
  const {provider, prices, defaultModel} = PRESET_DEMO[preset.name as DemoPresetName];
  return {
    name: preset.name as DemoPresetName,
    label: preset.label,
    provider,
    defaultModel: defaultModel ?? preset.exampleModel,
    mockPath: mockPathOf(preset),
    baseURL: preset.baseURL,
    keyVariable: preset.keyEnvVar ?? '',
    ...(preset.local && {local: {baseURL: preset.baseURL, corsNote: preset.corsNote}}),
    ...(prices.length > 0 && {priceTable: LlmPriceTable.default.withModels(preset.name, prices)}),
    compatible: {preset, prices},
  };
}

/**
 * The llm-rx/compatible presets: hosted ones through the demo proxy (which serves each whose key variable is set,
 * e.g. `GROQ_API_KEY`) or with a typed-in key, local ones (Ollama, LM Studio) straight from the page with no key;
 * in simulated mode, all of them against the mock server's route for their service.
 */
export const DEMO_PRESETS: readonly DemoProviderInfo[] = LLM_COMPATIBLE_PRESETS.map(presetInfoOf);

/** Every provider the pickers offer: the five adapters, then the presets. */
export const DEMO_CATALOG: readonly DemoProviderInfo[] = [...DEMO_PROVIDERS, ...DEMO_PRESETS];

/**
 * The provider entry of a name.
 * @param name The provider's name.
 * @returns Its entry.
 */
export function demoProvider(name: DemoProviderName): DemoProviderInfo {
  const info = DEMO_CATALOG.find(candidate => candidate.name === name);
  if (!info) throw new Error(`demo: unknown provider "${name}"`);
  return info;
}

/** Models that do not answer a streamed chat: image, audio, speech, realtime, search, embedding, legacy. */
const NOT_CHAT =
  /image|audio|tts|transcribe|realtime|search|embed|rerank|computer-use|deep-research|^(ada|babbage|curie|davinci|text-)/;

/**
 * The models a provider can be asked for: those with a known price, so that every answer has a cost.
 * @param name The provider's name.
 * @param prices The price table; the provider's (a preset's prices), else the snapshot llm-rx ships.
 * @returns The model ids, sorted, the default model included.
 */
export function demoModels(
  name: DemoProviderName,
  prices: LlmPriceTable = demoProvider(name).priceTable ?? LlmPriceTable.default,
): string[] {
  // A local server prices every model with one rule: its picker offers the default model, one can type another.
  if (demoProvider(name).local) return [demoProvider(name).defaultModel];
  // Fine-tune prefixes such as `ft:gpt-4o` name a family, not a model one can call; image, audio, speech,
  // realtime, search, embedding and legacy completion models do not answer a streamed chat.
  const models = new Set(
    prices.models(name).filter(model => !model.startsWith('ft:') && !model.endsWith('-') && !NOT_CHAT.test(model)),
  );
  models.add(demoProvider(name).defaultModel);
  return [...models].sort();
}
