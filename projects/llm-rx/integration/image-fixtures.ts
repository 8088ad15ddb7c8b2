/*
 * What the image suites (image-input.spec.ts, image-input-presets.spec.ts) share: a tiny PNG in each form a request
 * takes, a request of image parts tagged for the mock server, and the check that a refused image reached neither
 * an attempt nor the mock server. Spec support only: no entry point, not a spec.
 */
import {type Llm, LlmImageInputError, type LlmImagePart, type LlmRequest, type LlmUserContent} from 'llm-rx';
import {fetchMockRequests} from '@llm-rx/mock-providers';
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';

/** A 1×1 transparent PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const PNG_DATA_URL = `data:image/png;base64,${PNG_BASE64}`;
/** An image by URL, which the mock server never fetches. */
export const IMAGE_URL = 'https://images.example.com/receipt.png';

/**
 * The PNG's bytes as a Blob.
 * @param type The Blob's type; default `image/png`.
 * @returns The Blob.
 */
export function pngBlob(type = 'image/png'): Blob {
  return new Blob([Uint8Array.from(atob(PNG_BASE64), character => character.charCodeAt(0))], {type});
}

/**
 * An image part.
 * @param image A URL, a data: URL or a Blob.
 * @returns The part.
 */
export function imagePart(image: string | Blob): LlmImagePart {
  return {type: 'image', image};
}

/**
 * A request of one user message with these parts, tagged for the mock server (a two-chunk answer).
 * @param tag The scenario tag.
 * @param content The message's content.
 * @param request More request fields.
 * @returns The request.
 */
export function imageRequest(tag: string, content: LlmUserContent, request: Partial<LlmRequest> = {}): LlmRequest {
  return scenarioRequest({tag, chunks: 2}, {messages: [{role: 'user', content}], ...request});
}

/**
 * Streams a request the model must refuse for its images, and checks that it did so before any attempt and any
 * request to the mock server.
 * @param llm The model.
 * @param label Names the case in its tag.
 * @param content The message's content.
 * @returns The refusal.
 */
export async function refusedImageInput(llm: Llm, label: string, content: LlmUserContent): Promise<LlmImageInputError> {
  const tag = uniqueTag('image-refused', label);
  const onAttempt = jasmine.createSpy('onAttempt');
  const {error} = await runStream(llm.stream(imageRequest(tag, content, {onAttempt})));
  expect(LlmImageInputError.isInstance(error)).withContext(String(error)).toBeTrue();
  expect(onAttempt).not.toHaveBeenCalled();
  await new Promise(resolve => setTimeout(resolve, 20));
  expect(await fetchMockRequests(tag)).toEqual([]);
  return error as LlmImageInputError;
}
