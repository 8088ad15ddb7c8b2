import {LlmInvalidRequestError} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {describeMockServerMatrix, runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {createOpenAiLlm} from './openai-provider';

const API_KEY = 'sk-h6-responses-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/v1`;

describe('OpenAI Responses API against the mock server', () => {
  describeMockServerMatrix({
    label: 'h6-openai-responses',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    apiKey: API_KEY,
    create: options => createOpenAiLlm('gpt-4.1-mini', {...options, baseURL: BASE_URL}),
    streamsReasoning: true,
    reportsCacheWrites: true,
    responseIdPattern: /^resp_\w+$/,
  });

  it('sends input, instructions, sampling and provider options to POST /v1/responses', async () => {
    const tag = uniqueTag('h6-openai-responses', 'body');
    const llm = createOpenAiLlm('gpt-5-mini', {apiKey: API_KEY, baseURL: BASE_URL});
    const outcome = await runStream(
      llm.stream(
        scenarioRequest(
          {tag},
          {
            systemPrompt: 'Be brief.',
            temperature: 0.3,
            topP: 0.9,
            maxTokens: 200,
            providerOptions: {openai: {reasoning: {effort: 'low'}}, deepseek: {ignored: true}},
          },
        ),
      ),
    );
    expect(outcome.completed).toBeTrue();
    const [record] = await fetchMockRequests(tag);
    expect(record.wire).toBe('openai-responses');
    expect(record.path).toBe('/v1/responses');
    expect(record.body).toEqual({
      input: [{role: 'user', content: 'Say hello.'}],
      instructions: 'Be brief.',
      temperature: 0.3,
      top_p: 0.9,
      max_output_tokens: 200,
      reasoning: {effort: 'low'},
      model: 'gpt-5-mini',
      stream: true,
    });
  });

  it('rejects stop sequences before sending anything', async () => {
    const tag = uniqueTag('h6-openai-responses', 'stop');
    const llm = createOpenAiLlm('gpt-4.1-mini', {apiKey: API_KEY, baseURL: BASE_URL});
    const outcome = await runStream(llm.stream(scenarioRequest({tag}, {stopSequences: ['END']})));
    expect(LlmInvalidRequestError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect(await fetchMockRequests(tag)).toEqual([]);
  });
});
