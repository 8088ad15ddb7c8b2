/**
 * How a request's `output` schema reaches Anthropic:
 * - `native`: `output_config: {format: {type: 'json_schema', schema}}`, the Messages API's structured output
 *   (generally available, no beta header): constrained decoding, the answer streams as text.
 * - `tool`: one tool whose `input_schema` is the schema, forced with `tool_choice: {type: 'tool', name}`; the
 *   answer streams as the tool's input JSON.
 */
export type AnthropicOutputMode = 'native' | 'tool';

/** The values the `structuredOutput` option accepts. */
export const ANTHROPIC_OUTPUT_MODES: readonly AnthropicOutputMode[] = ['native', 'tool'];

// Current ids (`claude-sonnet-4-5-20250929`, `claude-opus-4-1`, `claude-sonnet-4-20250514`, and with a cloud's
// prefix or suffix: `anthropic.claude-haiku-4-5-…-v1:0`, `claude-sonnet-4-5@20250929`): family, major, and a
// one- or two-digit minor (a date is not a minor). Claude 3 ids (`claude-3-5-haiku-latest`) put the version first
// and never match, nor do ids without a version (`claude-mythos-preview`).
const CURRENT_MODEL_ID = /\bclaude-([a-z]+)-(\d+)(?:-(\d{1,2})(?!\d))?/;

/**
 * Whether a model has the Messages API's native structured output: the Claude models from version 4.5 on (Haiku
 * 4.5, Sonnet 4.5, Opus 4.5, and every later one). Claude 3, Sonnet 4, Opus 4 and Opus 4.1 have not (Opus 4.1
 * had it only in the old beta, with `output_format` and a beta header, which llm-rx does not send).
 * @param model The model id, also with a cloud's prefix or date suffix.
 * @returns `true` for a Claude model of version 4.5 or later; `false` for older ones and ids it cannot read.
 */
export function supportsAnthropicNativeOutput(model: string): boolean {
  const match = CURRENT_MODEL_ID.exec(model.toLowerCase());
  if (match === null) return false;
  const major = Number(match[2]);
  const minor = match[3] === undefined ? 0 : Number(match[3]);
  return major > 4 || (major === 4 && minor >= 5);
}

/**
 * The structured-output mode of a model: the `structuredOutput` option when set, else `native` for the models that
 * have it (`supportsAnthropicNativeOutput()`) and `tool`, which every model has, for the others.
 * @param model The model id.
 * @param option The `structuredOutput` option, or `undefined`.
 * @returns The mode.
 */
export function anthropicOutputModeOf(model: string, option: AnthropicOutputMode | undefined): AnthropicOutputMode {
  return option ?? (supportsAnthropicNativeOutput(model) ? 'native' : 'tool');
}
