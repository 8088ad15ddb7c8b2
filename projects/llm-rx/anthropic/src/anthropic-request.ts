import type {MessageCreateParamsStreaming} from '@anthropic-ai/sdk/resources/messages';
import {definedFields, LlmInvalidRequestError, llmMessagesOf, type LlmProviderCall} from 'llm-rx';
import type {AnthropicOptions} from './anthropic-options';

/** The `max_tokens` llm-rx sends when neither the request nor the options set one: the Messages API requires it. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

/** What `toAnthropicRequestBody()` reads of a call. */
export type AnthropicRequestCall = Pick<
  LlmProviderCall<unknown, AnthropicOptions>,
  'model' | 'request' | 'options' | 'providerOptions' | 'warnOnce'
>;

/**
 * Builds the Messages API body of a validated request.
 *
 * `temperature` and `topP` are checked but not sent (with one warning per model): API version 2026-10-21, which
 * `@anthropic-ai/sdk` 1.x sends, answers 400 to `temperature`, `top_p` and `top_k`, even at their default values,
 * and the SDK's types no longer have them. Sending them would make every request that sets them fail at Anthropic
 * while it works elsewhere in a cascade. To use them anyway, pin the old version with the header
 * `anthropic-version: 2023-06-01` and pass them in `providerOptions.anthropic` (`{temperature: 0.2}`).
 * @param call The model, the request, the options' `defaultMaxTokens` (`max_tokens` when the request has no
 *   `maxTokens`), `providerOptions.anthropic` and the model's `warnOnce`.
 * @returns The body for `messages.create()`, with `stream: true` and `providerOptions.anthropic` merged in.
 * @throws LlmInvalidRequestError when `temperature` is above 1 (Anthropic's range is 0 to 1).
 */
export function toAnthropicRequestBody(call: AnthropicRequestCall): MessageCreateParamsStreaming {
  const {model, request} = call;
  if (request.temperature !== undefined && request.temperature > 1) {
    throw new LlmInvalidRequestError(
      'temperature',
      `llm-rx: anthropic accepts a temperature from 0 to 1; got ${request.temperature} for ${model}. ` +
        'Use a value of at most 1 for this provider.',
    );
  }
  if (request.temperature !== undefined || request.topP !== undefined) {
    call.warnOnce(
      'sampling-ignored',
      `llm-rx: anthropic (${model}) ignores temperature and topP: API version 2026-10-21, which @anthropic-ai/sdk ` +
        "1.x sends, rejects them. To send them anyway, set the header 'anthropic-version: 2023-06-01' and pass " +
        'them in providerOptions.anthropic.',
    );
  }
  const body = {
    model,
    max_tokens: request.maxTokens ?? call.options.defaultMaxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    messages: llmMessagesOf(request).map(message => ({role: message.role, content: message.content})),
    ...definedFields({system: request.systemPrompt, stop_sequences: request.stopSequences?.slice()}),
  };
  // Per-request options override the mapped fields; `stream` stays true because llm-rx always streams.
  return {...body, ...call.providerOptions, stream: true} as MessageCreateParamsStreaming;
}
