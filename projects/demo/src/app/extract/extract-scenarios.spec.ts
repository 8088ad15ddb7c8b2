import type {MockScenarioPreset} from '../chat/mock-scenarios';
import {CONTACT_CARD_EXAMPLE, ContactCardSchema} from './contact-card-example';
import {EXTRACT_EXAMPLES} from './extract-examples';
import {
  answerText,
  carryScenarios,
  extractScenarioPresets,
  EXTRACT_CHUNK_DELAY_MS,
  streamedTextScenario,
} from './extract-scenarios';
import {RECIPE_EXAMPLE} from './recipe-example';

/** A scenario's `key=value` parts, decoded. */
function partsOf(scenario: string): Record<string, string> {
  return Object.fromEntries(
    scenario.split(';').map(part => {
      expect(part).toMatch(/^[a-zA-Z]+=[^=;\n]*$/);
      const [key, value] = part.split('=');
      return [key, decodeURIComponent(value)];
    }),
  );
}

function presetOf(presets: readonly MockScenarioPreset[], id: string): Record<string, string> {
  const preset = presets.find(candidate => candidate.id === id);
  expect(preset).withContext(id).toBeDefined();
  return partsOf(preset?.scenario ?? '');
}

describe('streamedTextScenario', () => {
  it('streams the text in pieces of about six characters with a chunk delay', () => {
    expect(partsOf(streamedTextScenario('{"a": "b; c=d"}', 'finish=length'))).toEqual({
      text: '{"a": "b; c=d"}',
      chunks: '3',
      chunkDelay: String(EXTRACT_CHUNK_DELAY_MS),
      finish: 'length',
    });
  });
});

describe('extractScenarioPresets', () => {
  it('answer with the prepared answer while the text is the sample, the mock sample once it is edited', () => {
    const sample = presetOf(extractScenarioPresets(CONTACT_CARD_EXAMPLE, true), 'answer');
    expect(JSON.parse(sample['text'])).toEqual(CONTACT_CARD_EXAMPLE.sampleAnswer);
    expect(Number(sample['chunks'])).toBe(Math.ceil(sample['text'].length / 6));
    expect(presetOf(extractScenarioPresets(CONTACT_CARD_EXAMPLE, false), 'answer')).toEqual({
      chunkDelay: String(EXTRACT_CHUNK_DELAY_MS),
    });
  });

  it('simulate invalid JSON, an answer the schema refuses, a refusal and a cut-off answer', () => {
    const presets = extractScenarioPresets(CONTACT_CARD_EXAMPLE, false);
    expect(() => JSON.parse(presetOf(presets, 'invalid-json')['text'])).toThrowError(SyntaxError);
    const mismatch = JSON.parse(presetOf(presets, 'schema-mismatch')['text']) as unknown;
    expect(ContactCardSchema.safeParse(mismatch).success).toBe(false);
    expect(presetOf(presets, 'refusal')).toEqual(
      jasmine.objectContaining({text: CONTACT_CARD_EXAMPLE.refusal, finish: 'refusal'}),
    );
    const cut = presetOf(presets, 'cut-off');
    expect(cut['finish']).toBe('length');
    expect(answerText(CONTACT_CARD_EXAMPLE.sampleAnswer).startsWith(cut['text'])).toBe(true);
    expect(() => JSON.parse(cut['text'])).toThrowError(SyntaxError);
  });

  it('give every example the same preset ids, with unique labels', () => {
    const ids = extractScenarioPresets(CONTACT_CARD_EXAMPLE, true).map(preset => preset.id);
    for (const example of EXTRACT_EXAMPLES) {
      const presets = extractScenarioPresets(example, true);
      expect(presets.map(preset => preset.id)).toEqual(ids);
      expect(new Set(presets.map(preset => preset.label)).size).toBe(presets.length);
    }
  });
});

describe('carryScenarios', () => {
  it('keeps the chosen preset across schemas and text edits, and custom scenarios as they are', () => {
    const contact = extractScenarioPresets(CONTACT_CARD_EXAMPLE, true);
    const recipe = extractScenarioPresets(RECIPE_EXAMPLE, true);
    const edited = extractScenarioPresets(RECIPE_EXAMPLE, false);
    const mismatchOf = (presets: MockScenarioPreset[]) => presets.find(preset => preset.id === 'schema-mismatch');
    const scenarios = {openai: mismatchOf(contact)?.scenario, anthropic: contact[0].scenario, gemini: 'status=529'};

    const carried = carryScenarios(scenarios, contact, recipe);
    expect(carried).toEqual({
      openai: mismatchOf(recipe)?.scenario,
      anthropic: recipe[0].scenario,
      gemini: 'status=529',
    });
    expect(carryScenarios(carried, recipe, edited)['anthropic']).toBe(`chunkDelay=${EXTRACT_CHUNK_DELAY_MS}`);
  });
});
