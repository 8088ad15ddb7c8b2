import type {LlmBodyRecord, LlmImageBody} from 'llm-rx/logging';
import {formatBytes} from '../common/format';

/** An image of a logged request, as the call details show it. */
export interface RequestImage {
  /** e.g. `image/png · 12.3 kB · sha256 1a2b3c4d…`. */
  readonly label: string;
  /** A `data:` URL to show as a thumbnail, only when the log kept the bytes (`storeImages`). */
  readonly thumbnail: string | undefined;
}

/**
 * The images of a body's user messages, in order, each as one line of text and, when its bytes were stored, a
 * thumbnail (a stored URL is not fetched).
 * @param body A body row, or `undefined`.
 * @returns The images; none for a body without images.
 */
export function requestImages(body: LlmBodyRecord | undefined): RequestImage[] {
  return imagesOf(body).map(image => ({
    label: imageLabel(image),
    thumbnail: image.image?.startsWith('data:image/') ? image.image : undefined,
  }));
}

/**
 * An image's line: its media type, size (or `URL`) and the start of its SHA-256 (`sha256 pending` while unknown).
 * @param image A stored image.
 * @returns The line.
 */
export function imageLabel(image: LlmImageBody): string {
  const size = image.byteLength === null ? 'URL' : formatBytes(image.byteLength);
  const hash = image.sha256 === null ? 'sha256 pending' : `sha256 ${image.sha256.slice(0, 8)}…`;
  return [image.mediaType ?? 'unknown type', size, hash].join(' · ');
}

/**
 * The request's messages for the JSON view, a stored image's bytes or URL left out (shown as a thumbnail instead).
 * @param body A body row, or `undefined`.
 * @returns The messages without `image` fields.
 */
export function messagesWithoutImageBytes(body: LlmBodyRecord | undefined): unknown {
  return body?.request?.messages?.map(message =>
    message.role !== 'user' || typeof message.content === 'string'
      ? message
      : {
          ...message,
          content: message.content.map(part =>
            part.type === 'image' && part.image !== undefined ? {...part, image: '(stored)'} : part,
          ),
        },
  );
}

function imagesOf(body: LlmBodyRecord | undefined): LlmImageBody[] {
  return (body?.request?.messages ?? []).flatMap(message =>
    message.role === 'user' && typeof message.content !== 'string'
      ? message.content.filter((part): part is LlmImageBody => part.type === 'image')
      : [],
  );
}
