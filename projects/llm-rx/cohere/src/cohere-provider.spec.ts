import {createLlm, LlmConfigurationError, LlmProviderError, registerLlmProvider, type LlmRequest} from 'llm-rx';
import {
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  waitForMockRequest,
  type MockScenario,
} from '@llm-rx/mock-providers';
import {describeMockServerMatrix, runStream, uniqueTag} from '@llm-rx/spec-support';
import type {CohereOptions} from './cohere-options';
import {createCohereLlm, cohereProvider} from './cohere-provider';

// Specs of the real cohere-ai SDK against the mock provider server (projects/mock-providers, port 4010): the
// behaviour all adapters share runs from the shared matrix, what is Cohere's own stays here.

const LABEL = 'cohere';
const MODEL = 'command-a-03-2025';
const API_KEY = 'co-llm-rx-spec-secret-0123456789';

function llm(options: CohereOptions = {}) {
  return createCohereLlm(MODEL, {apiKey: API_KEY, baseURL: MOCK_PROVIDERS_URL, ...options});
}

function requestFor(scenario: MockScenario, request: LlmRequest = {userPrompt: 'Hi'}): LlmRequest {
  return {...request, headers: {...request.headers, [MOCK_SCENARIO_HEADER]: mockScenario(scenario)}};
}

describe('createCohereLlm against the mock provider server', () => {
  describeMockServerMatrix({
    label: LABEL,
    provider: 'cohere',
    model: MODEL,
    apiKey: API_KEY,
    create: options => createCohereLlm(MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
    streamsReasoning: true,
    reportsCacheWrites: false,
    // Billed units carry no reasoning count (the mock inflates `tokens` by a hidden prompt template, as Cohere does).
    reportsReasoningTokens: false,
    // Cohere has no content-filter finish reason.
    reportsContentFilter: false,
    // An in-band ERROR finish, not an HTTP status.
    midStreamMessage: 'reported an error in its stream',
    rawFinishReasons: {stop: 'COMPLETE', length: 'MAX_TOKENS'},
    responseIdPattern: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    reportsResponseModel: false,
  });

  it('sends the system prompt, conversation, sampling and headers as the Cohere v2 API expects', async () => {
    const tag = uniqueTag(LABEL, 'request');
    const request: LlmRequest = {
      messages: [
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'user', content: 'Bye'},
      ],
      systemPrompt: 'Be brief.',
      temperature: 0.4,
      topP: 0.8,
      maxTokens: 128,
      stopSequences: ['END'],
      headers: {'x-per-request': 'r1'},
    };
    const outcome = await runStream(llm({headers: {'x-per-llm': 'l1'}}).stream(requestFor({tag}, request)));
    expect(outcome.error).toBeUndefined();

    const record = await waitForMockRequest(tag, candidate => candidate.completed);
    expect(record.wire).toBe('cohere');
    expect(record.path).toBe('/v2/chat');
    expect(record.headers['authorization']).toBe('***');
    expect(record.headers['x-per-llm']).toBe('l1');
    expect(record.headers['x-per-request']).toBe('r1');
    expect(record.body).toEqual(
      jasmine.objectContaining({
        model: MODEL,
        stream: true,
        messages: [
          {role: 'system', content: 'Be brief.'},
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello!'},
          {role: 'user', content: 'Bye'},
        ],
        temperature: 0.4,
        p: 0.8,
        max_tokens: 128,
        stop_sequences: ['END'],
      }),
    );
  });
});

describe('createCohereLlm before the response headers', () => {
  it('sends nothing when unsubscribed in the tick of the subscription', async () => {
    // Loaded first, so that the adapter's own load resolves at once and the SDK would be called in the wait below.
    await import('cohere-ai');
    const fetchSpy = spyOn(globalThis, 'fetch').and.callThrough();
    const subscription = llm()
      .stream(requestFor({tag: uniqueTag(LABEL, 'cancel-at-once'), headerDelay: 2000}))
      .subscribe();
    subscription.unsubscribe();
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('fails with a retryable "could not reach" error at a closed port', async () => {
    // Nothing listens on port 1: the fetch rejects, which createCohereFetch turns into a failing body.
    const outcome = await runStream(llm({baseURL: 'http://127.0.0.1:1'}).stream({userPrompt: 'Hi'}));
    expect(LlmProviderError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmProviderError).isRetryable).toBeTrue();
    expect((outcome.error as LlmProviderError).message).toContain('could not reach cohere');
  });
});

describe('cohereProvider', () => {
  it('registers under "cohere" and creates Cohere models', () => {
    const unregister = registerLlmProvider(cohereProvider);
    try {
      const model = createLlm('cohere', MODEL, {apiKey: API_KEY});
      expect(model.provider).toBe('cohere');
      expect(model.model).toBe(MODEL);
    } finally {
      unregister();
    }
  });

  it('rejects an empty model id', () => {
    expect(() => createCohereLlm(' ')).toThrowMatching(error => LlmConfigurationError.isInstance(error));
  });
});
