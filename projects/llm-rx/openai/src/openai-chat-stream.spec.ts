import {LlmPriceTable} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {describeMockServerMatrix, runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {createOpenAiLlm} from './openai-provider';

const API_KEY = 'sk-h6-chat-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/v1`;

describe('OpenAI Chat Completions against the mock server', () => {
  describeMockServerMatrix({
    label: 'h6-openai-chat',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    apiKey: API_KEY,
    create: options => createOpenAiLlm('gpt-4.1-mini', {...options, api: 'chat', baseURL: BASE_URL}),
    // OpenAI's Chat Completions never streams reasoning; it only counts it.
    streamsReasoning: false,
    reportsCacheWrites: true,
    responseIdPattern: /^chatcmpl-\w+$/,
  });

  it('sends messages, sampling, usage reporting and provider options to POST /v1/chat/completions', async () => {
    const tag = uniqueTag('h6-openai-chat', 'body');
    const llm = createOpenAiLlm('gpt-4.1-mini', {api: 'chat', apiKey: API_KEY, baseURL: BASE_URL});
    const outcome = await runStream(
      llm.stream(
        scenarioRequest(
          {tag},
          {
            systemPrompt: 'Be brief.',
            temperature: 0.3,
            topP: 0.9,
            maxTokens: 200,
            stopSequences: ['END'],
            providerOptions: {openai: {seed: 7}},
          },
        ),
      ),
    );
    expect(outcome.completed).toBeTrue();
    const [record] = await fetchMockRequests(tag);
    expect(record.wire).toBe('openai-chat');
    expect(record.path).toBe('/v1/chat/completions');
    expect(record.body).toEqual({
      messages: [
        {role: 'system', content: 'Be brief.'},
        {role: 'user', content: 'Say hello.'},
      ],
      temperature: 0.3,
      top_p: 0.9,
      max_completion_tokens: 200,
      stop: ['END'],
      seed: 7,
      model: 'gpt-4.1-mini',
      stream: true,
      stream_options: {include_usage: true},
    });
  });

  it('names a compatible service after providerName, prices it under that name and sends max_tokens', async () => {
    const tag = uniqueTag('h6-openai-chat', 'compat');
    const llm = createOpenAiLlm('llama-3.3-70b', {
      api: 'chat',
      providerName: 'groq',
      apiKey: API_KEY,
      baseURL: BASE_URL,
      priceTable: LlmPriceTable.default.withPrices('groq', {
        'llama-3.3-70b': {inputPerMillion: 1, outputPerMillion: 2},
      }),
    });
    expect(llm.provider).toBe('groq');
    const outcome = await runStream(
      llm.stream(
        scenarioRequest(
          {tag, inputTokens: 1000, outputTokens: 500},
          {maxTokens: 20, providerOptions: {groq: {seed: 1}, openai: {seed: 2}}},
        ),
      ),
    );
    expect(outcome.completed).toBeTrue();
    const last = outcome.chunks[outcome.chunks.length - 1];
    const usage = last.type === 'usage' ? last.usage : undefined;
    expect(usage?.provider).toBe('groq');
    expect(usage?.totalCost).toBeCloseTo((1000 * 1 + 500 * 2) / 1e6, 12);
    const [record] = await fetchMockRequests(tag);
    const body = record.body as Record<string, unknown>;
    expect(body['max_tokens']).toBe(20);
    expect(body['max_completion_tokens']).toBeUndefined();
    expect(body['seed']).toBe(1);
  });
});
