import type {Llm, LlmChunk, LlmProvider, LlmRequest} from 'llm-rx';
import {LlmConfigurationError} from 'llm-rx';
import type {Observable} from 'rxjs';
import {_createOpenAiChatStream} from './openai-chat-stream';
import type {_OpenAiConnection} from './openai-client';
import {_lazyOpenAiConnection} from './openai-client';
import type {OpenAiOptions} from './openai-options';
import {createOpenAiResponsesStream} from './openai-responses-stream';

/** An OpenAI model (or a compatible service's), streaming through the Responses API or Chat Completions. */
class OpenAiLlm implements Llm {
  readonly provider: string;
  readonly #options: OpenAiOptions;
  readonly #connect: () => Promise<_OpenAiConnection>;

  constructor(
    readonly model: string,
    options: OpenAiOptions,
  ) {
    this.provider = options.providerName ?? 'openai';
    this.#options = options;
    this.#connect = _lazyOpenAiConnection(options);
  }

  stream(request: LlmRequest): Observable<LlmChunk> {
    const config = {
      provider: this.provider,
      model: this.model,
      request,
      options: this.#options,
      connect: this.#connect,
    };
    if (this.#options.api === 'chat') {
      // Compatible services still expect the older field; OpenAI's reasoning models accept only the new one.
      const maxTokensField = this.provider === 'openai' ? 'max_completion_tokens' : 'max_tokens';
      return _createOpenAiChatStream({...config, maxTokensField});
    }
    return createOpenAiResponsesStream(config);
  }
}

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
  if (typeof model !== 'string' || model.trim() === '') {
    throw new LlmConfigurationError('llm-rx: createOpenAiLlm() needs a model id, e.g. "gpt-5-mini".');
  }
  if (options.api !== undefined && options.api !== 'responses' && options.api !== 'chat') {
    throw new LlmConfigurationError(
      `llm-rx: the openai option api must be 'responses' or 'chat'; got ${JSON.stringify(options.api)}.`,
    );
  }
  return new OpenAiLlm(model, options);
}

/**
 * The OpenAI provider, to register with `registerLlmProvider(openAiProvider)` so that
 * `createLlm('openai', model, options)` works.
 */
export const openAiProvider: LlmProvider<OpenAiOptions> = {
  name: 'openai',
  create: createOpenAiLlm,
};
