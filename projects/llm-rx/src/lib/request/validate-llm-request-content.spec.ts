import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import type {LlmUserContent} from './llm-content';
import {hasLlmImages, llmContentParts, llmContentText} from './llm-content';
import {validateLlmRequest} from './validate-llm-request';

function validating(content: unknown): () => void {
  return () => validateLlmRequest({messages: [{role: 'user', content: content as LlmUserContent}]});
}

function refusal(content: unknown): string {
  try {
    validating(content)();
  } catch (error) {
    expect(LlmInvalidRequestError.isInstance(error)).withContext(String(error)).toBeTrue();
    expect((error as LlmInvalidRequestError).field).toBe('messages');
    return (error as Error).message;
  }
  throw new Error('expected an LlmInvalidRequestError');
}

describe('validateLlmRequest: user content parts', () => {
  it('accepts text and images (URL, data URL, Blob) in any order', () => {
    expect(
      validating([
        {type: 'image', image: 'https://example.com/a.png'},
        {type: 'text', text: 'and'},
        {type: 'image', image: 'data:image/png;base64,QUJD', mediaType: 'image/png'},
        {type: 'image', image: new Blob([new Uint8Array(3)], {type: 'image/jpeg'})},
      ]),
    ).not.toThrow();
    expect(validating([{type: 'image', image: 'HTTPS://EXAMPLE.COM/A.PNG'}])).not.toThrow();
  });

  it('refuses an empty list, a list of blank text only, and a part of another kind', () => {
    expect(refusal([])).toContain('messages[0].content must be a non-empty string or a non-empty list of parts');
    expect(refusal([{type: 'text', text: '  '}])).toContain('messages[0].content has only blank text');
    expect(refusal([{type: 'audio', data: 'x'}])).toContain(
      "messages[0].content[0] must be {type: 'text', text} or {type: 'image', image}",
    );
    expect(refusal(['hello'])).toContain('messages[0].content[0] must be');
    expect(refusal([{type: 'text', text: 3}])).toContain('messages[0].content[0].text must be a string');
  });

  it('refuses an image that is no URL, data URL or Blob, naming the part', () => {
    expect(refusal([{type: 'image', image: 'cat.png'}])).toContain(
      'messages[0].content[0].image must be an http(s) URL, a data: URL, or a Blob or File',
    );
    expect(refusal([{type: 'image', image: new Uint8Array(3)}])).toContain('content[0].image must be');
    expect(
      refusal([
        {type: 'text', text: 'x'},
        {type: 'image', image: 'http://'},
      ]),
    ).toContain('messages[0].content[1].image is not a valid URL');
  });

  it('refuses a mediaType that is no media type', () => {
    expect(refusal([{type: 'image', image: 'https://example.com/a', mediaType: 'png'}])).toContain(
      "messages[0].content[0].mediaType must be a media type such as 'image/png'",
    );
  });

  it('still refuses an empty string content', () => {
    expect(refusal('   ')).toContain('messages[0].content must be a non-empty string');
  });
});

describe('llmContentParts, llmContentText and hasLlmImages', () => {
  const content: LlmUserContent = [
    {type: 'text', text: 'One'},
    {type: 'image', image: 'https://example.com/a.png'},
    {type: 'text', text: 'Two'},
  ];

  it('read a string or parts alike', () => {
    expect(llmContentParts('Hi')).toEqual([{type: 'text', text: 'Hi'}]);
    expect(llmContentParts(content)).toBe(content);
    expect(llmContentText('Hi')).toBe('Hi');
    expect(llmContentText(content)).toBe('One\n\nTwo');
    expect(hasLlmImages('Hi')).toBeFalse();
    expect(hasLlmImages(content)).toBeTrue();
    expect(hasLlmImages([{type: 'text', text: 'x'}])).toBeFalse();
  });
});
