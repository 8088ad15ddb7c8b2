import {readRequestBody, RequestTooLarge} from './read-request-body';

const URL_ = 'https://proxy.test/openai/chat/completions';
const encoder = new TextEncoder();

/** A chunked body: the given chunks, then its end; records whether it was cancelled and how far it was read. */
function chunkedBody(chunks: readonly Uint8Array[], headers: Record<string, string> = {}) {
  const state = {pulled: 0, cancelled: false};
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[state.pulled++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    // Nothing is pulled before the reader asks.
    {highWaterMark: 0},
  );
  const request = new Request(URL_, {method: 'POST', body: stream, headers, duplex: 'half'} as RequestInit);
  return {request, state};
}

describe('readRequestBody', () => {
  it('refuses a body whose content-length is over the limit without reading it', async () => {
    const {request, state} = chunkedBody([encoder.encode('{}')], {'content-length': '1025'});
    const result = await readRequestBody(request, 1024);
    expect(result).toEqual(new RequestTooLarge(1024));
    expect(result instanceof RequestTooLarge ? result.limit : undefined).toBe(1024);
    expect(state.pulled).toBe(0);
  });

  it('refuses a chunked body as soon as it is over the limit, and cancels the rest', async () => {
    const {request, state} = chunkedBody([new Uint8Array(600), new Uint8Array(600), new Uint8Array(600)]);
    expect(await readRequestBody(request, 1000)).toEqual(new RequestTooLarge(1000));
    expect(state.cancelled).toBeTrue();
    expect(state.pulled).toBeLessThan(3);
  });

  it('accepts a body of exactly the limit, with its size in bytes', async () => {
    const {request} = chunkedBody([encoder.encode('{"a":'), encoder.encode('1}')]);
    expect(await readRequestBody(request, 7)).toEqual({text: '{"a":1}', bytes: 7});
    const sized = new Request(URL_, {method: 'POST', body: 'abc', headers: {'content-length': '3'}});
    expect(await readRequestBody(sized, 3)).toEqual({text: 'abc', bytes: 3});
  });

  it('decodes a UTF-8 character split across chunks', async () => {
    const bytes = encoder.encode('{"q":"héllo 🙂"}');
    const split = bytes.indexOf(0xc3) + 1;
    const emoji = bytes.indexOf(0xf0) + 2;
    const {request} = chunkedBody([bytes.slice(0, split), bytes.slice(split, emoji), bytes.slice(emoji)]);
    expect(await readRequestBody(request, 100)).toEqual({text: '{"q":"héllo 🙂"}', bytes: bytes.byteLength});
  });

  it('reads a request without a body as empty', async () => {
    expect(await readRequestBody(new Request(URL_, {method: 'POST'}), 10)).toEqual({text: '', bytes: 0});
  });
});
