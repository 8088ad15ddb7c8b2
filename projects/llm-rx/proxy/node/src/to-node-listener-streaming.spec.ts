import {toNodeListener} from './to-node-listener';
import {deferred, openResponse, startLoopbackServer, type LoopbackServer} from './node-server-fixtures';

const encoder = new TextEncoder();

describe('toNodeListener() streaming', () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(handler: (request: Request) => Promise<Response>, options = {}) {
    server = await startLoopbackServer(toNodeListener(handler, options));
    return server.origin;
  }

  it('sends the head before the body has produced anything (server-sent events start at once)', async () => {
    const headReceived = deferred();
    const origin = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await headReceived.promise;
          controller.enqueue(encoder.encode('data: first\n\n'));
          controller.close();
        },
      });
      return new Response(body, {headers: {'content-type': 'text/event-stream'}});
    });
    const {response} = await openResponse(`${origin}/events`);
    expect(response.headers['content-type']).toBe('text/event-stream');
    headReceived.resolve();
    expect(await textOf(response)).toBe('data: first\n\n');
  }, 10_000);

  it('delivers the first chunk before the body has produced the second', async () => {
    const firstChunkSeen = deferred();
    const origin = await serve(async () => {
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          pulls += 1;
          if (pulls === 1) return controller.enqueue(encoder.encode('chunk 1;'));
          await firstChunkSeen.promise;
          controller.enqueue(encoder.encode('chunk 2;'));
          controller.close();
        },
      });
      return new Response(body);
    });
    const {response} = await openResponse(`${origin}/stream`);
    const parts: string[] = [];
    response.on('data', (part: Buffer) => {
      parts.push(part.toString());
      if (parts.length === 1) firstChunkSeen.resolve();
    });
    response.resume();
    await new Promise(resolve => response.once('end', resolve));
    expect(parts[0]).toBe('chunk 1;');
    expect(parts.join('')).toBe('chunk 1;chunk 2;');
  }, 10_000);

  it('pulls a 50 MB body only as fast as a slow client reads it (backpressure)', async () => {
    const chunkBytes = 64 * 1024;
    const totalChunks = (50 * 1024 * 1024) / chunkBytes;
    let pulledBytes = 0;
    const origin = await serve(async () => {
      let produced = 0;
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (produced === totalChunks) return controller.close();
            produced += 1;
            pulledBytes += chunkBytes;
            controller.enqueue(new Uint8Array(chunkBytes).fill(97));
          },
        },
        {highWaterMark: 0},
      );
      return new Response(body);
    });
    const {response} = await openResponse(`${origin}/large`);
    let readBytes = 0;
    let largestGap = 0;
    response.on('data', (part: Buffer) => {
      readBytes += part.length;
      largestGap = Math.max(largestGap, pulledBytes - readBytes);
      // A slow reader: one chunk per timer turn.
      response.pause();
      setTimeout(() => response.resume(), 1);
    });
    response.resume();
    await new Promise(resolve => response.once('end', resolve));
    expect(readBytes).toBe(50 * 1024 * 1024);
    // What sits in the socket buffers on both ends; pushed without backpressure, the gap nears the whole 50 MB.
    expect(largestGap).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);

  it('aborts the signal and cancels the body when the client goes away mid-stream', async () => {
    const cancelled = deferred<unknown>();
    const aborted = deferred();
    const origin = await serve(async request => {
      request.signal.addEventListener('abort', () => aborted.resolve());
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('chunk 1;'));
        },
        pull: () => new Promise(() => undefined),
        cancel: reason => cancelled.resolve(reason),
      });
      return new Response(body);
    });
    const {response, destroy} = await openResponse(`${origin}/stream`);
    response.resume();
    await new Promise(resolve => response.once('data', resolve));
    destroy();
    await aborted.promise;
    expect(await cancelled.promise).toEqual(jasmine.objectContaining({name: 'AbortError'}));
  }, 10_000);

  it('aborts the signal when the client goes away before the handler has answered', async () => {
    const handlerCalled = deferred();
    const aborted = deferred<unknown>();
    const origin = await serve(request => {
      request.signal.addEventListener('abort', () => aborted.resolve(request.signal.reason));
      handlerCalled.resolve();
      return new Promise(() => undefined);
    });
    const request = (await import('node:http')).request(`${origin}/slow`);
    request.once('error', () => undefined);
    request.end();
    await handlerCalled.promise;
    request.destroy();
    expect(await aborted.promise).toEqual(jasmine.objectContaining({name: 'AbortError'}));
  }, 10_000);

  it('does not report a handler that rejects with the abort after the client went away', async () => {
    const handlerCalled = deferred();
    const rejected = deferred();
    const reported: unknown[] = [];
    const origin = await serve(
      request =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () => {
            reject(request.signal.reason);
            rejected.resolve();
          });
          handlerCalled.resolve();
        }),
      {onError: (error: unknown) => reported.push(error)},
    );
    const request = (await import('node:http')).request(`${origin}/slow`);
    request.once('error', () => undefined);
    request.end();
    await handlerCalled.promise;
    request.destroy();
    await rejected.promise;
    // Two turns of the event loop: the adapter's catch has run by then.
    await new Promise(resolve => setImmediate(resolve));
    await new Promise(resolve => setImmediate(resolve));
    expect(reported).toEqual([]);
  }, 10_000);

  it('breaks the connection when the body fails mid-stream, and tells onError', async () => {
    const failure = new Error('upstream reset');
    const reported: unknown[] = [];
    const origin = await serve(
      async () => {
        let pulls = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            pulls += 1;
            if (pulls === 1) controller.enqueue(encoder.encode('chunk 1;'));
            else controller.error(failure);
          },
        });
        return new Response(body);
      },
      {onError: (error: unknown) => reported.push(error)},
    );
    const {response} = await openResponse(`${origin}/broken`);
    const ended = await new Promise<string>(resolve => {
      response.once('end', () => resolve('end'));
      response.once('aborted', () => resolve('aborted'));
      response.once('error', () => resolve('error'));
      response.resume();
    });
    expect(ended).not.toBe('end');
    expect(reported).toEqual([failure]);
  }, 10_000);
});

function textOf(response: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    response.on('data', (part: Buffer) => (text += part.toString()));
    response.once('end', () => resolve(text));
    response.once('error', reject);
    response.resume();
  });
}
