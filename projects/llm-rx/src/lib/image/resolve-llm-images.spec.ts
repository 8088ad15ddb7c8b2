import type {LlmRequest, LlmUserMessage} from '../request/llm-request';
import {describeLlmImage, type LlmImageDescription} from './describe-llm-image';
import {base64ToBytes} from './llm-image-source';
import {_resolveLlmImages} from './resolve-llm-images';

const BYTES = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 255]);

describe('_resolveLlmImages', () => {
  it('reads Blob images into base64 data URLs with their media type, keeping the other parts and messages', async () => {
    const request: LlmRequest = {
      systemPrompt: 'Be brief.',
      messages: [
        {role: 'user', content: 'First.'},
        {role: 'assistant', content: 'Ok.'},
        {
          role: 'user',
          content: [
            {type: 'text', text: 'This:'},
            {type: 'image', image: new Blob([BYTES], {type: 'image/png'})},
            {type: 'image', image: 'https://example.com/a.jpg'},
            {type: 'image', image: new Blob([BYTES]), mediaType: 'image/webp'},
          ],
        },
      ],
    };
    const resolved = await _resolveLlmImages(request, new AbortController().signal);
    expect(resolved.systemPrompt).toBe('Be brief.');
    expect(resolved.messages?.slice(0, 2)).toEqual(request.messages?.slice(0, 2));
    const content = (resolved.messages?.[2] as LlmUserMessage).content as readonly {
      type: string;
      image?: string;
      mediaType?: string;
    }[];
    expect(content[0] as unknown).toEqual({type: 'text', text: 'This:'});
    expect(content[1].mediaType).toBe('image/png');
    expect(content[1].image?.startsWith('data:image/png;base64,')).toBeTrue();
    expect(base64ToBytes((content[1].image as string).split(',')[1])).toEqual(BYTES);
    expect(content[2]).toEqual({type: 'image', image: 'https://example.com/a.jpg'});
    expect(content[3].image?.startsWith('data:image/webp;base64,')).toBeTrue();
    // The caller's request is not changed.
    expect(
      ((request.messages?.[2] as LlmUserMessage).content as readonly {image: unknown}[])[1].image instanceof Blob,
    ).toBeTrue();
  });

  it('returns a request without Blob images as it is', async () => {
    const request: LlmRequest = {messages: [{role: 'user', content: [{type: 'image', image: 'https://e.com/a.png'}]}]};
    expect(await _resolveLlmImages(request, new AbortController().signal)).toBe(request);
    const plain: LlmRequest = {userPrompt: 'Hi'};
    expect(await _resolveLlmImages(plain, new AbortController().signal)).toBe(plain);
  });

  it('stops when the call is cancelled while reading', async () => {
    const controller = new AbortController();
    const request: LlmRequest = {
      messages: [{role: 'user', content: [{type: 'image', image: new Blob([BYTES], {type: 'image/png'})}]}],
    };
    const reading = _resolveLlmImages(request, controller.signal);
    controller.abort(new Error('gone'));
    await expectAsync(reading).toBeRejectedWithError('gone');
  });
});

describe('describeLlmImage', () => {
  async function sha256Of(bytes: Uint8Array): Promise<string> {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return [...digest].map(byte => byte.toString(16).padStart(2, '0')).join('');
  }

  it('hashes the bytes of a Blob and of a data URL alike, with media type and size', async () => {
    const expected: LlmImageDescription = {
      source: 'bytes',
      mediaType: 'image/png',
      byteLength: BYTES.length,
      sha256: await sha256Of(BYTES),
    };
    expect(await describeLlmImage({type: 'image', image: new Blob([BYTES], {type: 'image/png'})})).toEqual(expected);
    const dataUrl = `data:image/png;base64,${btoa(String.fromCharCode(...BYTES))}`;
    expect(await describeLlmImage({type: 'image', image: dataUrl})).toEqual(expected);
  });

  it("hashes a URL's text, with no size", async () => {
    const url = 'https://example.com/cat.png';
    expect(await describeLlmImage({type: 'image', image: url})).toEqual({
      source: 'url',
      mediaType: 'image/png',
      byteLength: null,
      sha256: await sha256Of(new TextEncoder().encode(url)),
    });
  });

  it('knows a well-known digest', async () => {
    const description = await describeLlmImage({type: 'image', image: new Blob(['abc'], {type: 'image/png'})});
    expect(description.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
