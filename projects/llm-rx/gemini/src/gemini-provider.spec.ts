import {createLlm, LlmConfigurationError, registerLlmProvider, type LlmRequest} from 'llm-rx';
import {
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  waitForMockRequest,
  type MockScenario,
} from '@llm-rx/mock-providers';
import {describeMockServerMatrix, runStream, uniqueTag} from '@llm-rx/spec-support';
import type {GeminiOptions} from './gemini-options';
import {createGeminiLlm, geminiProvider} from './gemini-provider';

// Specs of the real @google/genai SDK against the mock provider server (projects/mock-providers, port 4010): the
// behaviour all adapters share runs from the shared matrix, what is Gemini's own stays here.

const LABEL = 'gemini';
const MODEL = 'gemini-2.5-flash';
const API_KEY = 'AIza-llm-rx-spec-secret-0123456789';

function llm(options: GeminiOptions = {}) {
  return createGeminiLlm(MODEL, {apiKey: API_KEY, baseURL: MOCK_PROVIDERS_URL, ...options});
}

function requestFor(scenario: MockScenario, request: LlmRequest = {userPrompt: 'Hi'}): LlmRequest {
  return {...request, headers: {...request.headers, [MOCK_SCENARIO_HEADER]: mockScenario(scenario)}};
}

describe('createGeminiLlm against the mock provider server', () => {
  describeMockServerMatrix({
    label: LABEL,
    provider: 'gemini',
    model: MODEL,
    apiKey: API_KEY,
    create: options => createGeminiLlm(MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
    streamsReasoning: true,
    reportsCacheWrites: false,
    // Gemini errors carry no headers: the 429 delay comes from the RetryInfo in the body, and there is no request id.
    reportsRequestId: false,
    apiKeyHeader: 'x-goog-api-key',
    // An error in the stream is a retryable 500.
    midStreamStatusCode: 500,
    midStreamMessage: 'in its stream',
    rawFinishReasons: {stop: 'STOP', length: 'MAX_TOKENS', contentFilter: 'SAFETY'},
    // Gemini's response ids carry no prefix.
    responseIdPattern: /^[\w-]{8,}$/,
  });

  it('sends the system prompt, conversation, sampling and headers as the Gemini API expects', async () => {
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
    expect(record.wire).toBe('gemini');
    expect(record.path).toContain(`/models/${MODEL}:streamGenerateContent`);
    expect(record.headers['x-goog-api-key']).toBe('***');
    expect(record.headers['x-per-llm']).toBe('l1');
    expect(record.headers['x-per-request']).toBe('r1');
    expect(record.body).toEqual(
      jasmine.objectContaining({
        contents: [
          {role: 'user', parts: [{text: 'Hi'}]},
          {role: 'model', parts: [{text: 'Hello!'}]},
          {role: 'user', parts: [{text: 'Bye'}]},
        ],
        systemInstruction: jasmine.objectContaining({parts: [{text: 'Be brief.'}]}),
        generationConfig: jasmine.objectContaining({
          temperature: 0.4,
          topP: 0.8,
          maxOutputTokens: 128,
          stopSequences: ['END'],
        }),
      }),
    );
  });
});

describe('geminiProvider', () => {
  it('registers under "gemini" and creates Gemini models', () => {
    const unregister = registerLlmProvider(geminiProvider);
    try {
      const model = createLlm('gemini', MODEL, {apiKey: API_KEY});
      expect(model.provider).toBe('gemini');
      expect(model.model).toBe(MODEL);
    } finally {
      unregister();
    }
  });

  it('rejects an empty model id', () => {
    expect(() => createGeminiLlm(' ')).toThrowMatching(error => LlmConfigurationError.isInstance(error));
  });
});
