import type {LlmBodyRecord, LlmRequest, LlmRequestBody, LlmResponseBody} from 'llm-rx';

/** Which part of a body a text is, for a redaction hook. */
export type LlmRedactionKind = 'prompt' | 'system' | 'response' | 'reasoning';

/**
 * A redaction hook: returns the text to store in place of `text`, e.g. with e-mail addresses masked.
 * @param text The prompt, system prompt, answer or reasoning.
 * @param kind Which of those it is; messages of a conversation are `prompt`.
 * @returns What to store.
 */
export type LlmRedactor = (text: string, kind: LlmRedactionKind) => string;

/**
 * Builds the body row of a call: the prompts and sampling parameters, never headers, provider options or the
 * signal, and the answer so far, each text passed through the redaction hook.
 * @param id The answering attempt's row id.
 * @param traceId The call's trace id.
 * @param request What was asked, when known.
 * @param response The text and reasoning, or `null` while the call runs.
 * @param redact The redaction hook; none stores the texts as they are.
 * @returns A row that IndexedDB can clone.
 */
export function buildBodyRecord(
  id: string,
  traceId: string,
  request: LlmRequest | undefined,
  response: LlmResponseBody | null,
  redact?: LlmRedactor,
): LlmBodyRecord {
  const clean = redact ?? ((text: string) => text);
  return {
    id,
    traceId,
    request: request === undefined ? null : requestBody(request, clean),
    response:
      response === null
        ? null
        : {text: clean(response.text, 'response'), reasoning: clean(response.reasoning, 'reasoning')},
  };
}

function requestBody(request: LlmRequest, redact: LlmRedactor): LlmRequestBody {
  const {systemPrompt, userPrompt, messages, temperature, topP, maxTokens, stopSequences} = request;
  return {
    ...(systemPrompt === undefined ? {} : {systemPrompt: redact(systemPrompt, 'system')}),
    ...(userPrompt === undefined ? {} : {userPrompt: redact(userPrompt, 'prompt')}),
    ...(messages === undefined
      ? {}
      : {messages: messages.map(message => ({role: message.role, content: redact(message.content, 'prompt')}))}),
    ...(temperature === undefined ? {} : {temperature}),
    ...(topP === undefined ? {} : {topP}),
    ...(maxTokens === undefined ? {} : {maxTokens}),
    ...(stopSequences === undefined ? {} : {stopSequences: [...stopSequences]}),
  };
}
