import type {MockScenarioPreset} from '../chat/mock-scenarios';
import {presetIdOf} from '../chat/mock-scenarios';
import type {MockScenarios} from '../chat/simulate-panel';
import type {ExtractExample} from './extract-example';

/** Milliseconds between two chunks of a simulated answer: slow enough to watch the form fill in. */
export const EXTRACT_CHUNK_DELAY_MS = 25;
/** Characters per chunk of a simulated answer, about what a model streams. */
const CHARACTERS_PER_CHUNK = 6;

/**
 * The mock scenario that streams a given text, in pieces of about six characters, one every 25 ms.
 * @param text The answer's text.
 * @param extra Further `key=value` parts, e.g. `finish=length`.
 * @returns The `x-mock-scenario` value.
 */
export function streamedTextScenario(text: string, ...extra: string[]): string {
  const chunks = Math.max(1, Math.ceil(text.length / CHARACTERS_PER_CHUNK));
  return [
    `text=${encodeURIComponent(text)}`,
    `chunks=${chunks}`,
    `chunkDelay=${EXTRACT_CHUNK_DELAY_MS}`,
    ...extra,
  ].join(';');
}

/**
 * The JSON text of a value as a model writes it.
 * @param value The value.
 * @returns Indented JSON.
 */
export function answerText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * What the simulated providers can do on the Extract page, the default first: answer (the prepared answer for the
 * sample text, or, once the text was edited, the mock server's own sample for the schema, which it builds from
 * the JSON Schema the request carries), or fail as models do: invalid JSON, JSON that fails the schema, a refusal,
 * an answer cut off at the token limit.
 * @param example The schema and its worked example.
 * @param isSampleText Whether the text is the example's sample, which the prepared answer matches.
 * @returns The presets, with stable ids across examples (see `carryScenarios()`).
 */
export function extractScenarioPresets(example: ExtractExample, isSampleText: boolean): MockScenarioPreset[] {
  const answer = answerText(example.sampleAnswer);
  return [
    isSampleText
      ? {id: 'answer', label: 'Answer (prepared for the sample)', scenario: streamedTextScenario(answer)}
      : {
          id: 'answer',
          label: "Answer (the mock's sample for the schema)",
          scenario: `chunkDelay=${EXTRACT_CHUNK_DELAY_MS}`,
        },
    // A trailing comma before the last brace: the form fills in, then the JSON does not close.
    {id: 'invalid-json', label: 'Invalid JSON', scenario: streamedTextScenario(answer.replace(/\n}$/, ',\n}'))},
    {
      id: 'schema-mismatch',
      label: 'Fails the schema',
      scenario: streamedTextScenario(answerText(example.mismatchAnswer)),
    },
    {id: 'refusal', label: 'Refusal', scenario: streamedTextScenario(example.refusal, 'finish=refusal')},
    {
      id: 'cut-off',
      label: 'Cut off (max tokens)',
      scenario: streamedTextScenario(answer.slice(0, Math.floor(answer.length / 2)), 'finish=length'),
    },
  ];
}

/**
 * The scenarios after the presets changed (another schema, or the text edited): a provider that played a preset
 * plays the preset of the same id among the new ones; a custom scenario stays as it is.
 * @param scenarios The scenario of each provider.
 * @param previous The presets they were chosen from.
 * @param next The new presets.
 * @returns The scenarios under the new presets.
 */
export function carryScenarios(
  scenarios: MockScenarios,
  previous: readonly MockScenarioPreset[],
  next: readonly MockScenarioPreset[],
): MockScenarios {
  const carried: Record<string, string> = {};
  for (const [provider, scenario] of Object.entries(scenarios)) {
    if (scenario === undefined) continue;
    const id = presetIdOf(scenario, previous);
    carried[provider] = next.find(preset => preset.id === id)?.scenario ?? scenario;
  }
  return carried;
}
