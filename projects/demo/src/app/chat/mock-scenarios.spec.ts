import {DEFAULT_MOCK_SCENARIO, MOCK_SCENARIO_PRESETS, presetIdOf, TOOL_MOCK_SCENARIO_PRESETS} from './mock-scenarios';
import {withSimulatedAnswer} from './simulated-answer';

describe('mock scenario presets', () => {
  it('have unique ids and header values without raw separators inside values', () => {
    for (const presets of [MOCK_SCENARIO_PRESETS, TOOL_MOCK_SCENARIO_PRESETS]) {
      expect(new Set(presets.map(preset => preset.id)).size).toBe(presets.length);
      for (const preset of presets) {
        // Every `;`-separated part is one key=value pair, so the mock server can parse it.
        for (const part of preset.scenario.split(';')) expect(part).toMatch(/^[a-zA-Z]+=[^=]*$/);
      }
    }
  });

  it('with tools, start with a preset without text, which the mock server would stream before the call', () => {
    expect(TOOL_MOCK_SCENARIO_PRESETS[0].id).toBe('tool-call');
    expect(TOOL_MOCK_SCENARIO_PRESETS[0].scenario).not.toMatch(/(^|;)(text|chunks)=/);
    expect(TOOL_MOCK_SCENARIO_PRESETS.map(preset => preset.id)).not.toContain('normal');
  });

  it('leave the default without a text of its own, so that the chat answers the prompt with it', () => {
    expect(DEFAULT_MOCK_SCENARIO).not.toMatch(/(^|;)(text|chunks|status)=/);
    const answered = withSimulatedAnswer(DEFAULT_MOCK_SCENARIO, 'Why is the sky blue?');
    expect(answered).not.toMatch(/[\n\r]/);
    expect(decodeURIComponent(answered.split(';text=')[1])).toContain('## About “Why is the sky blue?”');
  });

  it('names the preset of a scenario, or custom', () => {
    expect(presetIdOf('status=529')).toBe('fail-529');
    expect(presetIdOf(' status=529 ')).toBe('fail-529');
    expect(presetIdOf('status=503')).toBe('custom');
  });

  it('looks in the presets it is given', () => {
    const presets = [{id: 'own', label: 'Own', scenario: 'status=503'}];
    expect(presetIdOf('status=503', presets)).toBe('own');
    expect(presetIdOf('status=529', presets)).toBe('custom');
  });
});
