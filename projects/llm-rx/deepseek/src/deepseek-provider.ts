import {defineLlmProvider, type Llm, type LlmProvider} from 'llm-rx';
import {_createOpenAiClient, _mapOpenAiError, _OPENAI_IMAGE_INPUT, _openOpenAiChatStream} from 'llm-rx/openai';
import {DEEPSEEK_CHAT_EVENTS} from './deepseek-chat-events';
import type {DeepSeekOptions} from './deepseek-options';
import {DEEPSEEK_BASE_URL} from './deepseek-options';
import {withDeepSeekOutputPrompt} from './deepseek-output-prompt';

/**
 * DeepSeek speaks OpenAI's Chat Completions, with its own usage fields and finish reasons. It has no JSON Schema
 * mode: a request with an `output` is sent in JSON mode with the schema in its system prompt. Its tools are
 * OpenAI's functions, without `parallel_tool_calls` and without the `strict` flag (its strict mode is a beta of
 * another base URL); in thinking mode (`deepseek-reasoner`) it refuses a conversation whose tool-calling turn
 * lacks its `reasoning_content`, which each call's end keeps in `providerData.deepseek` for the next request.
 */
const deepSeek = defineLlmProvider({
  name: 'deepseek',
  imageInput: _OPENAI_IMAGE_INPUT,
  sdkPackage: 'openai',
  loadSdk: () => import('openai'),
  exampleModel: 'deepseek-chat',
  createFunctionName: 'createDeepSeekLlm',
  createClient: (sdk, options: DeepSeekOptions & {readonly apiKey: string}) =>
    _createOpenAiClient(sdk, {...options, baseURL: options.baseURL ?? DEEPSEEK_BASE_URL}),
  open: call =>
    _openOpenAiChatStream(withDeepSeekOutputPrompt(call), {
      maxTokensField: 'max_tokens',
      events: DEEPSEEK_CHAT_EVENTS,
      structuredOutput: 'json-object',
      tools: {parallelToolCalls: false, strictField: false},
      returnsToolCallReasoning: true,
    }),
  mapError: _mapOpenAiError,
});

/**
 * Creates a DeepSeek model (`deepseek-chat`, `deepseek-reasoner`, …). Nothing is loaded or sent until its stream
 * is subscribed; the `openai` SDK is loaded then, once per app. The reasoner's `reasoning_content` streams as
 * `reasoning-delta` chunks, and prompt-cache hits are priced as cached input. A request with an `output` is sent
 * in DeepSeek's JSON mode with the schema in the system prompt: DeepSeek does not enforce it, llm-rx's validation
 * checks the answer. Tools are sent as OpenAI's functions; `parallelToolCalls` is not sent (DeepSeek has no such
 * field). With `deepseek-reasoner`, keep each tool call's `providerData` (from its `tool-call-end`) in the
 * assistant message: it holds the turn's reasoning, which DeepSeek wants back with the calls.
 *
 * ```ts
 * const llm = createDeepSeekLlm('deepseek-reasoner', {baseURL: '/api/deepseek'});
 * llm.stream({userPrompt: 'Why is the sky blue?'}).subscribe(chunk => console.log(chunk));
 * ```
 * @param model The model id, e.g. `deepseek-chat`.
 * @param options Key (a placeholder is sent without one, for a proxy to replace), base URL (default
 * `https://api.deepseek.com`), headers, timeouts and prices.
 * @returns The model.
 * @throws LlmConfigurationError for an empty model id.
 */
export function createDeepSeekLlm(model: string, options: DeepSeekOptions = {}): Llm {
  return deepSeek.create(model, options);
}

/**
 * The DeepSeek provider, to register with `registerLlmProvider(deepSeekProvider)` so that
 * `createLlm('deepseek', model, options)` works.
 */
export const deepSeekProvider: LlmProvider<DeepSeekOptions> = deepSeek.provider;
