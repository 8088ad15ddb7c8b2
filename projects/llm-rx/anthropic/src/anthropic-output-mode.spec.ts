import {anthropicOutputModeOf, supportsAnthropicNativeOutput} from './anthropic-output-mode';

describe('supportsAnthropicNativeOutput', () => {
  it('is true for Claude 4.5 and later, with or without a date, a cloud prefix or suffix', () => {
    for (const model of [
      'claude-haiku-4-5',
      'claude-haiku-4-5-20251001',
      'claude-sonnet-4-5',
      'claude-sonnet-4-5-20250929',
      'claude-opus-4-5-20251101',
      'claude-sonnet-4-6',
      'claude-opus-4-8',
      'claude-opus-5',
      'claude-sonnet-5-5',
      'claude-fable-5-2',
      'Claude-Sonnet-4-5',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'us.anthropic.claude-haiku-4-5-20251001-v1:0',
      'claude-sonnet-4-5@20250929',
    ]) {
      expect(supportsAnthropicNativeOutput(model)).withContext(model).toBeTrue();
    }
  });

  it('is false for older models and ids it cannot read', () => {
    for (const model of [
      'claude-3-5-haiku-latest',
      'claude-3-7-sonnet-20250219',
      'claude-3-opus-20240229',
      'claude-sonnet-4-0',
      'claude-sonnet-4-20250514',
      'claude-opus-4-0',
      'claude-opus-4-20250514',
      'claude-opus-4-1',
      'claude-opus-4-1-20250805',
      'claude-instant-1.2',
      'claude-mythos-preview',
      'my-proxy-alias',
      '',
    ]) {
      expect(supportsAnthropicNativeOutput(model)).withContext(model).toBeFalse();
    }
  });
});

describe('anthropicOutputModeOf', () => {
  it('chooses native for the models that have it and tool for the others', () => {
    expect(anthropicOutputModeOf('claude-sonnet-4-5', undefined)).toBe('native');
    expect(anthropicOutputModeOf('claude-3-5-haiku-latest', undefined)).toBe('tool');
  });

  it('takes the structuredOutput option over the model', () => {
    expect(anthropicOutputModeOf('claude-sonnet-4-5', 'tool')).toBe('tool');
    expect(anthropicOutputModeOf('my-proxy-alias', 'native')).toBe('native');
  });
});
