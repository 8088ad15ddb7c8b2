/*
 * The models the bad-input suite (bad-input.spec.ts) runs its cases on: every provider adapter pointed at the
 * mock provider server (port 4010) the way the provider spec matrix (spec-support) and
 * cascade-across-providers.spec.ts do, and a cascade of two of them. Spec support only: no entry point, not a spec.
 */
import {cascade, createLlm, type Llm, type LlmProvider, registerLlmProvider} from 'llm-rx';
import {anthropicProvider, createAnthropicLlm} from 'llm-rx/anthropic';
import {cohereProvider, createCohereLlm} from 'llm-rx/cohere';
import {createDeepSeekLlm, deepSeekProvider} from 'llm-rx/deepseek';
import {createGeminiLlm, geminiProvider} from 'llm-rx/gemini';
import {createOpenAiLlm, openAiProvider} from 'llm-rx/openai';
import {MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';

/** Options as a case gives them: any value, valid or not, so the create functions' types cannot stop a case. */
export type AnyOptions = Record<string, unknown>;

/** One provider adapter, created from whatever model and options a case gives. */
export interface ProviderTarget {
  /** Names the target in spec names and tags, e.g. `openai-chat`. */
  readonly label: string;
  /** The provider's registered name: the key of `request.providerOptions` and of `createLlm()`. */
  readonly provider: string;
  /** The provider family, for provider-specific options (`openai` covers both OpenAI APIs, not DeepSeek). */
  readonly family: 'openai' | 'anthropic' | 'gemini' | 'deepseek' | 'cohere';
  /** A model id the mock server and the price table know. */
  readonly model: string;
  /** The mock server's base URL for this wire. */
  readonly baseURL: string;
  /** The options every case starts from: a test key and the mock server's base URL (plus `api` for chat). */
  readonly baseOptions: Readonly<AnyOptions>;
  /** Calls the provider's own create function (`createOpenAiLlm`, …) with exactly what the case gives. */
  readonly create: (model: unknown, options: AnyOptions) => Llm;
  /** The provider object, for `createLlm(provider, model, options)`. */
  readonly registered: LlmProvider<never>;
}

const asModel = (model: unknown) => model as string;

/** Every provider adapter, OpenAI through both of its APIs. */
export const PROVIDER_TARGETS: readonly ProviderTarget[] = [
  {
    label: 'openai-responses',
    provider: 'openai',
    family: 'openai',
    model: 'gpt-5-mini',
    baseURL: `${MOCK_PROVIDERS_URL}/v1`,
    baseOptions: {apiKey: 'sk-test-bad-input-openai', baseURL: `${MOCK_PROVIDERS_URL}/v1`},
    create: (model, options) => createOpenAiLlm(asModel(model), options),
    registered: openAiProvider as LlmProvider<never>,
  },
  {
    label: 'openai-chat',
    provider: 'openai',
    family: 'openai',
    model: 'gpt-4.1-mini',
    baseURL: `${MOCK_PROVIDERS_URL}/v1`,
    baseOptions: {api: 'chat', apiKey: 'sk-test-bad-input-openai', baseURL: `${MOCK_PROVIDERS_URL}/v1`},
    create: (model, options) => createOpenAiLlm(asModel(model), options),
    registered: openAiProvider as LlmProvider<never>,
  },
  {
    label: 'anthropic',
    provider: 'anthropic',
    family: 'anthropic',
    model: 'claude-haiku-4-5',
    baseURL: MOCK_PROVIDERS_URL,
    baseOptions: {apiKey: 'sk-ant-test-bad-input', baseURL: MOCK_PROVIDERS_URL},
    create: (model, options) => createAnthropicLlm(asModel(model), options),
    registered: anthropicProvider as LlmProvider<never>,
  },
  {
    label: 'gemini',
    provider: 'gemini',
    family: 'gemini',
    model: 'gemini-2.5-flash',
    baseURL: MOCK_PROVIDERS_URL,
    baseOptions: {apiKey: 'AIza-test-bad-input', baseURL: MOCK_PROVIDERS_URL},
    create: (model, options) => createGeminiLlm(asModel(model), options),
    registered: geminiProvider as LlmProvider<never>,
  },
  {
    label: 'deepseek',
    provider: 'deepseek',
    family: 'deepseek',
    model: 'deepseek-chat',
    baseURL: `${MOCK_PROVIDERS_URL}/deepseek`,
    baseOptions: {apiKey: 'sk-test-bad-input-deepseek', baseURL: `${MOCK_PROVIDERS_URL}/deepseek`},
    create: (model, options) => createDeepSeekLlm(asModel(model), options),
    registered: deepSeekProvider as LlmProvider<never>,
  },
  {
    label: 'cohere',
    provider: 'cohere',
    family: 'cohere',
    model: 'command-a-03-2025',
    baseURL: MOCK_PROVIDERS_URL,
    baseOptions: {apiKey: 'co-test-bad-input', baseURL: MOCK_PROVIDERS_URL},
    create: (model, options) => createCohereLlm(asModel(model), options),
    registered: cohereProvider as LlmProvider<never>,
  },
];

/** How an option case creates its model: the provider's own create function, or the registry's `createLlm()`. */
export interface CreateRoute {
  readonly label: string;
  readonly create: (target: ProviderTarget, model: unknown, options: AnyOptions) => Llm;
}

export const CREATE_ROUTES: readonly CreateRoute[] = [
  {label: 'its create function', create: (target, model, options) => target.create(model, options)},
  {
    label: 'createLlm()',
    create: (target, model, options) => {
      // Registered for this one call, as the registry specs do, so no other spec sees a provider it did not add.
      const unregister = registerLlmProvider(target.registered);
      try {
        return createLlm(target.provider, asModel(model), options);
      } finally {
        unregister();
      }
    },
  },
];

/** A model a request case streams from, and what it did besides streaming. */
export interface RequestSubject {
  readonly llm: Llm;
  /** How many times a cascade failed over; always 0 for a single provider. */
  readonly failOvers: () => number;
}

/** A model a request case runs on: a provider adapter or the cascade. */
export interface RequestTarget {
  readonly label: string;
  /** The key of `request.providerOptions` the model reads (a cascade's: its first child's). */
  readonly provider: string;
  /** Creates the model, with extra option headers (the case's scenario tag when the request cannot carry it). */
  readonly subject: (optionHeaders: Readonly<Record<string, string>> | undefined) => RequestSubject;
}

function targetByLabel(label: string): ProviderTarget {
  const target = PROVIDER_TARGETS.find(candidate => candidate.label === label);
  if (!target) throw new Error(`bad-input: no provider target "${label}"`);
  return target;
}

function providerSubject(target: ProviderTarget, optionHeaders: Readonly<Record<string, string>> | undefined) {
  return target.create(target.model, {...target.baseOptions, ...(optionHeaders && {headers: optionHeaders})});
}

/** The cascade's children: two providers without a request limit of their own, so only the generic rules apply. */
export const CASCADE_CHILDREN: readonly string[] = ['openai-chat', 'gemini'];

/** Every provider adapter, then `cascade([openai chat, gemini])`. */
export const REQUEST_TARGETS: readonly RequestTarget[] = [
  ...PROVIDER_TARGETS.map((target): RequestTarget => ({
    label: target.label,
    provider: target.provider,
    subject: optionHeaders => ({llm: providerSubject(target, optionHeaders), failOvers: () => 0}),
  })),
  {
    label: 'cascade',
    provider: targetByLabel(CASCADE_CHILDREN[0]).provider,
    subject: optionHeaders => {
      let failOvers = 0;
      const llm = cascade(
        CASCADE_CHILDREN.map(label => providerSubject(targetByLabel(label), optionHeaders)),
        {onFailOver: () => failOvers++},
      );
      return {llm, failOvers: () => failOvers};
    },
  },
];
