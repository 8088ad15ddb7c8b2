/**
 * Turns a JSON event of Cohere's raw v2 chat stream into the shape `cohere-ai`'s serializers give it, which is the
 * shape the llm-rx Cohere event mapper reads: every object key from snake_case to camelCase (`finish_reason` →
 * `finishReason`, `billed_units.input_tokens` → `billedUnits.inputTokens`, `tool_calls` → `toolCalls`,
 * `tool_plan` → `toolPlan`, `cached_tokens` → `cachedTokens`); values (the `type` discriminant `message-end`, the
 * finish reasons, the tool-call arguments, which are a string) are kept. The SDK renames only the keys its schema
 * knows and passes free-form objects (a citation's document) through unchanged; the mapper reads none of those,
 * so renaming every key gives it the same values.
 * @param value One parsed `data:` payload.
 * @returns A converted copy (arrays and objects rebuilt, other values as they are).
 */
export function cohereSdkShapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cohereSdkShapeOf);
  if (typeof value !== 'object' || value === null) return value;
  const converted: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) converted[camelCaseOf(key)] = cohereSdkShapeOf(item);
  return converted;
}

/** `billed_units` → `billedUnits`; a key without `_` as it is. */
function camelCaseOf(key: string): string {
  return key.includes('_') ? key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()) : key;
}
