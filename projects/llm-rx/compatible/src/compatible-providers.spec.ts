import {createLlm, type LlmChunk, LlmProviderError, type LlmUsage, registerLlmProvider} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
// The scenario helpers shared by every adapter; a spec-only import, never built into a package.
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {
  DEEPINFRA_PRESET,
  FIREWORKS_PRESET,
  GROQ_PRESET,
  LM_STUDIO_PRESET,
  MISTRAL_PRESET,
  MOONSHOT_PRESET,
  OLLAMA_PRESET,
  OPENROUTER_PRESET,
  TOGETHER_PRESET,
  XAI_PRESET,
} from './compatible-presets';
import {
  deepInfraProvider,
  fireworksProvider,
  groqProvider,
  lmStudioProvider,
  mistralProvider,
  moonshotProvider,
  ollamaProvider,
  openRouterProvider,
  togetherProvider,
  xaiProvider,
} from './compatible-providers';
import {defineOpenAiCompatibleProvider} from './define-openai-compatible-provider';
import type {LlmCompatiblePreset} from './llm-compatible-preset';

const API_KEY = 'sk-b16-compatible-secret-0000';

/** Each preset, its provider, and the mock route mirroring its real path. */
const CASES = [
  {preset: GROQ_PRESET, provider: groqProvider, path: '/groq/openai/v1/chat/completions'},
  {preset: TOGETHER_PRESET, provider: togetherProvider, path: '/together/v1/chat/completions'},
  {preset: FIREWORKS_PRESET, provider: fireworksProvider, path: '/fireworks/inference/v1/chat/completions'},
  {preset: OPENROUTER_PRESET, provider: openRouterProvider, path: '/openrouter/api/v1/chat/completions'},
  {preset: DEEPINFRA_PRESET, provider: deepInfraProvider, path: '/deepinfra/v1/openai/chat/completions'},
  {preset: MISTRAL_PRESET, provider: mistralProvider, path: '/mistral/v1/chat/completions'},
  {preset: XAI_PRESET, provider: xaiProvider, path: '/xai/v1/chat/completions'},
  {preset: MOONSHOT_PRESET, provider: moonshotProvider, path: '/moonshot/v1/chat/completions'},
  {preset: OLLAMA_PRESET, provider: ollamaProvider, path: '/ollama/v1/chat/completions'},
  {preset: LM_STUDIO_PRESET, provider: lmStudioProvider, path: '/lmstudio/v1/chat/completions'},
] as const;

/**
 * Each example model's cost for 1000 input and 500 output tokens, from the dataset's prices per million
 * (`compatible-prices.generated.ts`); DeepInfra has none (null).
 */
const EXPECTED_COSTS: Record<string, number | null> = {
  groq: (1000 * 0.59 + 500 * 0.79) / 1e6,
  together: (1000 * 0.88 + 500 * 0.88) / 1e6,
  fireworks: (1000 * 0.22 + 500 * 0.88) / 1e6,
  openrouter: (1000 * 0.15 + 500 * 0.6) / 1e6,
  deepinfra: null,
  mistral: (1000 * 0.1 + 500 * 0.3) / 1e6,
  xai: (1000 * 3 + 500 * 15) / 1e6,
  moonshot: (1000 * 0.95 + 500 * 4) / 1e6,
  ollama: 0,
  lmstudio: 0,
};

/** The mock base URL of a route: everything before `/chat/completions`. */
function baseUrlOf(path: string): string {
  return MOCK_PROVIDERS_URL + path.slice(0, -'/chat/completions'.length);
}

function usageOf(chunks: readonly LlmChunk[]): LlmUsage | undefined {
  const last = chunks.at(-1);
  return last?.type === 'usage' ? last.usage : undefined;
}

function textOf(chunks: readonly LlmChunk[], type: 'text-delta' | 'reasoning-delta'): string {
  return chunks.map(chunk => (chunk.type === type ? chunk.text : '')).join('');
}

