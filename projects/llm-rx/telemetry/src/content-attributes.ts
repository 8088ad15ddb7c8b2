import type {Attributes} from '@opentelemetry/api';
import {llmContentParts, llmMessagesOf, peekLlmImage} from 'llm-rx';
import type {LlmMessage, LlmRedactor, LlmRequest, LlmToolCallEnd, LlmUserContentPart} from 'llm-rx';
import {GEN_AI, GEN_AI_PART_TYPE} from './gen-ai-conventions';

/** No redaction: the text as it is. */
const AS_IS: LlmRedactor = text => text;

/**
 * The opt-in content attributes of a request, in the conventions' message format (JSON text): the system prompt as
 * `gen_ai.system_instructions`, the conversation as `gen_ai.input.messages`, every text through the redaction hook.
 *
 * A user message's images never put bytes in a span: an image by URL is a `uri` part, its URL passed through the
 * redaction hook as a `prompt` (a signed URL may carry a token); an image by bytes (a `Blob`, a `data:` URL) is an
 * `llm_rx.image` part with its media type and size only (see `GEN_AI_PART_TYPE`).
 * @param request The call's request.
 * @param redact The redaction hook (the one the call log uses, when it has one).
 * @returns The attributes.
 */
export function inputContentAttributes(request: LlmRequest, redact: LlmRedactor = AS_IS): Attributes {
  const attributes: Attributes = {
    [GEN_AI.inputMessages]: JSON.stringify(llmMessagesOf(request).map(message => inputMessage(message, redact))),
  };
  if (request.systemPrompt !== undefined) {
    attributes[GEN_AI.systemInstructions] = JSON.stringify([
      {type: 'text', content: redact(request.systemPrompt, 'system')},
    ]);
  }
  return attributes;
}

/** What a call answered, as content capture collects it from the stream. */
export interface LlmAnswerContent {
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: readonly LlmToolCallEnd[];
  /** The conventions' finish reason, when known. */
  readonly finishReason?: string;
}

/**
 * The opt-in content attribute of an answer: `gen_ai.output.messages`, one assistant message with its reasoning,
 * text and tool calls, every text through the redaction hook.
 * @param answer What the stream gave.
 * @param redact The redaction hook.
 * @returns The attributes.
 */
export function outputContentAttributes(answer: LlmAnswerContent, redact: LlmRedactor = AS_IS): Attributes {
  const parts: unknown[] = [];
  if (answer.reasoning !== '') parts.push({type: 'reasoning', content: redact(answer.reasoning, 'reasoning')});
  if (answer.text !== '') parts.push({type: 'text', content: redact(answer.text, 'response')});
  for (const call of answer.toolCalls) {
    parts.push({
      type: 'tool_call',
      id: call.toolCallId,
      name: call.toolName,
      arguments: redact(call.argumentsText, 'response'),
    });
  }
  const message = {
    role: 'assistant',
    parts,
    ...(answer.finishReason !== undefined && {finish_reason: answer.finishReason}),
  };
  return {[GEN_AI.outputMessages]: JSON.stringify([message])};
}

function inputMessage(message: LlmMessage, redact: LlmRedactor): unknown {
  switch (message.role) {
    case 'user':
      return {role: 'user', parts: llmContentParts(message.content).map(part => userPart(part, redact))};
    case 'assistant':
      return {
        role: 'assistant',
        parts: [
          ...(message.content === '' ? [] : [{type: 'text', content: redact(message.content, 'prompt')}]),
          ...(message.toolCalls ?? []).map(call => ({
            type: 'tool_call',
            id: call.toolCallId,
            name: call.toolName,
            arguments: redact(JSON.stringify(call.input ?? null), 'prompt'),
          })),
        ],
      };
    case 'tool':
      return {
        role: 'tool',
        parts: [
          {
            type: 'tool_call_response',
            id: message.toolCallId,
            response: redact(JSON.stringify(message.output ?? null), 'prompt'),
          },
        ],
      };
  }
}

/** A user message's part in the conventions' format: text, or an image described without its bytes. */
function userPart(part: LlmUserContentPart, redact: LlmRedactor): unknown {
  if (part.type === 'text') return {type: 'text', content: redact(part.text, 'prompt')};
  const {kind, mediaType, byteLength} = peekLlmImage(part);
  const mime = mediaType === undefined ? {} : {mime_type: mediaType};
  if (kind === 'url') {
    return {type: GEN_AI_PART_TYPE.uri, modality: 'image', ...mime, uri: redact(part.image as string, 'prompt')};
  }
  return {
    type: GEN_AI_PART_TYPE.imageBytes,
    modality: 'image',
    ...mime,
    ...(byteLength === undefined ? {} : {byte_size: byteLength}),
  };
}
