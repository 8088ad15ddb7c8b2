import {PLACEHOLDER_API_KEY} from 'llm-rx';
import {mulberry32} from '@llm-rx/spec-support';
import {passUpstreamBody} from './pass-upstream-body';
import {endRecorder, randomCuts, readText, realisticKey, recordingBody} from './pass-upstream-body-fixtures';

const encoder = new TextEncoder();
const KEY = realisticKey(1);

/** Every `data:` line's JSON of an SSE text (`[DONE]` left out); throws for one that does not parse. */
function dataJsonOf(text: string): unknown[] {
  return [...text.matchAll(/^data: ?(.*)$/gm)].flatMap(([, data]) => (data === '[DONE]' ? [] : [JSON.parse(data)]));
}

// An answer of Chat Completions chunks whose error event and comment quote the key, and whose text spells it with
// JSON escapes: every way a key can hide in a frame.
const LEAKY_STREAM =
  'data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n' +
  `: upstream debug key=${KEY}\n\n` +
  `data: {"id":"c1","choices":[{"index":0,"delta":{"content":"\\n${KEY.replace('s', '\\u0073')}"}}]}\n\n` +
  `event: error\ndata: {"error":{"message":"Incorrect API key provided: ${KEY} (${PLACEHOLDER_API_KEY})"}}\n\n` +
  'data: [DONE]\n\n';

