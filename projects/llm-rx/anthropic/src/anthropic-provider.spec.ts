import {createLlm, LlmConfigurationError, LlmInvalidRequestError, registerLlmProvider} from 'llm-rx';
import {
  fetchMockRequests,
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  waitForMockRequest,
} from '@llm-rx/mock-providers';
import type {MockScenario} from '@llm-rx/mock-providers';
import {runStream, uniqueTag} from '@llm-rx/spec-support';
import {anthropicProvider, createAnthropicLlm} from './anthropic-provider';

// Runs against the mock provider server (node --import tsx projects/mock-providers/src/main.ts), in Node and Chromium.
const MODEL = 'claude-haiku-4-5';

/** The scenario header of a request. */
function scenarioHeaders(scenario: MockScenario): Record<string, string> {
  return {[MOCK_SCENARIO_HEADER]: mockScenario(scenario)};
}

describe('createAnthropicLlm against the mock server', () => {
  const llm = createAnthropicLlm(MODEL, {apiKey: 'sk-ant-test-key-0001', baseURL: MOCK_PROVIDERS_URL});

  it('sends the Messages API body and headers, with options and per-request headers and providerOptions', async () => {
    const tag = uniqueTag('anthropic', 'request');
    const withHeaders = createAnthropicLlm(MODEL, {
      apiKey: 'sk-ant-test-key-0002',
      baseURL: MOCK_PROVIDERS_URL,
      headers: {'x-app': 'from-options'},
      defaultMaxTokens: 777,
    });
    const {error} = await runStream(
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

  it('ends the mock request normally after message_stop (not counted as an early close)', async () => {
    const tag = uniqueTag('anthropic', 'normal-end');
    expect(
      (await runStream(llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, chunks: 2})}))).error,
    ).toBeUndefined();
    const record = await waitForMockRequest(tag, request => request.completed);
    expect(record.closedEarly).toBeFalse();
  });

  it('rejects a temperature above 1 with LlmInvalidRequestError before any request', async () => {
    const tag = uniqueTag('anthropic', 'temperature');
    const {chunks, error} = await runStream(
      llm.stream({userPrompt: 'Hi', temperature: 1.2, headers: scenarioHeaders({tag})}),
    );
    expect(chunks).toEqual([]);
    expect(LlmInvalidRequestError.isInstance(error)).toBeTrue();
    expect((error as LlmInvalidRequestError).field).toBe('temperature');
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(await fetchMockRequests(tag)).toEqual([]);
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

  it('rejects an eagerInputStreaming that is not a boolean, naming the field', () => {
    expect(() => createAnthropicLlm(MODEL, {eagerInputStreaming: 'yes' as never})).toThrowMatching(
      error => LlmConfigurationError.isInstance(error) && error.field === 'eagerInputStreaming',
    );
    expect(() => createAnthropicLlm(MODEL, {eagerInputStreaming: false})).not.toThrow();
  });
});
