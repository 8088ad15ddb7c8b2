import type {Cohere} from 'cohere-ai';
import {definedFields, LlmInvalidRequestError, llmMessagesOf, type LlmProviderCall} from 'llm-rx';

/** What `toCohereChatRequest()` reads of a call. */
export type CohereRequestCall = Pick<LlmProviderCall, 'model' | 'request' | 'providerOptions'>;

/**
 * Builds the `chatStream()` request of an llm-rx request, in the SDK's camelCase (it sends snake_case).
 *
 * `systemPrompt` becomes a leading `system` message; the sampling fields map to `temperature`, `p`, `maxTokens`
 * and `stopSequences`. `providerOptions.cohere` is merged in last, also in camelCase (e.g. `{thinking: {type:
 * 'enabled'}}`, `safetyMode`); keys the SDK does not know pass through unchanged.
 * @param call The model, the validated request and `providerOptions.cohere`.
 * @returns The SDK request.
 * @throws LlmInvalidRequestError when `topP` is outside Cohere's 0.01 to 0.99 (the SDK's documented range of `p`).
 * @see https://docs.cohere.com/reference/chat
 */
export function toCohereChatRequest(call: CohereRequestCall): Cohere.V2ChatStreamRequest {
  const {model, request} = call;
  if (request.topP !== undefined && (request.topP < 0.01 || request.topP > 0.99)) {
    throw new LlmInvalidRequestError(
      'topP',
      `llm-rx: cohere accepts a topP (its p) from 0.01 to 0.99; got ${request.topP} for ${model}. ` +
        'Use a value in that range for this provider.',
    );
  }
  const messages: Cohere.ChatMessageV2[] = [
    ...(request.systemPrompt !== undefined ? [{role: 'system' as const, content: request.systemPrompt}] : []),
    ...llmMessagesOf(request).map(message => ({role: message.role, content: message.content})),
  ];
  return {
    model,
    messages,
    ...definedFields({
      temperature: request.temperature,
      p: request.topP,
      maxTokens: request.maxTokens,
      stopSequences: request.stopSequences?.slice(),
    }),
    ...call.providerOptions,
  };
}
