import type {LlmImageInput} from 'llm-rx';

/**
 * What OpenAI takes of images (Chat Completions and the Responses API alike): PNG, JPEG, WEBP and non-animated
 * GIF, by URL (OpenAI fetches it) or as base64, up to 50 MB of images and 500 images in one request, as its vision
 * guide states. Also DeepSeek's, whose API takes the same `image_url` parts (its hosted chat models are documented
 * as text-only: a hosted call with an image may answer 400).
 */
export const OPENAI_IMAGE_INPUT: LlmImageInput = {
  mediaTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  maxImageBytes: 50_000_000,
  maxTotalImageBytes: 50_000_000,
  maxImages: 500,
  urls: true,
};
