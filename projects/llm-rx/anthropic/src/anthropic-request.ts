import type {MessageCreateParamsStreaming} from '@anthropic-ai/sdk/resources/messages';
import {LlmInvalidRequestError, llmMessagesOf, type LlmRequest} from 'llm-rx';

/** The `max_tokens` llm-rx sends when neither the request nor the options set one: the Messages API requires it. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

/**
 * Builds the Messages API body of a validated request.
 *
 * `temperature` and `topP` are checked but not sent (with one console warning): API version 2026-10-21, which `@anthropic-ai/sdk` 1.x sends,
 * answers 400 to `temperature`, `top_p` and `top_k`, even at their default values, and the SDK's types no longer
 * have them. Sending them would make every request that sets them fail at Anthropic while it works elsewhere in a
 * cascade. To use them anyway, pin the old version with the header `anthropic-version: 2023-06-01` and pass them
 * in `providerOptions.anthropic` (`{temperature: 0.2}`).
 * @param model The model id.
 * @param request The request, already checked by `validateLlmRequest()`.
 * @param defaultMaxTokens `max_tokens` when the request has no `maxTokens`.
 * @returns The body for `messages.create()`, with `stream: true` and `providerOptions.anthropic` merged in.
 * @throws LlmInvalidRequestError when `temperature` is above 1 (Anthropic's range is 0 to 1).
 */
export function toAnthropicRequestBody(
  model: string,
  request: LlmRequest,
  defaultMaxTokens: number = DEFAULT_ANTHROPIC_MAX_TOKENS,
): MessageCreateParamsStreaming {
  if (request.temperature !== undefined && request.temperature > 1) {
    throw new LlmInvalidRequestError(
      'temperature',
      `llm-rx: anthropic accepts a temperature from 0 to 1; got ${request.temperature} for ${model}. ` +
        'Use a value of at most 1 for this provider.',
    );
  }
  if (request.temperature !== undefined || request.topP !== undefined) warnSamplingIgnored(model);
  const body: Record<string, unknown> = {
    model,
    max_tokens: request.maxTokens ?? defaultMaxTokens,
    messages: llmMessagesOf(request).map(message => ({role: message.role, content: message.content})),
  };
  if (request.systemPrompt !== undefined) body['system'] = request.systemPrompt;
  if (request.stopSequences !== undefined) body['stop_sequences'] = [...request.stopSequences];
  // Per-request options override the mapped fields; `stream` stays true because llm-rx always streams.
  return {...body, ...request.providerOptions?.['anthropic'], stream: true} as MessageCreateParamsStreaming;
}

let hasWarnedSamplingIgnored = false;

/**
 * Says once per page or process that sampling parameters are not sent, so they are never dropped silently.
 * @param model The model id, for the message.
 * @param warn Where to say it; `console.warn` by default.
 */
export function warnSamplingIgnored(model: string, warn: (message: string) => void = console.warn): void {
  if (hasWarnedSamplingIgnored) return;
  hasWarnedSamplingIgnored = true;
  warn(
    `llm-rx: anthropic (${model}) ignores temperature and topP: API version 2026-10-21, which @anthropic-ai/sdk 1.x ` +
      "sends, rejects them. To send them anyway, set the header 'anthropic-version: 2023-06-01' and pass them in " +
      'providerOptions.anthropic.',
  );
}

/** Lets a spec see the one-time warning again. @internal */
export function _resetSamplingWarning(): void {
  hasWarnedSamplingIgnored = false;
}
