import {LlmProviderError} from 'llm-rx';
import {
  attemptAttributes,
  costAttributes,
  errorAttributes,
  genAiFinishReason,
  requestAttributes,
  telemetryErrorOf,
  usageAttributes,
} from './call-attributes';
import {GEN_AI, LLM_RX} from './gen-ai-conventions';

describe('call attributes', () => {
  it('writes finish reasons as the conventions do (underscores)', () => {
    expect(genAiFinishReason('content-filter')).toBe('content_filter');
    expect(genAiFinishReason('tool-calls')).toBe('tool_calls');
    expect(genAiFinishReason('stop')).toBe('stop');
  });

  it('leaves out request parameters that were not set, and names a tool loop as the conversation', () => {
    const attributes = requestAttributes(
      {userPrompt: 'Hi', toolLoop: {id: 'loop-1', step: 2}},
      'gemini',
      'gemini-2.5-flash',
    );

    expect(attributes).toEqual({
      [GEN_AI.operationName]: 'chat',
      [GEN_AI.requestModel]: 'gemini-2.5-flash',
      [GEN_AI.requestStream]: true,
      [GEN_AI.outputType]: 'text',
      [GEN_AI.providerName]: 'gcp.gemini',
      [GEN_AI.conversationId]: 'loop-1',
      [LLM_RX.toolLoopStep]: 2,
    });
  });

  it('sends no cost for an unpriced model (never a silent 0), and the time to first chunk in seconds', () => {
    const attributes = usageAttributes({
      provider: 'openai',
      model: 'my-fine-tune',
      totalCost: null,
      timeToFirstChunkMs: 250,
      finishReason: 'length',
      inputTokens: 3,
    });

    expect(attributes[LLM_RX.costAmount]).toBeUndefined();
    expect(attributes[GEN_AI.responseTimeToFirstChunk]).toBe(0.25);
    expect(attributes[GEN_AI.responseFinishReasons]).toEqual(['length']);
    expect(attributes[GEN_AI.usageOutputTokens]).toBeUndefined();
    expect(costAttributes(0)).toEqual({
      [LLM_RX.costAmount]: 0,
      [LLM_RX.costCurrency]: 'USD',
      [LLM_RX.costSource]: 'local',
    });
  });

  it('records an error by its class and kind, its message free of keys, nothing of its cause', () => {
    const error = new LlmProviderError('openai answered 401: bad key sk-proj-abcdefghijklmnopqrstuvwxyz123456', {
      provider: 'openai',
      statusCode: 401,
      cause: new Error('sk-proj-abcdefghijklmnopqrstuvwxyz123456'),
    });

    const recorded = telemetryErrorOf(error);

    expect(recorded.type).toBe('LlmProviderError');
    expect(recorded.kind).toBe('http');
    expect(recorded.message).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(JSON.stringify(errorAttributes(recorded))).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(telemetryErrorOf('a string').type).toBe('_OTHER');
  });

  it('marks only an ok attempt as answered', () => {
    expect(attemptAttributes({provider: 'openai', model: 'm', outcome: 'ok'})[LLM_RX.attemptAnswered]).toBeTrue();
    expect(attemptAttributes({provider: 'openai', model: 'm', outcome: 'error'})[LLM_RX.attemptAnswered]).toBeFalse();
  });
});
