import {createLlm, LlmConfigurationError, LlmProviderError, PLACEHOLDER_API_KEY, registerLlmProvider} from 'llm-rx';
import type {OpenAiOptions} from './openai-options';
import {createOpenAiLlm, openAiProvider} from './openai-provider';
import {runStream} from '@llm-rx/spec-support';

function spyOnFetch(): jasmine.Spy<typeof fetch> {
  // The SDK captures fetch when the client is built, at the first subscription: spy before subscribing.
  return spyOn(globalThis, 'fetch').and.callFake(
    async () =>
      new Response(JSON.stringify({error: {message: 'Incorrect API key provided', type: 'invalid_request_error'}}), {
        status: 401,
        headers: {'content-type': 'application/json', 'x-request-id': 'req_spy'},
      }),
  );
}

describe('openAiProvider', () => {
  it('is named openai and creates models through createLlm()', () => {
    const unregister = registerLlmProvider(openAiProvider);
    try {
      const llm = createLlm('openai', 'gpt-5-mini', {apiKey: 'sk-x'});
      expect(llm.provider).toBe('openai');
      expect(llm.model).toBe('gpt-5-mini');
    } finally {
      unregister();
    }
  });

  it('rejects an empty model id and an unknown api flavour', () => {
    const isConfigurationError = (error: unknown) => LlmConfigurationError.isInstance(error);
    expect(() => createOpenAiLlm('')).toThrowMatching(isConfigurationError);
    expect(() => createOpenAiLlm('gpt-5-mini', {api: 'completions'} as unknown as OpenAiOptions)).toThrowMatching(
      isConfigurationError,
    );
  });

  it('calls the Responses API by default, once per subscription, with maxRetries 0', async () => {
    const fetchSpy = spyOnFetch();
    const stream = createOpenAiLlm('gpt-5-mini', {apiKey: 'sk-spy'}).stream({userPrompt: 'Hi'});
    expect(fetchSpy).not.toHaveBeenCalled();
    const outcome = await runStream(stream);
    // A 401 would be retried by the SDK's default of 2 retries... it is not: one call.
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(String(fetchSpy.calls.first().args[0])).toBe('https://api.openai.com/v1/responses');
    expect((outcome.error as LlmProviderError).requestId).toBe('req_spy');
  });

  it('sends a placeholder key without apiKey, for a proxy to replace', async () => {
    const fetchSpy = spyOnFetch();
    await runStream(createOpenAiLlm('gpt-5-mini', {baseURL: 'https://proxy.example/v1'}).stream({userPrompt: 'Hi'}));
    const [url, init] = fetchSpy.calls.first().args;
    expect(String(url)).toBe('https://proxy.example/v1/responses');
    expect(new Headers(init?.headers).get('authorization')).toBe(`Bearer ${PLACEHOLDER_API_KEY}`);
  });

  it('sends organization and project headers only when given', async () => {
    const fetchSpy = spyOnFetch();
    await runStream(
      createOpenAiLlm('gpt-5-mini', {apiKey: 'sk-x', organization: 'org_1', project: 'proj_1'}).stream({
        userPrompt: 'Hi',
      }),
    );
    await runStream(createOpenAiLlm('gpt-5-mini', {apiKey: 'sk-x'}).stream({userPrompt: 'Hi'}));
    const withIds = new Headers(fetchSpy.calls.argsFor(0)[1]?.headers);
    const without = new Headers(fetchSpy.calls.argsFor(1)[1]?.headers);
    expect(withIds.get('openai-organization')).toBe('org_1');
    expect(withIds.get('openai-project')).toBe('proj_1');
    expect(without.get('openai-organization')).toBeNull();
    expect(without.get('openai-project')).toBeNull();
  });
});
