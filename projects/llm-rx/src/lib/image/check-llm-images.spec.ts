import {LlmImageInputError, type LlmImageInputProblem} from '../errors/llm-image-input-error';
import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import type {LlmRequest} from '../request/llm-request';
import {_checkLlmImages, llmImagesOf, peekLlmImage} from './check-llm-images';
import type {LlmImageInput} from './llm-image-input';

const LIMITS: LlmImageInput = {
  mediaTypes: ['image/png', 'image/jpeg'],
  maxImageBytes: 1000,
  maxTotalImageBytes: 1500,
  maxImages: 3,
  urls: true,
};

const blob = (size: number, type = 'image/png') => new Blob([new Uint8Array(size)], {type});

function withImages(...images: (string | Blob)[]): LlmRequest {
  return {
    messages: [
      {role: 'user', content: 'Earlier.'},
      {role: 'assistant', content: 'Yes.'},
      {
        role: 'user',
        content: [{type: 'text', text: 'Look:'}, ...images.map(image => ({type: 'image' as const, image}))],
      },
    ],
  };
}

/** The refusal's problem, place and message; it must be an LlmImageInputError, an invalid request on `messages`. */
function refusalOf(run: () => void): {problem: LlmImageInputProblem; at: string | undefined; message: string} {
  try {
    run();
  } catch (error) {
    expect(LlmInvalidRequestError.isInstance(error)).withContext(String(error)).toBeTrue();
    expect(LlmImageInputError.isInstance(error)).withContext(String(error)).toBeTrue();
    expect((error as LlmInvalidRequestError).field).toBe('messages');
    const {problem, at, message} = error as LlmImageInputError;
    return {problem, at, message};
  }
  throw new Error('expected an LlmImageInputError');
}

const messageOf = (run: () => void) => refusalOf(run).message;

describe('_checkLlmImages', () => {
  it('passes a request without images, whatever the provider takes', () => {
    expect(() => _checkLlmImages({userPrompt: 'Hi'}, undefined, 'acme')).not.toThrow();
    expect(() => _checkLlmImages(withImages(), undefined, 'acme')).not.toThrow();
  });

  it('passes images within the limits', () => {
    expect(() => _checkLlmImages(withImages(blob(900), 'https://example.com/a.jpg'), LIMITS, 'acme')).not.toThrow();
  });

  it('refuses any image for a provider that takes none, naming where it is', () => {
    expect(messageOf(() => _checkLlmImages(withImages(blob(10)), undefined, 'acme'))).toContain(
      'acme takes no images (messages[2].content[1] is one)',
    );
  });

  it('refuses a media type the provider does not take, listing those it takes', () => {
    const message = messageOf(() => _checkLlmImages(withImages(blob(10, 'image/gif')), LIMITS, 'acme'));
    expect(message).toContain('acme does not take image/gif images (messages[2].content[1])');
    expect(message).toContain('image/png, image/jpeg');
  });

  it('refuses an image too large, and images too large together', () => {
    expect(messageOf(() => _checkLlmImages(withImages(blob(1001)), LIMITS, 'acme'))).toContain(
      'messages[2].content[1].image is 1 kB; acme takes images of at most 1 kB',
    );
    expect(messageOf(() => _checkLlmImages(withImages(blob(800), blob(800)), LIMITS, 'acme'))).toContain(
      "the request's images are 1.6 kB together",
    );
  });

  it('counts a data URL by its decoded size', () => {
    const base64 = btoa('x'.repeat(1001));
    expect(messageOf(() => _checkLlmImages(withImages(`data:image/png;base64,${base64}`), LIMITS, 'acme'))).toContain(
      'is 1 kB',
    );
    expect(() =>
      _checkLlmImages(withImages(`data:image/png;base64,${btoa('x'.repeat(1000))}`), LIMITS, 'acme'),
    ).not.toThrow();
  });

  it('refuses too many images', () => {
    const message = messageOf(() => _checkLlmImages(withImages(blob(1), blob(1), blob(1), blob(1)), LIMITS, 'acme'));
    expect(message).toContain('at most 3 images in one request; this one has 4');
  });

  it('refuses a URL where the provider does not fetch URLs, asking for the bytes', () => {
    const message = messageOf(() =>
      _checkLlmImages(withImages('https://example.com/a.png'), {...LIMITS, urls: false}, 'ollama'),
    );
    expect(message).toContain('ollama does not fetch image URLs (messages[2].content[1].image)');
    expect(message).toContain('Blob');
  });

  it('asks for the media type of bytes without one, and of a URL where the provider needs it', () => {
    expect(messageOf(() => _checkLlmImages(withImages(blob(10, '')), LIMITS, 'acme'))).toContain(
      "set messages[2].content[1].mediaType, e.g. 'image/png'",
    );
    expect(() => _checkLlmImages(withImages('https://example.com/photo'), LIMITS, 'acme')).not.toThrow();
    expect(
      messageOf(() =>
        _checkLlmImages(withImages('https://example.com/photo'), {...LIMITS, requiresMediaType: true}, 'gemini'),
      ),
    ).toContain('media type of messages[2].content[1].image is unknown');
  });
});

describe('_checkLlmImages refusals', () => {
  it('say what is wrong as a problem and where as at', () => {
    const refusals = [
      refusalOf(() => _checkLlmImages(withImages(blob(10)), undefined, 'acme')),
      refusalOf(() => _checkLlmImages(withImages(blob(1), blob(1), blob(1), blob(1)), LIMITS, 'acme')),
      refusalOf(() => _checkLlmImages(withImages('https://example.com/a.png'), {...LIMITS, urls: false}, 'acme')),
      refusalOf(() => _checkLlmImages(withImages(blob(10, '')), LIMITS, 'acme')),
      refusalOf(() => _checkLlmImages(withImages(blob(10, 'image/gif')), LIMITS, 'acme')),
      refusalOf(() => _checkLlmImages(withImages(blob(1), blob(1001)), LIMITS, 'acme')),
      refusalOf(() => _checkLlmImages(withImages(blob(800), blob(800)), LIMITS, 'acme')),
    ];
    expect(refusals.map(({problem, at}) => [problem, at])).toEqual([
      ['no-images', 'messages[2].content[1]'],
      ['too-many', undefined],
      ['url-not-fetched', 'messages[2].content[1]'],
      ['media-type-unknown', 'messages[2].content[1]'],
      ['media-type-not-taken', 'messages[2].content[1]'],
      ['image-too-large', 'messages[2].content[2]'],
      ['images-too-large', undefined],
    ]);
  });
});

describe('llmImagesOf and peekLlmImage', () => {
  it('find the image parts of user messages with their places', () => {
    const images = llmImagesOf(withImages(blob(3), 'https://example.com/a.png'));
    expect(images.map(image => image.at)).toEqual(['messages[2].content[1]', 'messages[2].content[2]']);
  });

  it('tell kind, media type and size as far as known without reading', () => {
    expect(peekLlmImage({type: 'image', image: blob(7, 'IMAGE/PNG')})).toEqual({
      kind: 'bytes',
      mediaType: 'image/png',
      byteLength: 7,
    });
    expect(peekLlmImage({type: 'image', image: blob(7), mediaType: 'image/webp'}).mediaType).toBe('image/webp');
    expect(peekLlmImage({type: 'image', image: 'https://example.com/a.gif'})).toEqual({
      kind: 'url',
      mediaType: 'image/gif',
      byteLength: undefined,
    });
  });
});
