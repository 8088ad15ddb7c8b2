import type {LlmProviderCall, ResolvedLlmOutput} from 'llm-rx';

/**
 * The sentence right before the schema in the system prompt of a DeepSeek request with an `output`. The mock
 * provider server finds the schema after it (its DeepSeek wire keeps a copy of this text; a spec keeps both in step).
 */
export const DEEPSEEK_OUTPUT_SCHEMA_MARKER = 'The JSON object must match this JSON Schema:';

/**
 * What DeepSeek is told about a request's `output`, since it has no JSON Schema mode (only JSON mode, which
 * requires the word "json" in the prompt): one instruction, naming the object, then the schema as JSON, last.
 * @param output The request's resolved output.
 * @returns The text appended to the system prompt.
 */
export function deepSeekOutputPrompt(output: ResolvedLlmOutput): string {
  const about = output.description === undefined ? '' : ` (${output.description})`;
  return (
    `Answer with one JSON object, "${output.name}"${about}, and nothing else: no prose, no Markdown code fences. ` +
    `${DEEPSEEK_OUTPUT_SCHEMA_MARKER}\n${JSON.stringify(output.jsonSchema)}`
  );
}

/**
 * The call with the output's instruction and schema appended to its system prompt (after a blank line when there
 * is one); the call itself when it has no `output`.
 * @param call The call, as the core resolved it.
 * @returns The call to send.
 * @typeParam TCall The call's type.
 */
export function withDeepSeekOutputPrompt<TCall extends Pick<LlmProviderCall, 'request' | 'output'>>(
  call: TCall,
): TCall {
  const {output, request} = call;
  if (output === undefined) return call;
  const prompt = deepSeekOutputPrompt(output);
  return {
    ...call,
    request: {...request, systemPrompt: request.systemPrompt ? `${request.systemPrompt}\n\n${prompt}` : prompt},
  };
}
