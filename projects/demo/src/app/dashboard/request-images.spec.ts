import type {LlmBodyRecord, LlmImageBody} from 'llm-rx/logging';
import {imageLabel, messagesWithoutImageBytes, requestImages} from './request-images';

describe('requestImages', () => {
  const png: LlmImageBody = {
    type: 'image',
    source: 'bytes',
    mediaType: 'image/png',
    byteLength: 12_345,
    sha256: '1a2b3c4d5e6f00112233445566778899aabbccddeeff00112233445566778899',
  };
  const url: LlmImageBody = {type: 'image', source: 'url', mediaType: null, byteLength: null, sha256: null};
  const body = (lastMessage: unknown): LlmBodyRecord =>
    ({
      id: 'b',
      traceId: 't',
      request: {messages: [{role: 'user', content: 'hi'}, {role: 'assistant', content: 'yes'}, lastMessage]},
      response: null,
    }) as LlmBodyRecord;

  it('labels an image by media type, size and the start of its SHA-256', () => {
    expect(imageLabel(png)).toBe('image/png · 12.3 kB · sha256 1a2b3c4d…');
    expect(imageLabel({...png, byteLength: 800})).toBe('image/png · 800 B · sha256 1a2b3c4d…');
    expect(imageLabel(url)).toBe('unknown type · URL · sha256 pending');
  });

  it("lists the user messages' images, with a thumbnail only for stored bytes", () => {
    const stored = {...png, image: 'data:image/png;base64,iVBORw=='};
    const record = body({
      role: 'user',
      content: [{type: 'text', text: 'look'}, png, stored, {...url, image: 'https://example.com/a.png'}],
    });
    expect(requestImages(record).map(image => image.thumbnail)).toEqual([
      undefined,
      'data:image/png;base64,iVBORw==',
      undefined,
    ]);
    expect(requestImages(undefined)).toEqual([]);
    expect(JSON.stringify(messagesWithoutImageBytes(record))).not.toContain('iVBORw');
  });
});
