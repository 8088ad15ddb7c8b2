import {defineLlmProvider, LlmPriceTable, type LlmPricedModel, type LlmProvider} from 'llm-rx';
import {_createOpenAiClient, _mapOpenAiError, _openOpenAiChatStream, type _OpenAiChatStreamConfig} from 'llm-rx/openai';
import type {LlmCompatibleOptions} from './compatible-options';
import type {LlmCompatiblePreset} from './llm-compatible-preset';

/** Every model of a local server costs nothing: one rule that matches any id, at 0 per million. */
export const LOCAL_MODEL_PRICES: readonly LlmPricedModel[] = [
  {id: 'any-local-model', match: {regex: '.*'}, price: {inputPerMillion: 0, outputPerMillion: 0}},
];

/**
 * Builds the provider of an OpenAI-compatible service from its preset, over the `openai` SDK (loaded at the first
 * subscription) and Chat Completions: name and default base URL from the preset, its image limits checked before
 * any network call, and its quirks applied. Without `stream_options` (Mistral) none is sent; the usage is read
 * where the service puts it (Moonshot: the choice) and the reasoning from its delta field; tools leave out the
 * fields it does not take; a request's `output` is sent as JSON Schema or JSON mode.
 *
 * Prices: `LlmPriceTable.default` plus `prices` (the preset's from the price dataset; `LOCAL_MODEL_PRICES` for a
 * local server, whose models cost 0), unless the options give a `priceTable`. A model without a price has a
 * `null` cost, never a silent 0. A local server that streams no usage finishes with zero token counts.
 *
 * ```ts
 * const acme = defineOpenAiCompatibleProvider({...GROQ_PRESET, name: 'acme', baseURL: 'https://llm.acme.test/v1'});
 * registerLlmProvider(acme);
 * ```
 * @param preset Where the service is and how it departs from OpenAI.
 * @param prices Its priced models (match rules kept), added to the default table under `preset.name`.
 * @returns The provider, for `registerLlmProvider()` (then `createLlm(preset.name, model)`) or `.create(model)`.
 */
export function defineOpenAiCompatibleProvider(
  preset: LlmCompatiblePreset,
  prices: readonly LlmPricedModel[] = preset.local ? LOCAL_MODEL_PRICES : [],
): LlmProvider<LlmCompatibleOptions> {
  const priceTable = prices.length === 0 ? undefined : LlmPriceTable.default.withModels(preset.name, prices);
  const config = chatStreamConfigOf(preset);
  return defineLlmProvider({
    name: preset.name,
    sdkPackage: 'openai',
    loadSdk: () => import('openai'),
    exampleModel: preset.exampleModel,
    createFunctionName: `${preset.name}Provider.create`,
    checkOptions: (options: LlmCompatibleOptions) =>
      options.priceTable !== undefined || priceTable === undefined ? options : {...options, priceTable},
    createClient: (sdk, options: LlmCompatibleOptions & {readonly apiKey: string}) =>
      _createOpenAiClient(sdk, {...options, baseURL: options.baseURL ?? preset.baseURL}),
    imageInput: preset.imageInput,
    open: call => _openOpenAiChatStream(call, config),
    mapError: _mapOpenAiError,
  }).provider;
}

/** How the shared Chat Completions stream speaks to a preset's service. */
function chatStreamConfigOf({quirks}: LlmCompatiblePreset): _OpenAiChatStreamConfig {
  return {
    maxTokensField: 'max_tokens',
    streamOptions: quirks.streamOptions,
    structuredOutput: quirks.structuredOutput,
    tools: {parallelToolCalls: quirks.tools.parallelToolCalls, strictField: quirks.tools.strict},
    events: {
      ...(quirks.reasoningField !== undefined && {reasoningField: quirks.reasoningField}),
      usageInChoice: quirks.usageIn === 'choice',
      usageOptional: quirks.usageOptional,
    },
  };
}
