import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {resolveLlmOutput, type ResolvedLlmOutput} from '../object/resolve-llm-output';
import {resolveLlmTools, type ResolvedLlmTool} from '../tools/resolve-llm-tools';
import {headersProblem, isPlainObject} from '../validation/check-http-headers';
import type {LlmImagePart, LlmUserContentPart} from './llm-content';
import type {LlmAssistantMessage, LlmMessage, LlmRequest, LlmToolMessage, LlmUserMessage} from './llm-request';

/**
 * Checks a request before any network call: every field's type and range, headers that `fetch` would refuse or
 * that would split the request, the conversation's messages (tool calls and their results included), and the shape
 * of `output`, `tools`, `toolChoice`, `providerOptions`, `signal` and `onAttempt`.
 * @param request The request to check.
 * @throws LlmInvalidRequestError naming the field at fault and what to do.
 */
export function validateLlmRequest(request: LlmRequest): void {
  _checkLlmRequest(request);
}

/** What checking a request resolved on the way: its output's and its tools' JSON Schemas, for the adapter. */
export interface ResolvedLlmSchemas {
  readonly output: ResolvedLlmOutput | undefined;
  readonly tools: readonly ResolvedLlmTool[] | undefined;
}

/**
 * Checks a request as `validateLlmRequest()` does, and gives what it resolved on the way (converting a schema to
 * JSON Schema costs more than every other check), so that a call resolves its schemas once.
 * @internal Used by `fromProviderStream()`, which hands them to the adapter's call.
 * @param request The request to check.
 * @returns The output's and the tools' resolved schemas.
 * @throws LlmInvalidRequestError naming the field at fault and what to do.
 */
