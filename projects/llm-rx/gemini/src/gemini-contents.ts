import type {Content, Part} from '@google/genai';
import {
  LlmInvalidRequestError,
  type LlmAssistantMessage,
  type LlmMessage,
  type LlmToolCall,
  type LlmToolMessage,
  llmContentParts,
  llmImageSourceOf,
  type LlmUserContent,
} from 'llm-rx';

/**
 * Maps a conversation to Gemini's `contents`.
 *
 * - A user message is a `user` content with one text part.
 * - An assistant message is a `model` content: its text part (left out when empty beside tool calls), then one
 *   `functionCall` part per call (`{id, name, args}`), carrying the call's `providerData.gemini.thoughtSignature`
 *   when it has one: Gemini's thinking models refuse a conversation whose function calls come back without the
 *   signature they were streamed with.
 * - Consecutive `tool` messages are one `user` content with one `functionResponse` part per result (`{id, name,
 *   response}`), in order, as Gemini expects the answers to one turn's calls.
 *
 * The call ids go back on both sides, so that Gemini pairs each result with its call even when one turn calls the
 * same function twice (the ids llm-rx made for calls Gemini sent without one included).
 * @param messages The request's conversation (validated).
 * @returns The contents.
 * @throws LlmInvalidRequestError (`messages`) for a tool call whose input is neither an object nor `undefined`:
 *   Gemini's `args` is a JSON object.
 */
export function toGeminiContents(messages: readonly LlmMessage[]): Content[] {
  const contents: Content[] = [];
  messages.forEach((message, index) => {
    if (message.role === 'user') {
      contents.push({role: 'user', parts: geminiUserParts(message.content)});
    } else if (message.role === 'assistant') {
      contents.push({role: 'model', parts: modelPartsOf(message, `messages[${index}]`)});
    } else {
      const previous = contents[contents.length - 1] as Content | undefined;
      const part = functionResponsePartOf(message);
      // The results of one turn's calls go together, in one user content.
      if (messages[index - 1]?.role === 'tool' && previous !== undefined) previous.parts?.push(part);
      else contents.push({role: 'user', parts: [part]});
    }
  });
  return contents;
}

function modelPartsOf(message: LlmAssistantMessage, at: string): Part[] {
  const calls = message.toolCalls ?? [];
  const parts: Part[] = calls.map((call, index) => functionCallPartOf(call, `${at}.toolCalls[${index}]`));
  // A turn that is only calls has no text part; one without calls always has its text, as before tools.
  if (message.content !== '' || parts.length === 0) parts.unshift({text: message.content});
  return parts;
}

function functionCallPartOf(call: LlmToolCall, at: string): Part {
  const signature = thoughtSignatureOf(call);
  return {
    functionCall: {id: call.toolCallId, name: call.toolName, args: argsOf(call.input, at)},
    ...(signature !== undefined && {thoughtSignature: signature}),
  };
}

/**
 * The call's input as Gemini's `args`. `undefined` (a call whose arguments were not JSON, from another provider)
 * goes as `{}`; anything else that is not an object cannot be sent.
 */
function argsOf(input: unknown, at: string): Record<string, unknown> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new LlmInvalidRequestError(
      'messages',
      `llm-rx: ${at}.input must be an object for Gemini, whose function calls take JSON objects as arguments; ` +
        `got ${Array.isArray(input) ? 'an array' : `a ${typeof input}`}.`,
    );
  }
  return input as Record<string, unknown>;
}

/** The signature Gemini streamed with the call, as the event mapper put it in the call's `providerData`. */
function thoughtSignatureOf(call: LlmToolCall): string | undefined {
  const gemini = call.providerData?.['gemini'] as {thoughtSignature?: unknown} | undefined;
  const signature = gemini?.thoughtSignature;
  return typeof signature === 'string' ? signature : undefined;
}

/**
 * A tool result as a `functionResponse` part. Gemini's `response` must be an object, and it reads two keys of it:
 * `output` for the function's result and `error` for a failure (an object with neither counts as the output as a
 * whole). So a result always goes as `{output}`, and a failed one (`isError`) as `{error}`, whatever its type: a
 * result object sent as it is would be misread as soon as it had an `error` or `output` key of its own, and a
 * string, number or list needs a key anyway.
 */
function functionResponsePartOf(message: LlmToolMessage): Part {
  return {
    functionResponse: {
      id: message.toolCallId,
      name: message.toolName,
      response: message.isError === true ? {error: message.output} : {output: message.output},
    },
  };
}

/**
 * A user message's content as Gemini's parts, in order: text as `text` parts, each image as `inlineData` (its
 * base64 bytes) or `fileData` (its URI; the media type is required, and was checked to be known).
 * @param content The message's content.
 * @returns The parts.
 */
export function geminiUserParts(content: LlmUserContent): Part[] {
  return llmContentParts(content).map((part): Part => {
    if (part.type === 'text') return {text: part.text};
    const source = llmImageSourceOf(part);
    return source.kind === 'url'
      ? {fileData: {fileUri: source.url, mimeType: source.mediaType}}
      : {inlineData: {mimeType: source.mediaType, data: source.data}};
  });
}