describe('llm-rx/compatible presets against the mock server', () => {
  for (const {preset, provider, path} of CASES) {
    describe(preset.label, () => {
      it(`streams through ${path} with the preset's request shape and reads its answer`, async () => {
        const tag = uniqueTag('b16-compatible', preset.name);
        const llm = provider.create(preset.exampleModel, {
          ...(!preset.local && {apiKey: API_KEY}),
          baseURL: baseUrlOf(path),
        });
        const outcome = await runStream(
          llm.stream(
            scenarioRequest(
              {tag, reasoning: 2, chunks: 2, text: 'Hello there.', inputTokens: 1000, outputTokens: 500},
              {maxTokens: 64},
            ),
          ),
        );
        expect(outcome.error).toBeUndefined();
        expect(outcome.completed).toBeTrue();
        const [record] = await fetchMockRequests(tag);
        expect(record.path).toBe(path);
        const body = record.body as Record<string, unknown>;
        expect(body['model']).toBe(preset.exampleModel);
        expect(body['max_tokens']).toBe(64);
        expect(body['max_completion_tokens']).toBeUndefined();
        if (preset.quirks.streamOptions) expect(body['stream_options']).toEqual({include_usage: true});
        else expect('stream_options' in body).toBeFalse();
        // A local server gets the placeholder, never a key of the caller's.
        expect(JSON.stringify(record.headers)).not.toContain(API_KEY);

        expect(textOf(outcome.chunks, 'text-delta')).toBe('Hello there.');
        const streamsReasoning = preset.quirks.reasoningField !== undefined;
        expect(textOf(outcome.chunks, 'reasoning-delta') !== '').toBe(streamsReasoning);
        const usage = usageOf(outcome.chunks);
        expect(usage?.provider).toBe(preset.name);
        expect(usage?.finishReason.unified).toBe('stop');
        if (preset === LM_STUDIO_PRESET) {
          // Its mock streams no usage: the call still finishes, with zero counts.
          expect(usage?.inputTokens).toBe(0);
        } else {
          expect(usage?.inputTokens).toBe(1000);
          expect(usage?.outputTokens).toBe(500);
        }
        // The dataset's price for the example model (1000 in, 500 out), 0 for a local model, null without a price.
        const expectedCost = EXPECTED_COSTS[preset.name];
        if (expectedCost === null) expect(usage?.totalCost).toBeNull();
        else expect(usage?.totalCost).toBeCloseTo(expectedCost, 12);
      });
    });
  }

  it('sends Mistral no stream_options, which its mock refuses with a 422 like the real service', async () => {
    const tag = uniqueTag('b16-compatible', 'mistral-refuses');
    const leaky = defineOpenAiCompatibleProvider({
      ...MISTRAL_PRESET,
      quirks: {...MISTRAL_PRESET.quirks, streamOptions: true},
    } satisfies LlmCompatiblePreset);
    const outcome = await runStream(
      leaky
        .create('mistral-small-latest', {apiKey: API_KEY, baseURL: baseUrlOf(CASES[5].path)})
        .stream(scenarioRequest({tag})),
    );
    expect(LlmProviderError.isInstance(outcome.error)).toBeTrue();
    expect((outcome.error as LlmProviderError).statusCode).toBe(422);
  });

  it('sends tools with the fields each service takes: no parallel_tool_calls or strict for Mistral', async () => {
    const request = (tag: string) =>
      scenarioRequest({tag}, {
        tools: [{name: 'lookup', description: 'Looks up.', inputSchema: {type: 'object', properties: {}}}],
        parallelToolCalls: false,
      } as never);
    const groqTag = uniqueTag('b16-compatible', 'groq-tools');
    const mistralTag = uniqueTag('b16-compatible', 'mistral-tools');
    await runStream(
      groqProvider
        .create('llama-3.3-70b-versatile', {apiKey: API_KEY, baseURL: baseUrlOf(CASES[0].path)})
        .stream(request(groqTag)),
    );
    await runStream(
      mistralProvider
        .create('mistral-small-latest', {apiKey: API_KEY, baseURL: baseUrlOf(CASES[5].path)})
        .stream(request(mistralTag)),
    );
    const [groq] = await fetchMockRequests(groqTag);
    const [mistral] = await fetchMockRequests(mistralTag);
    const groqBody = groq.body as {parallel_tool_calls?: boolean; tools: {function: Record<string, unknown>}[]};
    const mistralBody = mistral.body as {parallel_tool_calls?: boolean; tools: {function: Record<string, unknown>}[]};
    expect(groqBody.parallel_tool_calls).toBeFalse();
    expect(mistralBody.parallel_tool_calls).toBeUndefined();
    expect(mistralBody.tools[0].function['name']).toBe('lookup');
    expect('strict' in mistralBody.tools[0].function).toBeFalse();
    expect(mistral.status).toBe(200);
  });
});

describe('compatible providers by name', () => {
  it("createLlm('groq', 'llama-3.3-70b-versatile') works after registerLlmProvider(groqProvider)", () => {
    const unregister = registerLlmProvider(groqProvider);
    try {
      const llm = createLlm('groq', 'llama-3.3-70b-versatile', {apiKey: API_KEY});
      expect(llm.provider).toBe('groq');
      expect(llm.model).toBe('llama-3.3-70b-versatile');
    } finally {
      unregister();
    }
  });

  it("calls the preset's base URL by default", async () => {
    const fetchSpy = spyOn(globalThis, 'fetch').and.callFake(
      async () =>
        new Response(JSON.stringify({error: {message: 'Invalid API Key', type: 'invalid_request_error'}}), {
          status: 401,
          headers: {'content-type': 'application/json'},
        }),
    );
    const outcome = await runStream(
      groqProvider.create('llama-3.3-70b-versatile', {apiKey: API_KEY}).stream({userPrompt: 'Hi'}),
    );
    expect(String(fetchSpy.calls.first().args[0])).toBe('https://api.groq.com/openai/v1/chat/completions');
    expect((outcome.error as LlmProviderError).provider).toBe('groq');
  });
});
