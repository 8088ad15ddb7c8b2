import type {LlmMessage, LlmRequest} from './llm-request';

/**
 * The request's conversation: its `messages`, or its `userPrompt` as one user message.
 * @param request A validated request.
 * @returns The messages to send, without the system prompt.
 */
export function llmMessagesOf(request: LlmRequest): readonly LlmMessage[] {
  return request.messages ?? [{role: 'user', content: request.userPrompt ?? ''}];
}
