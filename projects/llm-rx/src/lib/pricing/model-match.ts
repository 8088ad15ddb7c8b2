/**
 * A rule that says which model ids resolve to a priced model, in the shape of `@pydantic/genai-prices`'
 * `MatchLogic` so that the generated table keeps the dataset's own rules.
 * @see https://github.com/pydantic/genai-prices
 */
export type LlmModelMatch =
  | {readonly equals: string}
  | {readonly starts_with: string}
  | {readonly ends_with: string}
  | {readonly contains: string}
  | {readonly regex: string}
  | {readonly or: readonly LlmModelMatch[]}
  | {readonly and: readonly LlmModelMatch[]};

/**
 * Whether a model id satisfies a match rule, as the dataset evaluates it.
 * @param rule The rule to test.
 * @param modelId The requested id, already lower-cased and trimmed (see `normalizeModelId`).
 * @returns Whether the id matches.
 */
export function matchesModelId(rule: LlmModelMatch, modelId: string): boolean {
  if ('or' in rule) return rule.or.some(part => matchesModelId(part, modelId));
  if ('and' in rule) return rule.and.every(part => matchesModelId(part, modelId));
  // The dataset compares text case-insensitively but applies regexes as written, to the lower-cased id.
  if ('equals' in rule) return modelId === rule.equals.toLowerCase();
  if ('starts_with' in rule) return modelId.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return modelId.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return modelId.includes(rule.contains.toLowerCase());
  return new RegExp(rule.regex).test(modelId);
}

/**
 * Puts a requested model id in the form the match rules expect.
 * @param modelId The id as the caller wrote it.
 * @returns The id lower-cased and trimmed.
 */
export function normalizeModelId(modelId: string): string {
  return modelId.trim().toLowerCase();
}

const COMPACT_DATE = /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g;

/**
 * Rewrites compact date suffixes (`-20250805`) as ISO dates (`-2025-08-05`), the dataset's second attempt when
 * no rule matches an id as written.
 * @param modelId A normalised model id.
 * @returns The id with every valid compact date rewritten; invalid dates (`-20250231`) stay as they are.
 */
export function expandCompactDates(modelId: string): string {
  return modelId.replace(COMPACT_DATE, (whole: string, dash: string, year: string, month: string, day: string) => {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    const isValid = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
    return isValid ? `${dash}${year}-${month}-${day}` : whole;
  });
}
