/** A named scenario of the mock provider server, for a "simulate" panel (the chat's, the Extract page's). */
export interface MockScenarioPreset {
  /** A stable id, used by the e2e tests. */
  readonly id: string;
  readonly label: string;
  /** The `x-mock-scenario` header value (see `projects/mock-providers/README.md`). */
  readonly scenario: string;
}

/** The presets, the default first; in the chat, those without a text of their own answer the prompt. */
export const MOCK_SCENARIO_PRESETS: readonly MockScenarioPreset[] = [
  // No text of its own: the chat adds an answer built from the prompt (`withSimulatedAnswer()`), as to every
  // scenario that says nothing of the text.
  {id: 'normal', label: 'Normal (an answer to your prompt, 30 ms per word)', scenario: 'chunkDelay=30'},
  {id: 'slow', label: 'Slow (1.5 s to start, 250 ms per word)', scenario: 'headerDelay=1500;chunkDelay=250'},
  {id: 'fast', label: 'Fire hose (5000 chunks, no delay)', scenario: 'chunks=5000;chunkDelay=0'},
  {id: 'reasoning', label: 'Reasoning first', scenario: 'reasoning=8;chunkDelay=40'},
  {id: 'fail-529', label: 'Fail with 529 before content', scenario: 'status=529'},
  {id: 'fail-429', label: 'Rate-limited (429, retry after 2 s)', scenario: 'status=429;retryAfter=2'},
  {id: 'fail-401', label: 'Bad key (401)', scenario: 'status=401'},
  {id: 'drop', label: 'Drop the connection mid-stream', scenario: 'dropAfter=5;chunkDelay=40'},
  {id: 'stall', label: 'Stall mid-stream', scenario: 'stallAfter=3;chunkDelay=40'},
  {id: 'truncated', label: 'Cut off at max tokens', scenario: 'finish=length;chunkDelay=30'},
];

/**
 * The presets when the chat's tools are on, the default first: a tool call whose arguments stream in, then the
 * answer. The chat adds the call's tool and arguments for each prompt (`toolScenarioKeys()`); the first preset
 * has no text of its own, which the mock server would also stream before the tool call.
 */
export const TOOL_MOCK_SCENARIO_PRESETS: readonly MockScenarioPreset[] = [
  {id: 'tool-call', label: 'A tool call, then the answer (40 ms per piece)', scenario: 'chunkDelay=40'},
  ...MOCK_SCENARIO_PRESETS.slice(1),
];

/** The scenario a provider plays unless the user picks another. */
export const DEFAULT_MOCK_SCENARIO = MOCK_SCENARIO_PRESETS[0].scenario;

/**
 * The preset a scenario string comes from, if any.
 * @param scenario The header value.
 * @param presets The presets to look in; default the chat's.
 * @returns The preset's id, or `custom`.
 */
export function presetIdOf(scenario: string, presets: readonly MockScenarioPreset[] = MOCK_SCENARIO_PRESETS): string {
  return presets.find(preset => preset.scenario === scenario.trim())?.id ?? 'custom';
}
