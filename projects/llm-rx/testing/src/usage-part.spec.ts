import {NO_TOKENS} from 'llm-rx';
import {usagePart} from './usage-part';

describe('usagePart', () => {
  it('fills test defaults, with one ok attempt made of them', () => {
    expect(usagePart()).toEqual({
      type: 'usage',
      usage: {
        provider: 'mock-provider',
        model: 'mock-model',
        ...NO_TOKENS,
        inputCost: null,
        outputCost: null,
        totalCost: null,
        timeToFirstChunkMs: null,
        responseTimeMs: 0,
        finishReason: {unified: 'stop', raw: 'stop'},
        attempts: [
          {
            provider: 'mock-provider',
            model: 'mock-model',
            outcome: 'ok',
            usage: {...NO_TOKENS, inputCost: null, outputCost: null, totalCost: null},
            durationMs: 0,
            timeToFirstChunkMs: null,
            finishReason: {unified: 'stop', raw: 'stop'},
          },
        ],
      },
    });
  });

  it('builds the default attempt from the overrides', () => {
    const {usage} = usagePart({
      provider: 'openai',
      model: 'gpt-5-mini',
      inputTokens: 7,
      totalCost: 0.5,
      responseTimeMs: 9,
      timeToFirstChunkMs: 4,
    });
    expect(usage.inputTokens).toBe(7);
    expect(usage.attempts).toEqual([
      {
        provider: 'openai',
        model: 'gpt-5-mini',
        outcome: 'ok',
        usage: {...NO_TOKENS, inputTokens: 7, inputCost: null, outputCost: null, totalCost: 0.5},
        durationMs: 9,
        timeToFirstChunkMs: 4,
        finishReason: {unified: 'stop', raw: 'stop'},
      },
    ]);
  });

  it('keeps given attempts as they are', () => {
    const attempts = [{provider: 'a', model: 'b', outcome: 'error' as const, error: 'down'}];
    expect(usagePart({attempts}).usage.attempts).toBe(attempts);
  });

  it('names the default attempt after the response id and model, when given', () => {
    const {usage} = usagePart({responseId: 'resp_1', responseModel: 'mock-model-v2'});
    expect(usage).toEqual(jasmine.objectContaining({responseId: 'resp_1', responseModel: 'mock-model-v2'}));
    expect(usage.attempts[0]).toEqual(jasmine.objectContaining({responseId: 'resp_1', responseModel: 'mock-model-v2'}));
    expect('responseId' in usagePart().usage.attempts[0]).toBeFalse();
  });
});
