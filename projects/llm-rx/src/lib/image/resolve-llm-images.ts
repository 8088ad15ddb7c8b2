import type {LlmUserContentPart} from '../request/llm-content';
import type {LlmMessage, LlmRequest} from '../request/llm-request';
import {blobToDataUrl} from './llm-image-source';
import {peekLlmImage} from './check-llm-images';

/**
 * Reads every `Blob` image of a request into a base64 `data:` URL with its media type, so that an adapter builds
 * its body synchronously (`llmImageSourceOf()`). A request without `Blob` images is returned as it is.
 * @internal Run by `fromProviderStream()` after the request and its images were checked.
 * @param request A checked request.
 * @param signal Stops the reading when the call is cancelled.
 * @returns The request with its `Blob` images read.
 */
export async function _resolveLlmImages(request: LlmRequest, signal: AbortSignal): Promise<LlmRequest> {
  const messages = request.messages;
  const hasBlob = messages?.some(
    message =>
      message.role === 'user' &&
      typeof message.content !== 'string' &&
      message.content.some(part => part.type === 'image' && typeof part.image !== 'string'),
  );
  if (!messages || !hasBlob) return request;
  const resolved = await Promise.all(messages.map(message => resolveMessage(message)));
  signal.throwIfAborted();
  return {...request, messages: resolved};
}

async function resolveMessage(message: LlmMessage): Promise<LlmMessage> {
  if (message.role !== 'user' || typeof message.content === 'string') return message;
  const content = await Promise.all(message.content.map(part => resolvePart(part)));
  return {...message, content};
}

async function resolvePart(part: LlmUserContentPart): Promise<LlmUserContentPart> {
  if (part.type !== 'image' || typeof part.image === 'string') return part;
  // Checked before: a Blob's media type is known (given or its own).
  const mediaType = peekLlmImage(part).mediaType as string;
  return {type: 'image', image: await blobToDataUrl(part.image, mediaType), mediaType};
}
