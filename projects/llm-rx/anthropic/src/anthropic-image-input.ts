import type {LlmImageInput} from 'llm-rx';

/**
 * What Anthropic's Messages API takes of images: JPEG, PNG, GIF and WEBP, by URL (`source.type: 'url'`) or as
 * base64, at most 5 MB each and 100 in one request, as its vision guide states.
 */
export const ANTHROPIC_IMAGE_INPUT: LlmImageInput = {
  mediaTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
  maxImageBytes: 5 * 1024 * 1024,
  maxImages: 100,
  urls: true,
};
