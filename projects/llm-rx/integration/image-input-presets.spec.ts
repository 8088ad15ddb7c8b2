/*
 * Images through every llm-rx/compatible preset: text, a Blob and (where the service fetches URLs) a URL, sent
 * through the real `openai` SDK to the mock of the service at its real path, the body checked as Chat Completions
 * parts; and what a preset does not take (a URL for a local server, any image for Moonshot, a type xAI refuses)
 * refused before any request or attempt.
 */
import type {LlmImageInputProblem, LlmUserContent} from 'llm-rx';
import {fetchMockRequests} from '@llm-rx/mock-providers';
import {runStream, uniqueTag} from '@llm-rx/spec-support';
import {COMPATIBLE_TARGETS, type CompatibleTarget} from './compatible-targets';
import {IMAGE_URL, imagePart, imageRequest, PNG_DATA_URL, pngBlob, refusedImageInput} from './image-fixtures';

function llmOf({preset, provider, mockBaseURL}: CompatibleTarget) {
  return provider.create(preset.exampleModel, {
    baseURL: mockBaseURL,
    ...(!preset.local && {apiKey: 'sk-test-image-presets'}),
  });
}

describe('image input through the compatible presets', () => {
  for (const target of COMPATIBLE_TARGETS) {
    const {preset} = target;
    const imageInput = preset.imageInput;
    if (imageInput === undefined) {
      it(`${preset.name}: refuses any image before any request (it takes none)`, async () => {
        const refusal = await refusedImageInput(llmOf(target), preset.name, [imagePart(pngBlob())]);
        expect(refusal.problem).toBe('no-images');
      });
      continue;
    }

    it(`${preset.name}: sends text and images as image_url parts${imageInput.urls ? ', a URL as it is' : ''}`, async () => {
      const tag = uniqueTag('image-presets', preset.name);
      const text = `What is this? (${tag})`;
      const content: LlmUserContent = [
        {type: 'text', text},
        imagePart(pngBlob()),
        ...(imageInput.urls ? [imagePart(IMAGE_URL)] : []),
      ];
      const outcome = await runStream(llmOf(target).stream(imageRequest(tag, content)));

      expect(outcome.chunks.at(-1)?.type).withContext(String(outcome.error)).toBe('usage');
      const [record] = await fetchMockRequests(tag);
      const messages = (record.body as {messages: {role: string; content: unknown}[]}).messages;
      expect(messages.find(message => message.role === 'user')?.content).toEqual([
        {type: 'text', text},
        {type: 'image_url', image_url: {url: PNG_DATA_URL}},
        ...(imageInput.urls ? [{type: 'image_url', image_url: {url: IMAGE_URL}}] : []),
      ]);
    });

    const refused: [string, LlmUserContent, LlmImageInputProblem][] = [];
    if (!imageInput.urls) refused.push(['a URL (it fetches none)', [imagePart(IMAGE_URL)], 'url-not-fetched']);
    if (!imageInput.mediaTypes.includes('image/webp')) {
      refused.push(['a WebP image', [imagePart(pngBlob('image/webp'))], 'media-type-not-taken']);
    }
    for (const [what, content, problem] of refused) {
      it(`${preset.name}: refuses ${what} before any request or attempt`, async () => {
        expect((await refusedImageInput(llmOf(target), preset.name, content)).problem).toBe(problem);
      });
    }
  }
});
