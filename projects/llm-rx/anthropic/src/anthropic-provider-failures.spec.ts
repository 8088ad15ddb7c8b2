import {LlmProviderError} from 'llm-rx';
import {MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {describeMockServerMatrix, runStream} from '@llm-rx/spec-support';
import {createAnthropicLlm} from './anthropic-provider';

// Failure paths, and the behaviour all adapters share, against the mock provider server (node --import tsx
// projects/mock-providers/src/main.ts), in Node and Chromium.
const MODEL = 'claude-haiku-4-5';
const API_KEY = 'sk-ant-api03-very-secret-key-4242';

describe('createAnthropicLlm failures against the mock server', () => {
  describeMockServerMatrix({
    label: 'anthropic',
    provider: 'anthropic',
    model: MODEL,
    apiKey: API_KEY,
    create: options => createAnthropicLlm(MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
    streamsReasoning: true,
    reportsCacheWrites: true,
    errorBody: jasmine.objectContaining({type: 'error'}),
    // The mock's in-stream error is an overloaded_error: it has HTTP 529's status, and like it is not retried.
    midStreamStatusCode: 529,
    midStreamIsRetryable: false,
    midStreamMessage: 'overloaded_error',
    rawFinishReasons: {stop: 'end_turn', length: 'max_tokens', contentFilter: 'refusal'},
    responseIdPattern: /^msg_\w+$/,
  });

  it('maps a refused connection (nothing listening) to a retryable error', async () => {
    const unreachable = createAnthropicLlm(MODEL, {apiKey: API_KEY, baseURL: 'http://127.0.0.1:9'});
    const {error} = await runStream(unreachable.stream({userPrompt: 'Hi'}));
    expect(LlmProviderError.isInstance(error)).withContext(String(error)).toBeTrue();
    expect((error as LlmProviderError).isRetryable).toBeTrue();
    expect((error as Error).message).not.toContain(API_KEY);
  });
});
