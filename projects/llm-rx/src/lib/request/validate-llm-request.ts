import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import type {LlmRequest} from './llm-request';

/**
 * Checks a request before any network call.
 * @param request The request to check.
 * @throws LlmInvalidRequestError naming the field at fault and what to do.
 */
export function validateLlmRequest(request: LlmRequest): void {
  if (typeof request !== 'object' || request === null) {
    throw new LlmInvalidRequestError('request', 'llm-rx: stream() needs a request object, e.g. {userPrompt: "Hello"}.');
  }
  const {userPrompt, messages} = request;
  if (userPrompt !== undefined && messages !== undefined) {
    throw new LlmInvalidRequestError('messages', 'llm-rx: give either userPrompt or messages, not both.');
  }
  if (messages === undefined) {
    if (typeof userPrompt !== 'string' || userPrompt.trim() === '') {
      throw new LlmInvalidRequestError(
        'userPrompt',
        'llm-rx: the request needs a non-empty userPrompt (or a messages list that ends with a user message).',
      );
    }
  } else {
    validateMessages(request);
  }
  if (request.systemPrompt !== undefined && typeof request.systemPrompt !== 'string') {
    throw new LlmInvalidRequestError('systemPrompt', 'llm-rx: systemPrompt must be a string when given.');
  }
  checkRange('temperature', request.temperature, value => value >= 0 && value <= 2, 'a number from 0 to 2');
  checkRange('topP', request.topP, value => value > 0 && value <= 1, 'a number greater than 0 and at most 1');
  checkRange('maxTokens', request.maxTokens, value => Number.isInteger(value) && value >= 1, 'an integer ≥ 1');
  if (request.stopSequences !== undefined) {
    if (
      !Array.isArray(request.stopSequences) ||
      request.stopSequences.some(sequence => typeof sequence !== 'string' || sequence === '')
    ) {
      throw new LlmInvalidRequestError('stopSequences', 'llm-rx: stopSequences must be a list of non-empty strings.');
    }
  }
}

function validateMessages(request: LlmRequest): void {
  const messages = request.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new LlmInvalidRequestError('messages', 'llm-rx: messages must be a non-empty list.');
  }
  messages.forEach((message, index) => {
    if (message?.role !== 'user' && message?.role !== 'assistant') {
      throw new LlmInvalidRequestError(
        'messages',
        `llm-rx: messages[${index}].role must be "user" or "assistant" (put instructions in systemPrompt).`,
      );
    }
    if (typeof message.content !== 'string' || message.content.trim() === '') {
      throw new LlmInvalidRequestError('messages', `llm-rx: messages[${index}].content must be a non-empty string.`);
    }
  });
  if (messages[messages.length - 1].role !== 'user') {
    throw new LlmInvalidRequestError(
      'messages',
      "llm-rx: the last message must be the user's, for the model to answer it.",
    );
  }
}

function checkRange(field: string, value: number | undefined, isValid: (value: number) => boolean, expected: string) {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || !isValid(value)) {
    throw new LlmInvalidRequestError(field, `llm-rx: ${field} must be ${expected}; got ${String(value)}.`);
  }
}
