import {cascade, collectResponse, LlmProviderError, type Llm, type LlmResponse} from 'llm-rx';
import {createAnthropicLlm} from 'llm-rx/anthropic';
import {createCohereLlm} from 'llm-rx/cohere';
import {createDeepSeekLlm} from 'llm-rx/deepseek';
import {createGeminiLlm} from 'llm-rx/gemini';
import {createOpenAiLlm} from 'llm-rx/openai';
import {
  fetchMockRequests,
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  type MockScenario,
} from '@llm-rx/mock-providers';
import {firstValueFrom} from 'rxjs';

/** Each provider's adapter pointed at the mock server, with a scenario of its own (cascade children differ). */
const PROVIDERS: Record<string, (scenario: MockScenario) => Llm> = {
  openai: scenario =>
    createOpenAiLlm('gpt-5-mini', {
      apiKey: 'sk-test-cascade',
      baseURL: `${MOCK_PROVIDERS_URL}/v1`,
      headers: headersOf(scenario),
    }),
  anthropic: scenario =>
    createAnthropicLlm('claude-haiku-4-5', {
      apiKey: 'sk-ant-test-cascade',
      baseURL: MOCK_PROVIDERS_URL,
      headers: headersOf(scenario),
    }),
  gemini: scenario =>
    createGeminiLlm('gemini-2.5-flash', {
      apiKey: 'AIza-test-cascade',
      baseURL: MOCK_PROVIDERS_URL,
      headers: headersOf(scenario),
    }),
  deepseek: scenario =>
    createDeepSeekLlm('deepseek-chat', {
      apiKey: 'sk-test-cascade',
      baseURL: `${MOCK_PROVIDERS_URL}/deepseek`,
      headers: headersOf(scenario),
    }),
  cohere: scenario =>
    createCohereLlm('command-a-03-2025', {
      apiKey: 'co-test-cascade',
      baseURL: MOCK_PROVIDERS_URL,
      headers: headersOf(scenario),
    }),
};

function headersOf(scenario: MockScenario): Record<string, string> {
  return {[MOCK_SCENARIO_HEADER]: mockScenario(scenario)};
}

describe('cascade across real providers (mock server)', () => {
  const names = Object.keys(PROVIDERS);
  const run = Date.now().toString(36);

  for (const failing of names) {
    for (const answering of names.filter(name => name !== failing)) {
      it(`fails over from ${failing} (529 before content) to ${answering}`, async () => {
        const tag = `cascade-${run}-${failing}-${answering}`;
        const llm = cascade([
          PROVIDERS[failing]({tag: `${tag}-first`, status: 529}),
          PROVIDERS[answering]({tag: `${tag}-second`, text: `answer from ${answering}`, chunks: 3}),
        ]);

        const response: LlmResponse = await firstValueFrom(llm.stream({userPrompt: 'Hi'}).pipe(collectResponse()));

        expect(response.content).toBe(`answer from ${answering}`);
        expect(response.usage.provider).toBe(answering);
        expect(response.usage.attempts.map(attempt => [attempt.provider, attempt.outcome])).toEqual([
          [failing, 'error'],
          [answering, 'ok'],
        ]);
        const failure = response.usage.attempts[0].error as LlmProviderError;
        expect(LlmProviderError.isInstance(failure)).toBeTrue();
        expect(failure.statusCode).toBe(529);
        expect((await fetchMockRequests(`${tag}-first`)).length).toBe(1);
        expect((await fetchMockRequests(`${tag}-second`)).length).toBe(1);
      });
    }
  }

  it('does not fail over after content: a mid-stream error reaches the subscriber with the text so far', async () => {
    const tag = `cascade-${run}-mid-stream`;
    const texts: string[] = [];
    let failure: unknown;
    await new Promise<void>(resolve =>
      cascade([
        PROVIDERS['anthropic']({tag: `${tag}-first`, chunks: 4, errorAfter: 2}),
        PROVIDERS['openai']({tag: `${tag}-second`}),
      ])
        .stream({userPrompt: 'Hi'})
        .subscribe({
          next: chunk => chunk.type === 'text-delta' && texts.push(chunk.text),
          error: error => {
            failure = error;
            resolve();
          },
          complete: resolve,
        }),
    );
    expect(texts.join('')).toBe('w1 w2');
    expect(LlmProviderError.isInstance(failure)).toBeTrue();
    expect((await fetchMockRequests(`${tag}-second`)).length).toBe(0);
  });
});
