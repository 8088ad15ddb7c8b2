import {mulberry32, type Random} from '@llm-rx/spec-support';
import {createSseFrameSplitter, type SseFrame, type SseFrameSplitterOptions} from './sse-frames';

const encoder = new TextEncoder();

/** Cuts bytes at random places (empty chunks included), so that a cut falls inside lines, CRLFs and characters. */
function randomChunks(bytes: Uint8Array, random: Random): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  while (start < bytes.length) {
    const length = Math.floor(random() * 12);
    chunks.push(bytes.subarray(start, start + length));
    start += length;
  }
  return chunks;
}

function split(chunks: readonly Uint8Array[], options?: SseFrameSplitterOptions): SseFrame[] {
  const splitter = createSseFrameSplitter(options);
  return [...chunks.flatMap(chunk => splitter.push(chunk)), ...splitter.end()];
}

function splitText(text: string, options?: SseFrameSplitterOptions): SseFrame[] {
  return split([encoder.encode(text)], options);
}

// A stream with every awkward piece: named events, multi-byte characters, comments, CRLF and bare CR line ends,
// multi-line data, a field without a colon, and no space after a colon.
const STREAM =
  'event: message_start\ndata: {"type":"message_start","text":"Grüße 🏔"}\n\n' +
  ': ping\n\n' +
  'data: {"a":1}\r\n\r\n' +
  'data: first\ndata:second\ndata\n\n' +
  'id: 7\rdata: {"cr":true}\r\r' +
  'data: [DONE]\n\n';

const EXPECTED: SseFrame[] = [
  {
    text: 'event: message_start\ndata: {"type":"message_start","text":"Grüße 🏔"}\n\n',
    data: '{"type":"message_start","text":"Grüße 🏔"}',
  },
  {text: ': ping\n\n', data: undefined},
  {text: 'data: {"a":1}\r\n\r\n', data: '{"a":1}'},
  {text: 'data: first\ndata:second\ndata\n\n', data: 'first\nsecond\n'},
  {text: 'id: 7\rdata: {"cr":true}\r\r', data: '{"cr":true}'},
  {text: 'data: [DONE]\n\n', data: '[DONE]'},
];

describe('createSseFrameSplitter', () => {
  it('splits a whole stream into its frames, each with its raw text and its data', () => {
    expect(splitText(STREAM)).toEqual(EXPECTED);
  });

  it('gives the same frames for every chunking, down to one byte at a time', () => {
    const bytes = encoder.encode(STREAM);
    const random = mulberry32(15);
    for (let run = 0; run < 200; run++) {
      expect(split(randomChunks(bytes, random)))
        .withContext(`run ${run}`)
        .toEqual(EXPECTED);
    }
    expect(split([...bytes].map(byte => Uint8Array.of(byte)))).toEqual(EXPECTED);
  });

  it('waits for the byte after a CR at a chunk end: CR LF across chunks is one line end', () => {
    const frames = split([encoder.encode('data: x\r'), encoder.encode('\n\r'), encoder.encode('\ndata: y\n\n')]);
    expect(frames).toEqual([
      {text: 'data: x\r\n\r\n', data: 'x'},
      {text: 'data: y\n\n', data: 'y'},
    ]);
  });

  it('flushes a last frame without its blank line at the end, and a last line without its line end', () => {
    expect(splitText('data: a\n\ndata: {"b":2}\n')).toEqual([
      {text: 'data: a\n\n', data: 'a'},
      {text: 'data: {"b":2}\n', data: '{"b":2}'},
    ]);
    expect(splitText('data: {"c":3}')).toEqual([{text: 'data: {"c":3}', data: '{"c":3}'}]);
    expect(splitText('data: d\r')).toEqual([{text: 'data: d\r', data: 'd'}]);
    expect(splitText('')).toEqual([]);
  });

  it('keeps a byte order mark in the text but reads the first field through it', () => {
    expect(splitText('\ufeffdata: x\n\n')).toEqual([{text: '\ufeffdata: x\n\n', data: 'x'}]);
  });

  it('keeps the text of a broken UTF-8 sequence as replacement characters, losing no frame', () => {
    const frames = split([Uint8Array.of(0x64, 0x61, 0x74, 0x61, 0x3a, 0x20, 0xc3), encoder.encode('\n\ndata: ok\n\n')]);
    expect(frames).toEqual([
      {text: 'data: \ufffd\n\n', data: '\ufffd'},
      {text: 'data: ok\n\n', data: 'ok'},
    ]);
  });

  it('gives out a frame longer than maxFrameLength at its last line end, without data, and loses no text', () => {
    const text = 'data: aaaa\ndata: bbbb\ndata: cccc\n\ndata: ok\n\n';
    const frames = split(text.match(/[^\n]*\n/g)?.map(line => encoder.encode(line)) ?? [], {maxFrameLength: 16});
    expect(frames.map(frame => frame.text).join('')).toBe(text);
    expect(frames[0]).toEqual({text: 'data: aaaa\ndata: bbbb\n', data: undefined});
    expect(frames[frames.length - 1]).toEqual({text: 'data: ok\n\n', data: 'ok'});
    // One line longer than the bound, unfinished: given out as it is.
    const long = split([encoder.encode(`data: ${'x'.repeat(40)}`), encoder.encode('\n\n')], {maxFrameLength: 16});
    expect(long.map(frame => frame.text).join('')).toBe(`data: ${'x'.repeat(40)}\n\n`);
  });
});
