/** A piece of text in a user message's content. */
export interface LlmTextPart {
  readonly type: 'text';
  readonly text: string;
}

/**
 * An image in a user message's content.
 *
 * `image` is an `https:`/`http:` URL (the provider fetches it; not every provider or local server can, see the
 * README's "Images"), a base64 `data:` URL, or, in the browser, a `Blob` or `File` (read when the call starts,
 * sent as base64). Its media type and size are checked against the provider's limits before any network call.
 *
 * ```ts
 * llm.stream({messages: [{role: 'user', content: [
 *   {type: 'text', text: 'What is in this picture?'},
 *   {type: 'image', image: fileInput.files[0]},
 * ]}]});
 * ```
 */
export interface LlmImagePart {
  readonly type: 'image';
  /** A URL, a base64 `data:` URL, or a `Blob`/`File`. */
  readonly image: string | Blob;
  /**
   * The image's media type, e.g. `image/png`. Needed only where it cannot be read from the image: a URL without a
   * known extension, or a `Blob` without a `type`. When given, it wins over the `Blob`'s own `type`.
   */
  readonly mediaType?: string;
}

/** One part of a user message's content: text or an image. */
export type LlmUserContentPart = LlmTextPart | LlmImagePart;

/** A user message's content: its text, or parts mixing text and images in order. */
export type LlmUserContent = string | readonly LlmUserContentPart[];

/**
 * A user message's content as parts: a string is one text part.
 * @param content The message's content.
 * @returns Its parts, in order.
 */
export function llmContentParts(content: LlmUserContent): readonly LlmUserContentPart[] {
  return typeof content === 'string' ? [{type: 'text', text: content}] : content;
}

/**
 * A user message's text: its text parts joined by a blank line (a string content as it is), images left out.
 * @param content The message's content.
 * @returns The text.
 */
export function llmContentText(content: LlmUserContent): string {
  if (typeof content === 'string') return content;
  return content
    .filter((part): part is LlmTextPart => part.type === 'text')
    .map(part => part.text)
    .join('\n\n');
}

/**
 * Whether a user message's content holds images.
 * @param content The message's content.
 * @returns `true` when one of its parts is an image.
 */
export function hasLlmImages(content: LlmUserContent): boolean {
  return typeof content !== 'string' && content.some(part => part.type === 'image');
}
