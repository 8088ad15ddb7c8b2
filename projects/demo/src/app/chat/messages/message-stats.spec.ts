import {type LlmAttempt, LlmProviderError, type LlmUsage} from 'llm-rx';
import {messageStatsOf} from './message-stats';

const finish = {unified: 'stop', raw: 'end_turn'} as const;
const usage = (overrides: Partial<LlmUsage> = {}): LlmUsage =>
  ({
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    timeToFirstChunkMs: 120,
    responseTimeMs: 900,
    finishReason: finish,
    inputTokens: 42,
    outputTokens: 40,
    totalCost: 0.0002,
    attempts: [{provider: 'anthropic', model: 'claude-haiku-4-5', outcome: 'ok', durationMs: 900}],
    ...overrides,
  }) as unknown as LlmUsage;

describe('messageStatsOf', () => {
  it('copies who answered, timings, tokens, cost and finish reason', () => {
    expect(messageStatsOf(usage())).toEqual({
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      attemptCount: 1,
      failedAttempts: [],
      timeToFirstChunkMs: 120,
      responseTimeMs: 900,
      inputTokens: 42,
      outputTokens: 40,
      totalCost: 0.0002,
      finishReason: 'stop',
      finishReasonRaw: 'end_turn',
      steps: null,
    });
  });

  it('describes each failed attempt before the answering one', () => {
    const failed: LlmAttempt = {
      provider: 'openai',
      model: 'gpt-5-nano',
      outcome: 'error',
      durationMs: 30,
      error: new LlmProviderError('overloaded', {provider: 'openai', model: 'gpt-5-nano', statusCode: 529}),
    } as LlmAttempt;
    const stats = messageStatsOf(usage({attempts: [failed, ...usage().attempts]}));
    expect(stats.attemptCount).toBe(2);
    expect(stats.failedAttempts.length).toBe(1);
    expect(stats.failedAttempts[0].provider).toBe('openai');
    expect(stats.failedAttempts[0].durationMs).toBe(30);
    expect(stats.failedAttempts[0].reason).toContain('529');
  });

  it('counts the steps of a tool loop and takes the attempts of its last step', () => {
    const step = usage();
    const stats = messageStatsOf(usage({steps: [step, step], attempts: []}));
    expect(stats.steps).toBe(2);
    expect(stats.attemptCount).toBe(1);
  });

  it('is plain data, kept as it is through a structured clone', () => {
    const stats = messageStatsOf(usage());
    expect(structuredClone(stats)).toEqual(stats);
  });
});
