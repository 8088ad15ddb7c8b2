import type {LlmUserContent} from 'llm-rx';

/**
 * The content of a user turn for the request: the text alone as a string, or, with images, a text part first
 * (left out when there is no text) and then each image as an image part (llm-rx reads its media type from the
 * `Blob`).
 * @param text What the user wrote.
 * @param images The images attached to the turn, in order.
 * @returns The user message's content.
 */
export function userTurnContent(text: string, images: readonly Blob[]): LlmUserContent {
  if (images.length === 0) return text;
  return [
    ...(text.trim() ? [{type: 'text' as const, text}] : []),
    ...images.map(image => ({type: 'image' as const, image})),
  ];
}
