/**
 * A tool result's output as the text most providers take for it: a string as it is, anything else as JSON
 * (`undefined` as `null`). Adapters use it for the providers whose tool results are text (OpenAI, DeepSeek,
 * Cohere, Anthropic); Gemini takes an object.
 * @param output The tool's result.
 * @returns The text to send.
 */
export function toolResultText(output: unknown): string {
  if (typeof output === 'string') return output;
  return JSON.stringify(output) ?? 'null';
}
