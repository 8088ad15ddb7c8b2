import type {Attributes} from '@opentelemetry/api';
import {llmMessagesOf, llmContentText} from 'llm-rx';
import type {LlmMessage, LlmRedactor, LlmRequest, LlmToolCallEnd} from 'llm-rx';
import {GEN_AI} from './gen-ai-conventions';

/** No redaction: the text as it is. */
const AS_IS: LlmRedactor = text => text;

/**
 * The opt-in content attributes of a request, in the conventions' message format (JSON text): the system prompt as
 * `gen_ai.system_instructions`, the conversation as `gen_ai.input.messages`, every text through the redaction hook.
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
      return {role: 'user', parts: [{type: 'text', content: redact(llmContentText(message.content), 'prompt')}]};
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
