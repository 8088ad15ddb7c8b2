/*
 * Images on every wire: a user message of text and images (a Blob, a base64 data: URL and an https URL) sent
 * through each provider adapter's real SDK to the mock provider server, and the request body the server received
 * checked against that provider's image format; then images a provider does not take, refused before any request.
 */
import type {LlmImageInputProblem, LlmUserContent} from 'llm-rx';
import {fetchMockRequests} from '@llm-rx/mock-providers';
import {runStream, uniqueTag} from '@llm-rx/spec-support';
import {PROVIDER_TARGETS, type ProviderTarget} from './bad-input-targets';
import {
  IMAGE_URL,
  imagePart,
  imageRequest,
  PNG_BASE64,
  PNG_DATA_URL,
  pngBlob,
  refusedImageInput,
} from './image-fixtures';

/** Each provider's largest single image, as its adapter declares it (the providers' own documented limits). */
const MAX_IMAGE_BYTES: Readonly<Record<ProviderTarget['family'], number>> = {
  openai: 50_000_000,
  deepseek: 50_000_000,
  anthropic: 5 * 1024 * 1024,
  gemini: 20_000_000,
  cohere: 20_000_000,
};

/** What each wire must carry for the text, the two byte images and the URL, in that order. */
const EXPECTED_PARTS: Readonly<Record<string, (text: string) => unknown[]>> = {
  'openai-responses': text => [
    {type: 'input_text', text},
    {type: 'input_image', image_url: PNG_DATA_URL, detail: 'auto'},
    {type: 'input_image', image_url: PNG_DATA_URL, detail: 'auto'},
    {type: 'input_image', image_url: IMAGE_URL, detail: 'auto'},
  ],
  'openai-chat': text => chatParts(text),
  deepseek: text => chatParts(text),
  anthropic: text => [
    {type: 'text', text},
    {type: 'image', source: {type: 'base64', media_type: 'image/png', data: PNG_BASE64}},
    {type: 'image', source: {type: 'base64', media_type: 'image/png', data: PNG_BASE64}},
    {type: 'image', source: {type: 'url', url: IMAGE_URL}},
  ],
  gemini: text => [
    {text},
    {inlineData: {mimeType: 'image/png', data: PNG_BASE64}},
    {inlineData: {mimeType: 'image/png', data: PNG_BASE64}},
    {fileData: {fileUri: IMAGE_URL, mimeType: 'image/png'}},
  ],
  // The SDK writes its camelCase `imageUrl` as the wire's `image_url`.
  cohere: text => chatParts(text),
};

function chatParts(text: string): unknown[] {
  return [
    {type: 'text', text},
    {type: 'image_url', image_url: {url: PNG_DATA_URL}},
    {type: 'image_url', image_url: {url: PNG_DATA_URL}},
    {type: 'image_url', image_url: {url: IMAGE_URL}},
  ];
}

/** Where each wire puts the first user message's content in its body. */
function sentUserContent(label: string, body: unknown): unknown {
  const fields = body as Record<string, {role?: string; content?: unknown; parts?: unknown}[]>;
  if (label === 'openai-responses') return fields['input'].find(item => item.role === 'user')?.content;
  if (label === 'gemini') return fields['contents'].find(item => item.role === 'user')?.parts;
  return fields['messages'].find(item => item.role === 'user')?.content;
}

describe('image input on every wire', () => {
  for (const target of PROVIDER_TARGETS) {
    describe(target.label, () => {
      it("sends text, a Blob, a data: URL and a URL in the wire's image format, and streams the answer", async () => {
        const tag = uniqueTag('image-input', target.label);
        const text = `What do these show? (${tag})`;
        const content: LlmUserContent = [
          {type: 'text', text},
          imagePart(pngBlob()),
          imagePart(PNG_DATA_URL),
          imagePart(IMAGE_URL),
        ];
        const llm = target.create(target.model, target.baseOptions);
        const {chunks, error} = await runStream(llm.stream(imageRequest(tag, content)));

        expect(error).toBeUndefined();
        expect(chunks.some(chunk => chunk.type === 'text-delta')).toBeTrue();
        expect(chunks[chunks.length - 1].type).toBe('usage');
        const [record] = await fetchMockRequests(tag);
        expect(record).withContext('the mock server recorded the request').toBeDefined();
        expect(sentUserContent(target.label, record.body)).toEqual(EXPECTED_PARTS[target.label](text));
      });

      const refusals: [string, () => LlmUserContent, LlmImageInputProblem, RegExp][] = [
        [
          'a media type it does not take',
          () => [imagePart(new Blob([new Uint8Array(8)], {type: 'image/bmp'}))],
          'media-type-not-taken',
          /image\/bmp/,
        ],
        [
          'an image over its size limit',
          () => [imagePart(new Blob([new Uint8Array(MAX_IMAGE_BYTES[target.family] + 1)], {type: 'image/png'}))],
          'image-too-large',
          /Scale it down/,
        ],
        [
          'bytes of unknown media type',
          () => [imagePart(new Blob([new Uint8Array(8)]))],
          'media-type-unknown',
          /set messages\[0\]\.content\[0\]\.mediaType/,
        ],
      ];
      for (const [what, contentOf, problem, message] of refusals) {
        it(`refuses ${what} with a typed error, before any request or attempt`, async () => {
          const llm = target.create(target.model, target.baseOptions);
          const refusal = await refusedImageInput(llm, target.label, contentOf());

          expect(refusal.field).toBe('messages');
          expect([refusal.problem, refusal.at]).toEqual([problem, 'messages[0].content[0]']);
          expect(refusal.message).toMatch(message);
        });
      }
    });
  }
});
