import type {LlmImageInput} from 'llm-rx';

/**
 * What Cohere's v2 Chat takes of images (its vision models, e.g. `command-a-vision`): PNG, JPEG, WEBP and GIF as
 * `image_url` parts holding a URL or a base64 data URL, at most 20 images and 20 MB in one request, as its image
 * inputs guide states.
 */
export const COHERE_IMAGE_INPUT: LlmImageInput = {
  mediaTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  maxImageBytes: 20_000_000,
  maxTotalImageBytes: 20_000_000,
  maxImages: 20,
  urls: true,
};
