import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {
  base64ByteLength,
  base64ToBytes,
  blobToDataUrl,
  bytesToBase64,
  llmImageUrlOf,
  llmImageSourceOf,
  mediaTypeOfUrl,
  parseLlmDataUrl,
} from './llm-image-source';

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('llmImageSourceOf', () => {
  it('gives a data URL as base64 bytes with its media type', () => {
    expect(llmImageSourceOf({type: 'image', image: `data:image/PNG;base64,${PNG_BASE64}`})).toEqual({
      kind: 'base64',
      mediaType: 'image/png',
      data: PNG_BASE64,
    });
  });

  it("lets the part's mediaType win over the data URL's", () => {
    const source = llmImageSourceOf({type: 'image', image: `data:;base64,${PNG_BASE64}`, mediaType: 'image/png'});
    expect(source).toEqual({kind: 'base64', mediaType: 'image/png', data: PNG_BASE64});
  });

  it('gives a URL as a URL, with the media type its extension names', () => {
    expect(llmImageSourceOf({type: 'image', image: 'https://example.com/cat.JPG?size=2'})).toEqual({
      kind: 'url',
      url: 'https://example.com/cat.JPG?size=2',
      mediaType: 'image/jpeg',
    });
    expect(llmImageSourceOf({type: 'image', image: 'https://example.com/image'})).toEqual({
      kind: 'url',
      url: 'https://example.com/image',
      mediaType: undefined,
    });
  });

  it('refuses an unread Blob and a data URL that is not base64', () => {
    expect(() => llmImageSourceOf({type: 'image', image: new Blob([new Uint8Array([1])])})).toThrowMatching(
      error => LlmInvalidRequestError.isInstance(error) && /unread/.test(error.message),
    );
    expect(() => llmImageSourceOf({type: 'image', image: 'data:image/svg+xml,%3Csvg%3E'})).toThrowMatching(
      error => LlmInvalidRequestError.isInstance(error) && /must be base64/.test(error.message),
    );
  });
});

describe('llmImageUrlOf', () => {
  it('gives a URL as it is, and bytes as a base64 data: URL with their lower-case media type', () => {
    expect(llmImageUrlOf({type: 'image', image: 'https://example.com/a.png'})).toBe('https://example.com/a.png');
    expect(llmImageUrlOf({type: 'image', image: 'data:IMAGE/PNG;base64,iVBORw=='})).toBe(
      'data:image/png;base64,iVBORw==',
    );
  });
});

describe('blobToDataUrl', () => {
  it("reads a Blob's bytes into a base64 data: URL of the given media type", async () => {
    const blob = new Blob([new Uint8Array([137, 80, 78, 71])]);
    expect(await blobToDataUrl(blob, 'image/png')).toBe('data:image/png;base64,iVBORw==');
  });
});

describe('parseLlmDataUrl', () => {
  it('reads the media type, the base64 flag and the data; undefined for other strings', () => {
    expect(parseLlmDataUrl('data:image/webp;name=a.webp;base64,QUJD')).toEqual({
      mediaType: 'image/webp',
      isBase64: true,
      data: 'QUJD',
    });
    expect(parseLlmDataUrl('data:,hello')).toEqual({mediaType: 'text/plain', isBase64: false, data: 'hello'});
    expect(parseLlmDataUrl('https://example.com/a.png')).toBeUndefined();
  });
});

describe('mediaTypeOfUrl', () => {
  it('names the type of known extensions only', () => {
    expect(mediaTypeOfUrl('https://example.com/a/b.webp')).toBe('image/webp');
    expect(mediaTypeOfUrl('https://example.com/a.heic#x')).toBe('image/heic');
    expect(mediaTypeOfUrl('https://example.com/a.exe')).toBeUndefined();
    expect(mediaTypeOfUrl('not a url')).toBeUndefined();
  });
});

describe('base64 helpers', () => {
  it('round-trip bytes, and count the decoded length without decoding', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 7) % 256);
    const base64 = bytesToBase64(bytes);
    expect(base64ToBytes(base64)).toEqual(bytes);
    expect(base64ByteLength(base64)).toBe(100_000);
    expect(base64ByteLength(PNG_BASE64)).toBe(base64ToBytes(PNG_BASE64).length);
    expect(base64ByteLength('QUI=')).toBe(2);
    expect(base64ByteLength('QQ==')).toBe(1);
  });
});
