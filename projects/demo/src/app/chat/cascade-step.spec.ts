import {lastValueFrom, toArray} from 'rxjs';
import {LlmProviderError} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {llmForSteps, moveStep, nextFallbackStep, type CascadeStep} from './cascade-step';

describe('cascade steps', () => {
  const openai: CascadeStep = {provider: 'openai', model: 'gpt-5-nano'};
  const anthropic: CascadeStep = {provider: 'anthropic', model: 'claude-haiku-4-5'};

  it('uses the model itself for one step', () => {
    const mock = new MockLlm({provider: 'openai', model: 'gpt-5-nano', script: {chunks: ['hi']}});
    expect(llmForSteps([openai], () => mock)).toBe(mock);
  });

  it('builds a cascade for two steps that fails over to the second', async () => {
    const failing = new MockLlm({
      provider: 'openai',
      script: {error: new LlmProviderError('overloaded', {provider: 'openai', statusCode: 529})},
    });
    const answering = new MockLlm({provider: 'anthropic', script: {chunks: ['from the second']}});
    const llm = llmForSteps([openai, anthropic], step => (step.provider === 'openai' ? failing : answering));
    expect(llm.provider).toBe('cascade');
    const chunks = await lastValueFrom(llm.stream({userPrompt: 'hi'}).pipe(toArray()));
    expect(chunks[0]).toEqual({type: 'text-delta', text: 'from the second'});
    const last = chunks.at(-1);
    expect(last?.type === 'usage' && last.usage.attempts.map(attempt => attempt.outcome)).toEqual(['error', 'ok']);
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