describe('passUpstreamBody', () => {
  it('cuts every key out of an event stream under any chunking, keeping each data line valid JSON', async () => {
    const random = mulberry32(7);
    const bytes = encoder.encode(LEAKY_STREAM);
    for (let run = 0; run < 50; run++) {
      const {onEnd, calls} = endRecorder();
      const upstream = recordingBody(randomCuts(bytes, random));
      const {text} = await readText(
        passUpstreamBody(upstream.stream, {secrets: [KEY], wire: 'openai-chat', isEventStream: true, onEnd}),
      );
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(KEY.slice(8));
      expect(text).not.toContain(PLACEHOLDER_API_KEY);
      expect(text).toContain('***');
      const json = dataJsonOf(text);
      expect(json.length).toBe(3);
      expect(JSON.stringify(json)).not.toContain(KEY.slice(8));
      // The meter read the unredacted text: "Hi", then a line break and the key.
      expect(calls).toEqual([
        {usage: {tokens: undefined, outputChars: 2 + 1 + KEY.length, responseModel: 'm'}, ended: 'complete'},
      ]);
    }
  });

  it('cuts a key-shaped string it was not given (sk-…), by its shape', async () => {
    const upstream = recordingBody([encoder.encode(`data: {"error":{"message":"bad key ${KEY}"}}\n\n`)]);
    const {text} = await readText(
      passUpstreamBody(upstream.stream, {secrets: [], wire: undefined, isEventStream: true, onEnd: () => undefined}),
    );
    expect(text).toBe('data: {"error":{"message":"bad key sk-[redacted]"}}\n\n');
  });

  it('forwards a stream without keys byte for byte, whatever the chunking', async () => {
    const stream = 'event: a\ndata: {"x":"Grüße 🏔\\n"}\r\n\r\n: ping\n\ndata: [DONE]\n\ndata: {"tail":1}';
    const bytes = encoder.encode(stream);
    const random = mulberry32(11);
    for (let run = 0; run < 50; run++) {
      const upstream = recordingBody(randomCuts(bytes, random));
      const output = passUpstreamBody(upstream.stream, {
        secrets: [KEY],
        wire: 'anthropic',
        isEventStream: true,
        onEnd: () => undefined,
      });
      expect((await readText(output)).text).toBe(stream);
    }
  });

  it('holds a body that is no event stream whole, and redacts it as one JSON document', async () => {
    const body = JSON.stringify({
      error: {message: `Incorrect API key provided: ${KEY}.`, type: 'invalid_request_error'},
    });
    const random = mulberry32(3);
    for (let run = 0; run < 20; run++) {
      const {onEnd, calls} = endRecorder();
      const upstream = recordingBody(randomCuts(encoder.encode(body), random, 5));
      const {text} = await readText(
        passUpstreamBody(upstream.stream, {secrets: [KEY], wire: 'openai-chat', isEventStream: false, onEnd}),
      );
      expect(JSON.parse(text)).toEqual({
        error: {message: 'Incorrect API key provided: ***.', type: 'invalid_request_error'},
      });
      expect(calls).toEqual([{usage: {tokens: undefined, outputChars: 0}, ended: 'complete'}]);
    }
  });

  it('passes a body past 1 MiB through per chunk, still cutting a key split across chunks', async () => {
    const body = `{"padding":"${'x '.repeat(600_000)}","message":"key ${KEY} here"}`;
    const bytes = encoder.encode(body);
    const keyAt = body.indexOf(KEY);
    // Cut in the middle of the key, and elsewhere in big pieces.
    const cuts = [0, 500_000, 1_100_000, keyAt + 10, keyAt + 30, bytes.length];
    const chunks = cuts.slice(1).map((end, index) => bytes.subarray(cuts[index], end));
    const upstream = recordingBody(chunks);
    const {text} = await readText(
      passUpstreamBody(upstream.stream, {
        secrets: [KEY],
        wire: undefined,
        isEventStream: false,
        onEnd: () => undefined,
      }),
    );
    expect(text).not.toContain(KEY.slice(8, 30));
    expect(text.endsWith('"message":"key *** here"}')).toBeTrue();
    expect(text.length).toBe(body.length - KEY.length + 3);
  });

  it('cancels the upstream when the reader cancels, and ends once as cancelled', async () => {
    const {onEnd, calls} = endRecorder();
    const upstream = recordingBody([encoder.encode('data: {"a":1}\n\n')], {endless: true});
    const output = passUpstreamBody(upstream.stream, {secrets: [KEY], wire: 'openai-chat', isEventStream: true, onEnd});
    const reader = output.getReader();
    await reader.read();
    await reader.cancel('client gone');

    expect(upstream.cancelled()).toEqual({reason: 'client gone'});
    expect(calls).toEqual([{usage: {tokens: undefined, outputChars: 0}, ended: 'cancelled'}]);
  });

  it('ends once, as cancelled, when the client cancels while a read of the upstream is under way', async () => {
    const {onEnd, calls} = endRecorder();
    let cancelled = false;
    let pulls = 0;
    const upstream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          // The first chunk at once, then an upstream that stalls.
          if (pulls++ === 0) controller.enqueue(encoder.encode('data: {"a":1}\n\n'));
          else return new Promise<void>(() => undefined);
          return undefined;
        },
        cancel() {
          cancelled = true;
        },
      },
      {highWaterMark: 0},
    );
    const reader = passUpstreamBody(upstream, {secrets: [], wire: undefined, isEventStream: true, onEnd}).getReader();
    await reader.read();
    const stalled = reader.read();
    await new Promise(done => setTimeout(done, 10));
    await reader.cancel('client gone');

    expect(await stalled).toEqual({done: true, value: undefined});
    await new Promise(done => setTimeout(done, 10));
    expect(cancelled).toBeTrue();
    expect(calls.map(call => call.ended)).toEqual(['cancelled']);
  });

  it('reads the upstream only as fast as the client reads (backpressure)', async () => {
    const upstream = recordingBody([encoder.encode('data: {"a":1}\n\n')], {endless: true});
    const output = passUpstreamBody(upstream.stream, {
      secrets: [],
      wire: undefined,
      isEventStream: true,
      onEnd: () => undefined,
    });
    const reader = output.getReader();
    for (let read = 0; read < 3; read++) await reader.read();
    await new Promise(done => setTimeout(done, 20));
    // Three frames read, and at most one more pulled into the output's queue: not the endless upstream.
    expect(upstream.pulls()).toBeLessThanOrEqual(4);
    await reader.cancel();
  });

  it('errors the output when the upstream fails, and ends once as failed with what it read', async () => {
    const {onEnd, calls} = endRecorder();
    const failure = new TypeError('terminated');
    const chunk = encoder.encode('data: {"choices":[{"index":0,"delta":{"content":"abc"}}]}\n\n');
    const upstream = recordingBody([chunk], {failWith: failure});
    const {text, error} = await readText(
      passUpstreamBody(upstream.stream, {secrets: [], wire: 'openai-chat', isEventStream: true, onEnd}),
    );

    expect(text).toBe(new TextDecoder().decode(chunk));
    expect(error).toBe(failure);
    expect(calls).toEqual([{usage: {tokens: undefined, outputChars: 3}, ended: 'failed'}]);
  });

  it('still ends the stream when onEnd throws', async () => {
    const upstream = recordingBody([encoder.encode('data: {"a":1}\n\n')]);
    const output = passUpstreamBody(upstream.stream, {
      secrets: [],
      wire: undefined,
      isEventStream: true,
      onEnd: () => {
        throw new Error('settlement failed');
      },
    });
    expect(await readText(output)).toEqual({text: 'data: {"a":1}\n\n'});
  });
});
