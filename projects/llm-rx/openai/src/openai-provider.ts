import {defineLlmProvider, LlmConfigurationError, type Llm, type LlmProvider, type ProviderEventSource} from 'llm-rx';
import type OpenAI from 'openai';
import {_openOpenAiChatStream} from './openai-chat-stream';
import {_createOpenAiClient} from './openai-client';
import {mapOpenAiError} from './openai-errors';
import {OPENAI_IMAGE_INPUT} from './openai-image-input';
import type {OpenAiOptions} from './openai-options';
import {openOpenAiResponsesStream} from './openai-responses-stream';

/** What either API streams. */
type OpenAiEvent = OpenAI.Chat.Completions.ChatCompletionChunk | OpenAI.Responses.ResponseStreamEvent;

const openAi = defineLlmProvider({
  name: 'openai',
  imageInput: OPENAI_IMAGE_INPUT,
  sdkPackage: 'openai',
  loadSdk: () => import('openai'),
  exampleModel: 'gpt-5-mini',
  createFunctionName: 'createOpenAiLlm',
  checkOptions: (options: OpenAiOptions) => {
    if (options.api !== undefined && options.api !== 'responses' && options.api !== 'chat') {
      throw new LlmConfigurationError(
        `llm-rx: the openai option api must be 'responses' or 'chat'; got ${JSON.stringify(options.api)}.`,
        {field: 'api'},
      );
    }
    const {providerName} = options;
    if (
      providerName !== undefined &&
      !(typeof providerName === 'string' && /^[a-z0-9][a-z0-9._-]*$/i.test(providerName))
    ) {
      throw new LlmConfigurationError(
        "llm-rx: the openai option providerName must be a service's name of letters, digits, '-', '_' or '.', " +
          "e.g. 'groq'.",
        {field: 'providerName'},
      );
    }
    for (const field of ['organization', 'project'] as const) {
      const value = options[field];
      if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
        throw new LlmConfigurationError(`llm-rx: the openai option ${field} must be a non-empty string id.`, {field});
      }
    }
    return options;
  },
  providerNameOf: options => options.providerName ?? 'openai',
  createClient: _createOpenAiClient,
  // Either API's stream, each with its own mapper. Compatible services still expect the older max-tokens field;
  // OpenAI's reasoning models accept only the new one.
  open: (call): Promise<ProviderEventSource<OpenAiEvent>> =>
    call.options.api === 'chat'
      ? _openOpenAiChatStream(call, {
          maxTokensField: call.provider === 'openai' ? 'max_completion_tokens' : 'max_tokens',
        })
      : openOpenAiResponsesStream(call),
  mapError: mapOpenAiError,
});

/**
 * Creates an OpenAI model. Nothing is loaded or sent until its stream is subscribed; the `openai` SDK is loaded
 * then, once per app.
 *
 * ```ts
 * const llm = createOpenAiLlm('gpt-5-mini', {baseURL: '/api/openai/v1'});
 * llm.stream({userPrompt: 'Hello'}).subscribe(chunk => console.log(chunk));
 * // An OpenAI-compatible service, through Chat Completions:
 * const groq = createOpenAiLlm('llama-3.3-70b-versatile', {
 *   api: 'chat', providerName: 'groq', baseURL: 'https://api.groq.com/openai/v1', apiKey,
 * });
 * ```
 * @param model The model id, e.g. `gpt-5-mini`.
 * @param options Key (a placeholder is sent without one, for a proxy to replace), base URL, API flavour,
 * headers, timeouts and prices.
 * @returns The model.
 * @throws LlmConfigurationError for an empty model id or an unknown `api`.
 */
export function createOpenAiLlm(model: string, options: OpenAiOptions = {}): Llm {
  return openAi.create(model, options);
}

/**
 * The OpenAI provider, to register with `registerLlmProvider(openAiProvider)` so that
 * `createLlm('openai', model, options)` works.
 */
export const openAiProvider: LlmProvider<OpenAiOptions> = openAi.provider;
