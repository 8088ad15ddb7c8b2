/** Which part of a body a text is, for a redaction hook. */
export type LlmRedactionKind = 'prompt' | 'system' | 'response' | 'reasoning';

/**
 * A redaction hook: returns the text to keep in place of `text`, e.g. with e-mail addresses masked. The call log
 * (`llm-rx/logging`) stores bodies through it, and telemetry (`llm-rx/telemetry`) sends prompts and answers through
 * it when content capture is on.
 * @param text The prompt, system prompt, answer or reasoning.
 * @param kind Which of those it is; messages of a conversation are `prompt` (each string and key of a tool result's
 *   output included), an output's description is `system`, and each string and key of the answer's object and of
 *   a tool call's input (the answer's own or a conversation's), the issues of an object error or a tool call, a tool
 *   call's argument text and a refusal are `response`.
 * @returns What to keep.
 */
export type LlmRedactor = (text: string, kind: LlmRedactionKind) => string;
