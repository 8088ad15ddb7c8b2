import {type LlmProvider, LlmPriceTable} from 'llm-rx';
import {anthropicProvider} from 'llm-rx/anthropic';
import {cohereProvider} from 'llm-rx/cohere';
import {deepSeekProvider} from 'llm-rx/deepseek';
import {geminiProvider} from 'llm-rx/gemini';
import {openAiProvider} from 'llm-rx/openai';

/** The providers the demo offers, by the name llm-rx knows them by. */
export type DemoProviderName = 'openai' | 'anthropic' | 'gemini' | 'deepseek' | 'cohere';

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
  /** The environment variable the demo proxy (`projects/demo/proxy`) reads the key from; never sent to the browser. */
  readonly keyVariable: string;
}

/** The five providers, in the order the pickers show them. */
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

/**
 * The provider entry of a name.
 * @param name The provider's name.
 * @returns Its entry.
 */
export function demoProvider(name: DemoProviderName): DemoProviderInfo {
  const info = DEMO_PROVIDERS.find(candidate => candidate.name === name);
  if (!info) throw new Error(`demo: unknown provider "${name}"`);
  return info;
}

/** Models that do not answer a streamed chat: image, audio, speech, realtime, search, embedding, legacy. */
const NOT_CHAT =
  /image|audio|tts|transcribe|realtime|search|embed|rerank|computer-use|deep-research|^(ada|babbage|curie|davinci|text-)/;

/**
 * The models a provider can be asked for: those with a known price, so that every answer has a cost.
 * @param name The provider's name.
 * @param prices The price table; the snapshot llm-rx ships by default.
 * @returns The model ids, sorted, the default model included.
 */
export function demoModels(name: DemoProviderName, prices: LlmPriceTable = LlmPriceTable.default): string[] {
  // Fine-tune prefixes such as `ft:gpt-4o` name a family, not a model one can call; image, audio, speech,
  // realtime, search, embedding and legacy completion models do not answer a streamed chat.
  const models = new Set(
    prices.models(name).filter(model => !model.startsWith('ft:') && !model.endsWith('-') && !NOT_CHAT.test(model)),
  );
  models.add(demoProvider(name).defaultModel);
  return [...models].sort();
}
