import {firstValueFrom, toArray} from 'rxjs';
import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import type {LlmImageInput} from '../image/llm-image-input';
import type {LlmRequest, LlmUserMessage} from '../request/llm-request';
import {events, finish, useProviderStreamSpec} from '@llm-rx/spec-support';

const IMAGES: LlmImageInput = {mediaTypes: ['image/png'], maxImageBytes: 100, urls: false};
const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

function imageRequest(image: string | Blob, onAttempt?: LlmRequest['onAttempt']): LlmRequest {
  return {
    messages: [
      {
        role: 'user',
        content: [
          {type: 'text', text: 'What is it?'},
          {type: 'image', image},
        ],
      },
    ],
    ...(onAttempt && {onAttempt}),
  };
}

describe('fromProviderStream: images', () => {
  const spec = useProviderStreamSpec();

  it("refuses an image against the provider's imageInput before opening, and reports no attempt", async () => {
    const onAttempt = jasmine.createSpy('onAttempt');
    const cases: [LlmRequest, LlmImageInput | undefined, RegExp][] = [
      [imageRequest(new Blob([PNG], {type: 'image/png'}), onAttempt), undefined, /takes no images/],
      [imageRequest(new Blob([new Uint8Array(101)], {type: 'image/png'}), onAttempt), IMAGES, /at most 100 bytes/],
      [imageRequest(new Blob([PNG], {type: 'image/gif'}), onAttempt), IMAGES, /does not take image\/gif/],
      [imageRequest('https://example.com/a.png', onAttempt), IMAGES, /does not fetch image URLs/],
    ];
    for (const [request, imageInput, message] of cases) {
      const failure = await firstValueFrom(spec.streamOf(request, {imageInput})).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(LlmInvalidRequestError.isInstance(failure)).withContext(String(failure)).toBeTrue();
      expect((failure as Error).message).toMatch(message);
    }
    expect(spec.open).not.toHaveBeenCalled();
    expect(onAttempt).not.toHaveBeenCalled();
  });

  it("opens with the Blob images read into data URLs, and the caller's request unchanged", async () => {
    const request = imageRequest(new Blob([PNG], {type: 'image/png'}));
    let sent: LlmRequest | undefined;
    const open = jasmine
      .createSpy('open')
      .and.callFake(async (_signal: AbortSignal, _schemas, resolved: LlmRequest) => {
        sent = resolved;
        return events({type: 'text-delta', text: 'A PNG.'}, finish('stop', 'stop'));
      });
    const chunks = await firstValueFrom(spec.streamOf(request, {imageInput: IMAGES, open}).pipe(toArray()));
    expect(chunks[0]).toEqual({type: 'text-delta', text: 'A PNG.'});
    const parts = (sent?.messages?.[0] as LlmUserMessage).content as readonly {
      type: string;
      image?: unknown;
      mediaType?: string;
    }[];
    expect(parts[1]).toEqual({
      type: 'image',
      image: `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`,
      mediaType: 'image/png',
    });
    expect(
      ((request.messages?.[0] as LlmUserMessage).content as readonly {image?: unknown}[])[1].image instanceof Blob,
    ).toBeTrue();
  });
});
