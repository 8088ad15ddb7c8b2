import {formatBytes} from '../../common/format';

/**
 * The text alternative of an attached image: its place, media type and size.
 * @param index Its index among the message's images, from 0.
 * @param image The image.
 * @returns e.g. `Attached image 1 (image/png, 12.3 kB)`.
 */
export function attachedImageLabel(index: number, image: Blob): string {
  return `Attached image ${index + 1} (${image.type || 'unknown type'}, ${formatBytes(image.size)})`;
}
