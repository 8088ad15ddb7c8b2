import type {Observable} from 'rxjs';
import {
  createLlm,
  LlmConfigurationError,
  LlmInvalidRequestError,
  LlmPriceTable,
  registerLlmProvider,
  type LlmChunk,
  type LlmUsage,
} from 'llm-rx';
import {
  fetchMockRequests,
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  waitForMockRequest,
} from 'llm-rx/testing';
import type {MockScenario} from 'llm-rx/testing';
import {anthropicProvider, createAnthropicLlm} from './anthropic-provider';

// Runs against the mock provider server (node --import tsx projects/mock-providers/src/main.ts), in Node and Chromium.
const MODEL = 'claude-haiku-4-5';

/** A unique tag per spec, so that each finds its own requests in the shared server's log. */
function uniqueTag(name: string): string {
  return `anthropic-${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Subscribes and resolves with every chunk and the error, if any, once the stream ends. */
function run(stream: Observable<LlmChunk>): Promise<{chunks: LlmChunk[]; error?: unknown}> {
  return new Promise(resolve => {
    const chunks: LlmChunk[] = [];
    stream.subscribe({
      next: chunk => chunks.push(chunk),
      error: (error: unknown) => resolve({chunks, error}),
      complete: () => resolve({chunks}),
    });
  });
}

/** The scenario header of a request. */
function scenarioHeaders(scenario: MockScenario): Record<string, string> {
  return {[MOCK_SCENARIO_HEADER]: mockScenario(scenario)};
}

function textOf(chunks: readonly LlmChunk[], type: 'text-delta' | 'reasoning-delta' = 'text-delta'): string {
  return chunks.map(chunk => (chunk.type === type ? chunk.text : '')).join('');
}

describe('createAnthropicLlm against the mock server', () => {
  const llm = createAnthropicLlm(MODEL, {apiKey: 'sk-ant-test-key-0001', baseURL: MOCK_PROVIDERS_URL});

  it('streams reasoning and text, then usage with cache reads/writes, thinking tokens and additive cost', async () => {
    const tag = uniqueTag('text');
    const {chunks, error} = await run(
      llm.stream({
        userPrompt: 'Hello?',
        headers: scenarioHeaders({
          tag,
          text: 'Hello from the mock Claude',
          chunks: 3,
          reasoning: 2,
          inputTokens: 1000,
          cachedTokens: 600,
          cacheWriteTokens: 100,
          outputTokens: 50,
          reasoningTokens: 20,
        }),
      }),
    );
    expect(error).toBeUndefined();
    expect(chunks.filter(chunk => chunk.type === 'text-delta').length).toBe(3);
    expect(chunks.filter(chunk => chunk.type === 'reasoning-delta').length).toBe(2);
    expect(chunks.findIndex(chunk => chunk.type === 'text-delta')).toBe(2);
    expect(textOf(chunks)).toBe('Hello from the mock Claude');
    expect(textOf(chunks, 'reasoning-delta')).not.toBe('');
    expect(chunks.filter(chunk => chunk.type === 'usage').length).toBe(1);
    const last = chunks.at(-1);
    expect(last?.type).toBe('usage');
    const usage = (last as {usage: LlmUsage}).usage;
    expect(usage).toEqual(
      jasmine.objectContaining({
        provider: 'anthropic',
        model: MODEL,
        inputTokens: 1000,
        cachedInputTokens: 600,
        cacheWriteTokens: 100,
        outputTokens: 50,
        reasoningTokens: 20,
        finishReason: {unified: 'stop', raw: 'end_turn'},
      }),
    );
    const price = LlmPriceTable.default.priceOf('anthropic', MODEL);
    expect(price?.cachedInputPerMillion).toBeDefined();
    expect(price?.cacheWritePerMillion).toBeDefined();
    expect(LlmPriceTable.default.accountingOf('anthropic')).toBe('additive');
    // Uncached 300, cache reads 600 and cache writes 100, each at its own rate.
    const inputCost =
      (300 * price!.inputPerMillion + 600 * price!.cachedInputPerMillion! + 100 * price!.cacheWritePerMillion!) / 1e6;
    const outputCost = (50 * price!.outputPerMillion) / 1e6;
    expect(usage.inputCost).toBeCloseTo(inputCost, 12);
    expect(usage.outputCost).toBeCloseTo(outputCost, 12);
    expect(usage.totalCost).toBeCloseTo(inputCost + outputCost, 12);
    expect(usage.timeToFirstChunkMs).toEqual(jasmine.any(Number));
    expect(usage.responseTimeMs).toBeGreaterThanOrEqual(usage.timeToFirstChunkMs ?? 0);
  });

  it('sends the Messages API body and headers, with options and per-request headers and providerOptions', async () => {
    const tag = uniqueTag('request');
    const withHeaders = createAnthropicLlm(MODEL, {
      apiKey: 'sk-ant-test-key-0002',
      baseURL: MOCK_PROVIDERS_URL,
      headers: {'x-app': 'from-options'},
      defaultMaxTokens: 777,
    });
    const {error} = await run(
      withHeaders.stream({
        systemPrompt: 'Be brief.',
        messages: [
          {role: 'user', content: 'A'},
          {role: 'assistant', content: 'B'},
          {role: 'user', content: 'C'},
        ],
        temperature: 0.3,
        stopSequences: ['STOP'],
        providerOptions: {anthropic: {metadata: {user_id: 'user-1'}}},
        headers: {...scenarioHeaders({tag, chunks: 2}), 'x-call': 'from-request'},
      }),
    );
    expect(error).toBeUndefined();
    const [record] = await fetchMockRequests(tag);
    expect(record.wire).toBe('anthropic');
    expect(record.path).toBe('/v1/messages');
    expect(record.body).toEqual({
      model: MODEL,
      max_tokens: 777,
      system: 'Be brief.',
      messages: [
        {role: 'user', content: 'A'},
        {role: 'assistant', content: 'B'},
        {role: 'user', content: 'C'},
      ],
      stop_sequences: ['STOP'],
      metadata: {user_id: 'user-1'},
      stream: true,
    });
    expect(record.headers['x-app']).toBe('from-options');
    expect(record.headers['x-call']).toBe('from-request');
    expect(record.headers['authorization']).toBe('***');
    expect(record.headers['anthropic-version']).toEqual(jasmine.any(String));
  });

  it('is cold: no request before subscribe, and one request per subscription', async () => {
    const tag = uniqueTag('cold');
    const stream = llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, chunks: 1})});
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(await fetchMockRequests(tag)).toEqual([]);
    expect((await run(stream)).error).toBeUndefined();
    expect((await fetchMockRequests(tag)).length).toBe(1);
    expect((await run(stream)).error).toBeUndefined();
    expect((await fetchMockRequests(tag)).length).toBe(2);
  });

  it('ends the mock request normally after message_stop (not counted as an early close)', async () => {
    const tag = uniqueTag('normal-end');
    expect(
      (await run(llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, chunks: 2})}))).error,
    ).toBeUndefined();
    const record = await waitForMockRequest(tag, request => request.completed);
    expect(record.closedEarly).toBeFalse();
  });

  it('rejects a temperature above 1 with LlmInvalidRequestError before any request', async () => {
    const tag = uniqueTag('temperature');
    const {chunks, error} = await run(
      llm.stream({userPrompt: 'Hi', temperature: 1.2, headers: scenarioHeaders({tag})}),
    );
    expect(chunks).toEqual([]);
    expect(LlmInvalidRequestError.isInstance(error)).toBeTrue();
    expect((error as LlmInvalidRequestError).field).toBe('temperature');
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(await fetchMockRequests(tag)).toEqual([]);
  });

  it('works without an API key (for a proxy that adds it), sending a placeholder', async () => {
    const tag = uniqueTag('no-key');
    const keyless = createAnthropicLlm(MODEL, {baseURL: MOCK_PROVIDERS_URL});
    const {chunks, error} = await run(
      keyless.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, text: 'ok', chunks: 1})}),
    );
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('ok');
    expect((await fetchMockRequests(tag))[0].headers['authorization']).toBe('***');
  });
});

describe('anthropicProvider', () => {
  it('registers as "anthropic" for createLlm()', () => {
    const unregister = registerLlmProvider(anthropicProvider);
    try {
      const llm = createLlm('anthropic', 'claude-sonnet-4-6', {baseURL: MOCK_PROVIDERS_URL});
      expect(llm.provider).toBe('anthropic');
      expect(llm.model).toBe('claude-sonnet-4-6');
    } finally {
      unregister();
    }
  });

  it('rejects an empty model id and an invalid defaultMaxTokens at creation', () => {
    expect(() => createAnthropicLlm(' ')).toThrowMatching(error => LlmConfigurationError.isInstance(error));
    expect(() => createAnthropicLlm(MODEL, {defaultMaxTokens: 0})).toThrowMatching(error =>
      LlmConfigurationError.isInstance(error),
    );
  });
});
