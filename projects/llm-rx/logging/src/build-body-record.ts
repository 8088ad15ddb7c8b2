import type {
  LlmBodyRecord,
  LlmRedactor,
  LlmMessage,
  LlmMessageBody,
  LlmObjectIssue,
  LlmRequest,
  LlmRequestBody,
  LlmResponseBody,
  LlmToolCallBody,
  ResolvedLlmOutput,
} from 'llm-rx';
import type {LlmCallBodyDraft} from './llm-call-log';
import {imageBodyOf, type LoggedImages} from './logged-images';
import {storableJson} from './storable-json';

// The hook's types live in the core, so that llm-rx/telemetry redacts with the same one.
export type {LlmRedactionKind, LlmRedactor} from 'llm-rx';

/**
 * Builds the body row of a call: the prompts and sampling parameters, never headers, provider options or the
 * signal, the output's name, description and JSON Schema (never the schema object), and the answer so far, each
 * text passed through the redaction hook.
 *
 * The object is stored as its JSON form (`storableJson()`), every string and key of it passed through the hook, as
 * each message of a conversation is passed on its own: the structure stays, and a hook never has to keep a whole
 * JSON text valid. So are the answer's tool calls (`tool-call-end` parts): their input as its JSON form, and, for a
 * call with issues only, the argument text. The JSON Schema is stored as sent, unredacted: it is the program's, like
 * the output's name, a tool's name and a tool call's id.
 *
 * A user message's images are stored as their descriptions (`LlmImageBody`: source, media type, size, SHA-256 as
 * far as `draft.images` knows it yet), and the image itself only with `storeImages`; the redaction hook never sees
 * an image. A string content stays a string.
 * @param draft The ids, the request, its resolved output and the response.
 * @param redact The redaction hook; none stores the texts as they are.
 * @returns A row that IndexedDB can clone.
 */
export function buildBodyRecord(draft: LlmCallBodyDraft, redact?: LlmRedactor): LlmBodyRecord {
  const clean = redact ?? ((text: string) => text);
  const {request, output, tools, images, response} = draft;
  return {
    id: draft.id,
    traceId: draft.traceId,
    request: request === undefined ? null : requestBody(request, {output, tools, images}, clean),
    response: response === null ? null : responseBody(response, clean),
  };
}

function requestBody(
  request: LlmRequest,
  {output, tools, images}: Pick<LlmCallBodyDraft, 'output' | 'tools' | 'images'>,
  redact: LlmRedactor,
): LlmRequestBody {
  const {systemPrompt, userPrompt, messages, temperature, topP, maxTokens, stopSequences, toolChoice} = request;
  return {
    ...(systemPrompt === undefined ? {} : {systemPrompt: redact(systemPrompt, 'system')}),
    ...(userPrompt === undefined ? {} : {userPrompt: redact(userPrompt, 'prompt')}),
    ...(messages === undefined ? {} : {messages: messages.map(message => messageBody(message, redact, images))}),
    ...(temperature === undefined ? {} : {temperature}),
    ...(topP === undefined ? {} : {topP}),
    ...(maxTokens === undefined ? {} : {maxTokens}),
    ...(stopSequences === undefined ? {} : {stopSequences: [...stopSequences]}),
    ...(output === undefined ? {} : {output: outputBody(output, redact)}),
    ...(tools === undefined ? {} : {tools: tools.map(tool => outputBody(tool, redact))}),
    ...(toolChoice === undefined ? {} : {toolChoice}),
  };
}

/**
 * A message as stored: its text redacted, its images described; tool calls' inputs and tool results kept as their
 * JSON form.
 */
function messageBody(message: LlmMessage, redact: LlmRedactor, images: LoggedImages | undefined): LlmMessageBody {
  switch (message.role) {
    case 'user': {
      const {content} = message;
      if (typeof content === 'string') return {role: 'user', content: redact(content, 'prompt')};
      return {
        role: 'user',
        content: content.map(part =>
          part.type === 'text'
            ? {type: 'text', text: redact(part.text, 'prompt')}
            : (images?.bodyOf(part) ?? imageBodyOf(part)),
        ),
      };
    }
    case 'assistant':
      return {
        role: 'assistant',
        content: redact(message.content, 'prompt'),
        ...(message.toolCalls === undefined
          ? {}
          : {
              toolCalls: message.toolCalls.map(({toolCallId, toolName, input}) => ({
                toolCallId,
                toolName,
                input: storableJson(input, text => redact(text, 'response')),
              })),
            }),
      };
    case 'tool':
      return {
        role: 'tool',
        toolCallId: message.toolCallId,
        toolName: message.toolName,
        output: storableJson(message.output, text => redact(text, 'prompt')),
        ...(message.isError === undefined ? {} : {isError: message.isError}),
      };
  }
}

/** A named schema as stored (an output, a tool): its name, its description redacted as `system`, its JSON Schema. */
function outputBody(output: ResolvedLlmOutput, redact: LlmRedactor): NonNullable<LlmRequestBody['output']> {
  const jsonSchema = storableJson(output.jsonSchema);
  return {
    name: output.name,
    ...(output.description === undefined ? {} : {description: redact(output.description, 'system')}),
    jsonSchema: typeof jsonSchema === 'object' && jsonSchema !== null ? (jsonSchema as Record<string, unknown>) : {},
  };
}

function responseBody(response: LlmResponseBody, redact: LlmRedactor): LlmResponseBody {
  const answer = (text: string) => redact(text, 'response');
  const {objectError, refusal, toolCalls} = response;
  const object = 'object' in response ? storableJson(response.object, answer) : undefined;
  return {
    text: answer(response.text),
    reasoning: redact(response.reasoning, 'reasoning'),
    ...(object === undefined ? {} : {object}),
    ...(objectError === undefined
      ? {}
      : {
          objectError: {
            kind: objectError.kind,
            issues: issueBodies(objectError.issues, answer),
          },
        }),
    ...(refusal === undefined ? {} : {refusal: answer(refusal)}),
    ...(toolCalls === undefined ? {} : {toolCalls: toolCalls.map(call => toolCallBody(call, answer))}),
  };
}

/** A tool call as stored: its input's JSON form, and the argument text and issues of a call that cannot run. */
function toolCallBody(call: LlmToolCallBody, answer: (text: string) => string): LlmToolCallBody {
  const {toolCallId, toolName, argumentsText, issues} = call;
  return {
    toolCallId,
    toolName,
    input: storableJson(call.input, answer),
    ...(issues === undefined || issues.length === 0
      ? {}
      : {
          ...(typeof argumentsText === 'string' && {argumentsText: answer(argumentsText)}),
          issues: issueBodies(issues, answer),
        }),
  };
}

/** Issues as stored: each message and path name redacted, a position kept. */
function issueBodies(issues: readonly LlmObjectIssue[], answer: (text: string) => string): LlmObjectIssue[] {
  return issues.map(issue => ({
    message: answer(String(issue.message)),
    path: issue.path.map(segment => (typeof segment === 'number' ? segment : answer(String(segment)))),
    ...(typeof issue.position === 'number' && {position: issue.position}),
  }));
}
