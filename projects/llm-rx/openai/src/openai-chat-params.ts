import type {LlmRequest} from 'llm-rx';
import {llmMessagesOf} from 'llm-rx';
import type OpenAI from 'openai';

/** Which field carries `maxTokens`: OpenAI's current one, or the older one compatible services expect. */
export type OpenAiMaxTokensField = 'max_completion_tokens' | 'max_tokens';

/**
 * Builds the streaming Chat Completions body of a request: the system prompt as the first `system` message, the
 * conversation, sampling (`temperature`, `top_p`, `maxTokens` in `maxTokensField`, `stop`), then the provider
 * options bag, which may override anything but `model`, `stream` and usage reporting.
 * @param model The model id.
 * @param request A validated request.
 * @param providerOptions `request.providerOptions[provider]`, merged into the body.
 * @param maxTokensField `max_completion_tokens` for OpenAI, `max_tokens` for compatible services.
 * @returns The body for `chat.completions.create()`.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export function toOpenAiChatParams(
  model: string,
  request: LlmRequest,
  providerOptions: Readonly<Record<string, unknown>> | undefined,
  maxTokensField: OpenAiMaxTokensField,
): OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming {
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [];
  if (request.systemPrompt) messages.push({role: 'system', content: request.systemPrompt});
  for (const message of llmMessagesOf(request)) messages.push({role: message.role, content: message.content});
  const streamOptions = providerOptions?.['stream_options'] as Record<string, unknown> | undefined;
  return {
    messages,
    ...definedOnly({
      temperature: request.temperature,
      top_p: request.topP,
      [maxTokensField]: request.maxTokens,
      stop: request.stopSequences ? [...request.stopSequences] : undefined,
    }),
    ...providerOptions,
    model,
    stream: true,
    // Without include_usage the stream carries no usage at all, and llm-rx could neither price nor finish it.
    stream_options: {...streamOptions, include_usage: true},
  };
}

/**
 * Drops the keys whose value is `undefined`, so the body sends only what the request set.
 * @param values Candidate body fields.
 * @returns The fields that have a value.
 */
export function definedOnly(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