export function _checkLlmRequest(request: LlmRequest): ResolvedLlmSchemas {
  // Not narrowing `request`: its fields are checked one by one below.
  const isObject: boolean = isPlainObject(request);
  if (!isObject) {
    throw new LlmInvalidRequestError(
      'request',
      `llm-rx: stream() needs a request object, e.g. {userPrompt: "Hello"}; got ${describe(request)}.`,
    );
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
  validateProviderOptions(request.providerOptions);
  // Resolving it checks the name, the description and that the schema gives an object's JSON Schema.
  const output = request.output === undefined ? undefined : resolveLlmOutput(request.output);
  const tools = resolveLlmTools(request);
  if (request.headers !== undefined) {
    const problem = headersProblem(request.headers, 'headers');
    if (problem !== undefined) throw new LlmInvalidRequestError('headers', `llm-rx: the request's ${problem}.`);
  }
  if (request.signal !== undefined && !isAbortSignal(request.signal)) {
    throw new LlmInvalidRequestError(
      'signal',
      `llm-rx: signal must be an AbortSignal, e.g. new AbortController().signal; got ${describe(request.signal)}.`,
    );
  }
  if (request.onAttempt !== undefined && typeof request.onAttempt !== 'function') {
    throw new LlmInvalidRequestError(
      'onAttempt',
      `llm-rx: onAttempt must be a function (start => ended => …); got ${describe(request.onAttempt)}.`,
    );
  }
  return {output, tools};
}

function validateMessages(request: LlmRequest): void {
  const messages = request.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new LlmInvalidRequestError('messages', 'llm-rx: messages must be a non-empty list.');
  }
  // The ids of the tool calls asked for so far, for the tool results to answer.
  const callIds = new Set<string>();
  messages.forEach((message: LlmMessage, index) => {
    const at = `messages[${index}]`;
    switch (message?.role) {
      case 'user':
        return validateUserContent(message.content, at);
      case 'assistant':
        return validateAssistantMessage(message, at, callIds);
      case 'tool':
        return validateToolMessage(message, at, callIds);
      default:
        throw new LlmInvalidRequestError(
          'messages',
          `llm-rx: ${at}.role must be "user", "assistant" or "tool" (put instructions in systemPrompt).`,
        );
    }
  });
  const last = messages[messages.length - 1].role;
  if (last !== 'user' && last !== 'tool') {
    throw new LlmInvalidRequestError(
      'messages',
      "llm-rx: the last of the messages must be the user's (or a tool's result), for the model to answer it.",
    );
  }
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** A user message's content: a non-empty string, or a non-empty list of text and image parts, not all blank. */
function validateUserContent(content: LlmUserMessage['content'], at: string): void {
  if (typeof content === 'string') {
    if (content.trim() === '') {
      throw new LlmInvalidRequestError('messages', `llm-rx: ${at}.content must be a non-empty string.`);
    }
    return;
  }
  if (!Array.isArray(content) || content.length === 0) {
    throw new LlmInvalidRequestError(
      'messages',
      `llm-rx: ${at}.content must be a non-empty string or a non-empty list of parts ` +
        `({type: 'text', text} or {type: 'image', image}); got ${describe(content)}.`,
    );
  }
  let hasSubstance = false;
  (content as readonly LlmUserContentPart[]).forEach((part, index) => {
    const field = `${at}.content[${index}]`;
    const isObject: boolean = isPlainObject(part);
    if (isObject && part.type === 'text') {
      if (typeof part.text !== 'string') {
        throw new LlmInvalidRequestError('messages', `llm-rx: ${field}.text must be a string.`);
      }
      hasSubstance ||= part.text.trim() !== '';
      return;
    }
    if (!isObject || part.type !== 'image') {
      throw new LlmInvalidRequestError(
        'messages',
        `llm-rx: ${field} must be {type: 'text', text} or {type: 'image', image}; got ${describe(part)}.`,
      );
    }
    validateImagePart(part, field);
    hasSubstance = true;
  });
  if (!hasSubstance) {
    throw new LlmInvalidRequestError('messages', `llm-rx: ${at}.content has only blank text; say something.`);
  }
}

function validateImagePart(part: LlmImagePart, field: string): void {
  const {image, mediaType} = part;
  const isBlob = typeof Blob !== 'undefined' && image instanceof Blob;
  if (!isBlob && !(typeof image === 'string' && /^(https?:\/\/|data:)/i.test(image))) {
    throw new LlmInvalidRequestError(
      'messages',
      `llm-rx: ${field}.image must be an http(s) URL, a data: URL, or a Blob or File; got ${describe(image)}.`,
    );
  }
  if (typeof image === 'string' && !/^data:/i.test(image) && !isUrl(image)) {
    throw new LlmInvalidRequestError('messages', `llm-rx: ${field}.image is not a valid URL.`);
  }
  if (mediaType !== undefined && (typeof mediaType !== 'string' || !MEDIA_TYPE.test(mediaType))) {
    throw new LlmInvalidRequestError(
      'messages',
      `llm-rx: ${field}.mediaType must be a media type such as 'image/png'; got ${describe(mediaType)}.`,
    );
  }
}

function isUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

function validateAssistantMessage(message: LlmAssistantMessage, at: string, callIds: Set<string>): void {
  const {toolCalls} = message;
  if (toolCalls !== undefined && (!Array.isArray(toolCalls) || toolCalls.length === 0)) {
    throw new LlmInvalidRequestError('messages', `llm-rx: ${at}.toolCalls must be a non-empty list when given.`);
  }
  const hasCalls = toolCalls !== undefined;
  if (typeof message.content !== 'string' || (!hasCalls && message.content.trim() === '')) {
    throw new LlmInvalidRequestError(
      'messages',
      `llm-rx: ${at}.content must be a non-empty string (it may be empty only beside toolCalls).`,
    );
  }
  toolCalls?.forEach((call, callIndex) => {
    const field = `${at}.toolCalls[${callIndex}]`;
    const isObject: boolean = isPlainObject(call);
    if (!isObject || typeof call.toolCallId !== 'string' || call.toolCallId === '') {
      throw new LlmInvalidRequestError('messages', `llm-rx: ${field}.toolCallId must be a non-empty string.`);
    }
    if (typeof call.toolName !== 'string' || call.toolName === '') {
      throw new LlmInvalidRequestError('messages', `llm-rx: ${field}.toolName must be a non-empty string.`);
    }
    callIds.add(call.toolCallId);
  });
}

function validateToolMessage(message: LlmToolMessage, at: string, callIds: ReadonlySet<string>): void {
  if (typeof message.toolCallId !== 'string' || !callIds.has(message.toolCallId)) {
    throw new LlmInvalidRequestError(
      'messages',
      `llm-rx: ${at}.toolCallId must be the id of a tool call of an assistant message before it; got ` +
        `${describe(message.toolCallId)}.`,
    );
  }
  if (typeof message.toolName !== 'string' || message.toolName === '') {
    throw new LlmInvalidRequestError('messages', `llm-rx: ${at}.toolName must be a non-empty string.`);
  }
  if (message.output === undefined) {
    throw new LlmInvalidRequestError(
      'messages',
      `llm-rx: ${at}.output must be the tool's result (a string or a JSON value); got undefined.`,
    );
  }
}

function validateProviderOptions(providerOptions: unknown): void {
  if (providerOptions === undefined) return;
  const example = "e.g. {openai: {reasoning: {effort: 'low'}}}";
  if (!isPlainObject(providerOptions)) {
    throw new LlmInvalidRequestError(
      'providerOptions',
      `llm-rx: providerOptions must be an object keyed by provider name, ${example}; got ${describe(providerOptions)}.`,
    );
  }
  for (const [provider, options] of Object.entries(providerOptions)) {
    if (options !== undefined && !isPlainObject(options)) {
      throw new LlmInvalidRequestError(
        'providerOptions',
        `llm-rx: providerOptions.${provider} must be an object of that provider's request fields, ${example}; ` +
          `got ${describe(options)}.`,
      );
    }
  }
}

function checkRange(field: string, value: number | undefined, isValid: (value: number) => boolean, expected: string) {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || !isValid(value)) {
    throw new LlmInvalidRequestError(field, `llm-rx: ${field} must be ${expected}; got ${describe(value)}.`);
  }
}

function isAbortSignal(value: unknown): boolean {
  if (typeof AbortSignal !== 'undefined' && value instanceof AbortSignal) return true;
  // A signal from another realm (an iframe, a polyfill) has the same shape.
  const candidate = value as Partial<AbortSignal> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function'
  );
}

/** A value as a message may show it: short, and never a long string (it could be a key or a whole prompt). */
function describe(value: unknown): string {
  if (typeof value === 'string') return value.length <= 20 ? JSON.stringify(value) : `a string of ${value.length}`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
