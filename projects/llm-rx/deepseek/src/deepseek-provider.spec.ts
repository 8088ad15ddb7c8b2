import {createLlm, LlmConfigurationError, LlmProviderError, registerLlmProvider} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
// The matrix shared by every adapter; a spec-only import, never built into a package.
import {describeMockServerMatrix, runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {createDeepSeekLlm, deepSeekProvider} from './deepseek-provider';

const API_KEY = 'sk-h6-deepseek-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/deepseek`;

describe('DeepSeek against the mock server', () => {
  describeMockServerMatrix({
    label: 'h6-deepseek',
    provider: 'deepseek',
    model: 'deepseek-reasoner',
    apiKey: API_KEY,
    create: options => createDeepSeekLlm('deepseek-reasoner', {...options, baseURL: BASE_URL}),
    streamsReasoning: true,
    // DeepSeek's cache has no write charge and reports none.
    reportsCacheWrites: false,
    responseIdPattern: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  });

  it('streams reasoning_content as reasoning deltas before the answer', async () => {
    const tag = uniqueTag('h6-deepseek', 'reasoning');
    const outcome = await runStream(
      createDeepSeekLlm('deepseek-reasoner', {apiKey: API_KEY, baseURL: BASE_URL}).stream(
        scenarioRequest({tag, reasoning: 3, chunks: 2, text: 'The answer.'}),
      ),
    );
    expect(outcome.completed).toBeTrue();
    expect(outcome.chunks.map(chunk => chunk.type)).toEqual([
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-delta',
      'text-delta',
      'text-delta',
      'usage',
    ]);
    const usage = outcome.chunks[5].type === 'usage' ? outcome.chunks[5].usage : undefined;
    expect(usage?.reasoningTokens).toBe(3);
  });

  it('sends messages, max_tokens and deepseek provider options to POST /deepseek/chat/completions', async () => {
    const tag = uniqueTag('h6-deepseek', 'body');
    const outcome = await runStream(
      createDeepSeekLlm('deepseek-chat', {apiKey: API_KEY, baseURL: BASE_URL}).stream(
        scenarioRequest(
          {tag},
          {
            systemPrompt: 'Be brief.',
            maxTokens: 50,
            temperature: 1.2,
            providerOptions: {deepseek: {frequency_penalty: 0.5}},
          },
        ),
      ),
    );
    expect(outcome.completed).toBeTrue();
    const [record] = await fetchMockRequests(tag);
    expect(record.wire).toBe('deepseek');
    expect(record.path).toBe('/deepseek/chat/completions');
    expect(record.body).toEqual({
      messages: [
        {role: 'system', content: 'Be brief.'},
        {role: 'user', content: 'Say hello.'},
      ],
      temperature: 1.2,
      max_tokens: 50,
      frequency_penalty: 0.5,
      model: 'deepseek-chat',
      stream: true,
      stream_options: {include_usage: true},
    });
  });
});

describe('deepSeekProvider', () => {
  it('is named deepseek and creates models through createLlm()', () => {
    const unregister = registerLlmProvider(deepSeekProvider);
    try {
      const llm = createLlm('deepseek', 'deepseek-chat', {apiKey: API_KEY});
      expect(llm.provider).toBe('deepseek');
      expect(llm.model).toBe('deepseek-chat');
    } finally {
      unregister();
    }
  });

  it('rejects an empty model id', () => {
    expect(() => createDeepSeekLlm(' ')).toThrowMatching(error => LlmConfigurationError.isInstance(error));
  });

  it('calls https://api.deepseek.com/chat/completions by default', async () => {
    // The SDK captures fetch when the client is built, at the first subscription: spy before subscribing.
    const fetchSpy = spyOn(globalThis, 'fetch').and.callFake(
      async () =>
        new Response(JSON.stringify({error: {message: 'Authentication Fails', type: 'authentication_error'}}), {
          status: 401,
          headers: {'content-type': 'application/json'},
        }),
    );
    const outcome = await runStream(createDeepSeekLlm('deepseek-chat', {apiKey: API_KEY}).stream({userPrompt: 'Hi'}));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(String(fetchSpy.calls.first().args[0])).toBe('https://api.deepseek.com/chat/completions');
    expect(LlmProviderError.isInstance(outcome.error)).toBeTrue();
    expect((outcome.error as LlmProviderError).statusCode).toBe(401);
    expect((outcome.error as LlmProviderError).provider).toBe('deepseek');
  });
});
