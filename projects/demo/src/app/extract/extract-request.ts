import type {LlmOutput, LlmRequest} from 'llm-rx';
import type {ExtractExample} from './extract-example';

/**
 * The request that extracts an example's object from a text: the text as the prompt, the schema as `output`, and
 * a system prompt that says to use only what the text gives.
 * @param example The schema to fill in.
 * @param text The text to extract from.
 * @returns The request, for `injectLlmObject().start()`.
 */
export function extractRequest(
  example: ExtractExample,
  text: string,
): LlmRequest & {readonly output: LlmOutput<unknown>} {
  return {
    systemPrompt:
      `Extract a ${example.label.toLowerCase()} from the user's text, as one JSON object that matches the ` +
      `"${example.output.name}" schema. Use only what the text says; where it says nothing, leave an optional ` +
      'field out or set it to null.',
    userPrompt: text,
    output: example.output,
  };
}
