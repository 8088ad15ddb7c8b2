import type {LlmImageInput} from 'llm-rx';

/**
 * What the Gemini API takes of images: PNG, JPEG, WEBP, HEIC and HEIF, inline (`inlineData`) up to 20 MB for the
 * whole request, or by URI (`fileData`, which needs the media type), as its image-understanding guide states.
 */
export const GEMINI_IMAGE_INPUT: LlmImageInput = {
  mediaTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif'],
  maxImageBytes: 20_000_000,
  maxTotalImageBytes: 20_000_000,
  urls: true,
  requiresMediaType: true,
};
