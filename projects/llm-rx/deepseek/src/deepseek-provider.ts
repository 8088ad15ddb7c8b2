import type {Llm, LlmChunk, LlmProvider, LlmRequest} from 'llm-rx';
import {LlmConfigurationError} from 'llm-rx';
import type {_OpenAiConnection} from 'llm-rx/openai';
import {_createOpenAiChatStream, _lazyOpenAiConnection} from 'llm-rx/openai';
import type {Observable} from 'rxjs';
import {convertDeepSeekUsage} from './convert-deepseek-usage';
import type {DeepSeekOptions} from './deepseek-options';
import {DEEPSEEK_BASE_URL} from './deepseek-options';
import {mapDeepSeekFinishReason} from './map-deepseek-finish-reason';

/** A DeepSeek model, through its OpenAI-compatible Chat Completions API and the `openai` SDK. */
class DeepSeekLlm implements Llm {
  readonly provider = 'deepseek';
  readonly #options: DeepSeekOptions;
  readonly #connect: () => Promise<_OpenAiConnection>;

  constructor(
    readonly model: string,
    options: DeepSeekOptions,
  ) {
    this.#options = options;
    this.#connect = _lazyOpenAiConnection({...options, baseURL: options.baseURL ?? DEEPSEEK_BASE_URL});
  }

  stream(request: LlmRequest): Observable<LlmChunk> {
    return _createOpenAiChatStream({
      provider: this.provider,
      model: this.model,
      request,
      options: this.#options,
      connect: this.#connect,
      maxTokensField: 'max_tokens',
      events: {convertUsage: convertDeepSeekUsage, mapFinishReason: mapDeepSeekFinishReason},
    });
  }
}

/**
 * Creates a DeepSeek model (`deepseek-chat`, `deepseek-reasoner`, …). Nothing is loaded or sent until its stream
 * is subscribed; the `openai` SDK is loaded then, once per app. The reasoner's `reasoning_content` streams as
 * `reasoning-delta` chunks, and prompt-cache hits are priced as cached input.
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
  if (typeof model !== 'string' || model.trim() === '') {
    throw new LlmConfigurationError('llm-rx: createDeepSeekLlm() needs a model id, e.g. "deepseek-chat".');
  }
  return new DeepSeekLlm(model, options);
}

/**
 * The DeepSeek provider, to register with `registerLlmProvider(deepSeekProvider)` so that
 * `createLlm('deepseek', model, options)` works.
 */
export const deepSeekProvider: LlmProvider<DeepSeekOptions> = {
  name: 'deepseek',
  create: createDeepSeekLlm,
};
