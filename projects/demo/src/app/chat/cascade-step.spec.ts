import {moveStep, nextFallbackStep, streamOptionsForSteps, type CascadeStep} from './cascade-step';

describe('cascade steps', () => {
  const openai: CascadeStep = {provider: 'openai', model: 'gpt-5-nano'};
  const anthropic: CascadeStep = {provider: 'anthropic', model: 'claude-haiku-4-5'};
  const specOf = (step: CascadeStep) => ({...step, options: {apiKeyAlias: step.provider}});

  it("asks the step's own model for one step", () => {
    expect(streamOptionsForSteps([openai], specOf)).toEqual({model: specOf(openai)});
  });

  it('asks a cascade of the steps, in order, for two or more', () => {
    expect(streamOptionsForSteps([anthropic, openai], specOf)).toEqual({cascade: [specOf(anthropic), specOf(openai)]});
  });

  it('adds as fallback the first provider not used yet', () => {
    expect(nextFallbackStep([openai])).toEqual({provider: 'anthropic', model: 'claude-haiku-4-5'});
    expect(nextFallbackStep([anthropic, openai]).provider).toBe('gemini');
  });

  it('moves a step up and down, and not past the ends', () => {
    expect(moveStep([openai, anthropic], 1, -1)).toEqual([anthropic, openai]);
    expect(moveStep([openai, anthropic], 0, 1)).toEqual([anthropic, openai]);
    expect(moveStep([openai, anthropic], 0, -1)).toEqual([openai, anthropic]);
    expect(moveStep([openai, anthropic], 1, 1)).toEqual([openai, anthropic]);
  });
});
