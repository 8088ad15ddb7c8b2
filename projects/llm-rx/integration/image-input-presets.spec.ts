/*
 * Images through every llm-rx/compatible preset: text, a Blob and (where the service fetches URLs) a URL, sent
 * through the real `openai` SDK to the mock of the service at its real path, the body checked as Chat Completions
 * parts; and what a preset does not take (a URL for a local server, any image for Moonshot, a type xAI refuses)
 * refused before any request or attempt.
 */
import {firstValueFrom, toArray} from 'rxjs';
import {LlmImageInputError, type LlmImageInputProblem, type LlmRequest, type LlmUserContent} from 'llm-rx';
import {
  deepInfraProvider,
  fireworksProvider,
  groqProvider,
  LLM_COMPATIBLE_PRESETS,
  type LlmCompatiblePreset,
  lmStudioProvider,
  mistralProvider,
  moonshotProvider,
  ollamaProvider,
  openRouterProvider,
  togetherProvider,
  xaiProvider,
} from 'llm-rx/compatible';
import {fetchMockRequests, MOCK_PROVIDERS_URL, MOCK_SCENARIO_HEADER, mockScenario} from '@llm-rx/mock-providers';

const PROVIDERS = {
  groq: groqProvider,
  together: togetherProvider,
  fireworks: fireworksProvider,
  openrouter: openRouterProvider,
  deepinfra: deepInfraProvider,
  mistral: mistralProvider,
  xai: xaiProvider,
  moonshot: moonshotProvider,
  ollama: ollamaProvider,
  lmstudio: lmStudioProvider,
};

/** A 1×1 transparent PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const IMAGE_URL = 'https://images.example.com/receipt.png';
const RUN = `image-presets-${Date.now().toString(36)}`;
let sequence = 0;

function pngBlob(type = 'image/png'): Blob {
  return new Blob([Uint8Array.from(atob(PNG_BASE64), character => character.charCodeAt(0))], {type});
}

function taggedRequest(tag: string, content: LlmUserContent, onAttempt?: LlmRequest['onAttempt']): LlmRequest {
  return {
    messages: [{role: 'user', content}],
    headers: {[MOCK_SCENARIO_HEADER]: mockScenario({tag, chunks: 2})},
    ...(onAttempt && {onAttempt}),
  };
}

function llmOf(preset: LlmCompatiblePreset) {
  const mockBaseURL = `${MOCK_PROVIDERS_URL}/${preset.name}${new URL(preset.baseURL).pathname}`;
  return PROVIDERS[preset.name as keyof typeof PROVIDERS].create(preset.exampleModel, {
    baseURL: mockBaseURL,
    ...(!preset.local && {apiKey: 'sk-test-image-presets'}),
  });
}

async function refusalOf(preset: LlmCompatiblePreset, content: LlmUserContent) {
  const tag = `${RUN}-${sequence++}-${preset.name}-refused`;
  const onAttempt = jasmine.createSpy('onAttempt');
  const failure = await firstValueFrom(llmOf(preset).stream(taggedRequest(tag, content, onAttempt))).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(onAttempt).not.toHaveBeenCalled();
  await new Promise(resolve => setTimeout(resolve, 20));
  expect(await fetchMockRequests(tag)).toEqual([]);
  expect(LlmImageInputError.isInstance(failure)).withContext(String(failure)).toBeTrue();
  return (failure as LlmImageInputError).problem;
}

describe('image input through the compatible presets', () => {
  it('covers every preset', () => {
    expect(LLM_COMPATIBLE_PRESETS.map(preset => preset.name).sort()).toEqual(Object.keys(PROVIDERS).sort());
  });

  for (const preset of LLM_COMPATIBLE_PRESETS) {
    const imageInput = preset.imageInput;
    if (imageInput === undefined) {
      it(`${preset.name}: refuses any image before any request (it takes none)`, async () => {
        expect(await refusalOf(preset, [{type: 'text', text: 'Hi'}, imagePart(pngBlob())])).toBe('no-images');
      });
      continue;
    }

    it(`${preset.name}: sends text and images as image_url parts${imageInput.urls ? ', a URL as it is' : ''}`, async () => {
      const tag = `${RUN}-${sequence++}-${preset.name}`;
      const text = `What is this? (${tag})`;
      const content: LlmUserContent = [
        {type: 'text', text},
        imagePart(pngBlob()),
        ...(imageInput.urls ? [imagePart(IMAGE_URL)] : []),
      ];
      const chunks = await firstValueFrom(llmOf(preset).stream(taggedRequest(tag, content)).pipe(toArray()));

      expect(chunks[chunks.length - 1].type).toBe('usage');
      const [record] = await fetchMockRequests(tag);
      const messages = (record.body as {messages: {role: string; content: unknown}[]}).messages;
      expect(messages.find(message => message.role === 'user')?.content).toEqual([
        {type: 'text', text},
        {type: 'image_url', image_url: {url: `data:image/png;base64,${PNG_BASE64}`}},
        ...(imageInput.urls ? [{type: 'image_url', image_url: {url: IMAGE_URL}}] : []),
      ]);
    });

    const refused: [string, LlmUserContent, LlmImageInputProblem][] = [
      ...(imageInput.urls
        ? []
        : [
            ['a URL (it fetches none)', [imagePart(IMAGE_URL)], 'url-not-fetched'] as [
              string,
              LlmUserContent,
              LlmImageInputProblem,
            ],
          ]),
      ...(imageInput.mediaTypes.includes('image/webp')
        ? []
        : [
            ['a WebP image', [imagePart(pngBlob('image/webp'))], 'media-type-not-taken'] as [
              string,
              LlmUserContent,
              LlmImageInputProblem,
            ],
          ]),
    ];
    for (const [what, content, problem] of refused) {
      it(`${preset.name}: refuses ${what} before any request or attempt`, async () => {
        expect(await refusalOf(preset, content)).toBe(problem);
      });
    }
  }
});

function imagePart(image: string | Blob): {type: 'image'; image: string | Blob} {
  return {type: 'image', image};
}
