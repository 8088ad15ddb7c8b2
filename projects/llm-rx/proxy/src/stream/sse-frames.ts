/** One server-sent event as it came over the wire. */
export interface SseFrame {
  /**
   * The frame's text exactly as received, its line ends and the blank line that ends it included: the frames'
   * texts, joined, are the stream's text.
   */
  readonly text: string;
  /**
   * The frame's `data:` lines' values joined with `\n` (one space after the colon dropped, as the SSE spec says);
   * `undefined` for a frame without a `data` field (a comment such as `: ping`, or an `event:` line alone).
   */
  readonly data: string | undefined;
}

/** Splits a byte stream into SSE frames, whatever its chunking. */
export interface SseFrameSplitter {
  /**
   * Reads one chunk of the stream.
   * @param bytes The chunk; it may end anywhere, inside a line or a UTF-8 character.
   * @returns The frames this chunk completed, in order (often none or one).
   */
  push(bytes: Uint8Array): SseFrame[];
  /**
   * Ends the stream.
   * @returns The last frame, when the stream ended without the blank line after it (or a frame cut at
   *   `maxFrameLength`), else nothing.
   */
  end(): SseFrame[];
}

/** Options of `createSseFrameSplitter()`. */
export interface SseFrameSplitterOptions {
  /**
   * The most characters one frame may hold before it is given out anyway, at its last line end (a broken or
   * hostile upstream that never sends a blank line must not make the proxy hold all of it); its `data` is then
   * `undefined`. Default 1 MiB.
   */
  readonly maxFrameLength?: number;
}

const DEFAULT_MAX_FRAME_LENGTH = 1024 * 1024;
const CR = 13;
const LF = 10;

/**
 * Creates an incremental splitter of a `text/event-stream` body into frames: a frame ends with a blank line, and a
 * line ends with `\r\n`, `\n` or `\r` (the SSE spec's three line ends; a `\r` at a chunk's end waits for the next
 * chunk, which may start with its `\n`). UTF-8 is decoded across chunk boundaries; a byte order mark is kept in the
 * text (so that nothing is lost) but not in the first field's name.
 *
 * ```ts
 * const splitter = createSseFrameSplitter();
 * for (const frame of splitter.push(bytes)) forward(frame.text), read(frame.data);
 * for (const frame of splitter.end()) forward(frame.text), read(frame.data);
 * ```
 * @param options The frame size bound.
 * @returns A new splitter, for one stream.
 */
export function createSseFrameSplitter(options: SseFrameSplitterOptions = {}): SseFrameSplitter {
  const maxFrameLength = options.maxFrameLength ?? DEFAULT_MAX_FRAME_LENGTH;
  const decoder = new TextDecoder('utf-8', {ignoreBOM: true});
  // The text of the frame being read; `lineStart` is where its unfinished line starts.
  let pending = '';
  let lineStart = 0;
  // Where to go on looking for a line end: a long line that comes in small chunks is scanned once.
  let scanned = 0;
  let dataLines: string[] = [];
  let isFirstLine = true;

  const readField = (line: string) => {
    const unmarked = isFirstLine && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    isFirstLine = false;
    const colon = unmarked.indexOf(':');
    const name = colon === -1 ? unmarked : unmarked.slice(0, colon);
    if (name !== 'data') return;
    const value = colon === -1 ? '' : unmarked.slice(colon + 1);
    dataLines.push(value.startsWith(' ') ? value.slice(1) : value);
  };

  const takeFrame = (end: number, data: string | undefined): SseFrame => {
    const frame = {text: pending.slice(0, end), data};
    pending = pending.slice(end);
    lineStart = scanned = 0;
    dataLines = [];
    return frame;
  };

  /** Reads the complete lines of `pending`; `final`: the stream ended, so a last `\r` ends its line. */
  const readLines = (final: boolean): SseFrame[] => {
    const frames: SseFrame[] = [];
    let index = scanned;
    while (index < pending.length) {
      const code = pending.charCodeAt(index);
      if (code !== LF && code !== CR) {
        index++;
        continue;
      }
      if (code === CR && index + 1 === pending.length && !final) break;
      // A line end: a blank line ends the frame, another line is one of its fields.
      const lineEnd = code === CR && pending.charCodeAt(index + 1) === LF ? index + 2 : index + 1;
      const line = pending.slice(lineStart, index);
      if (line === '') {
        frames.push(takeFrame(lineEnd, dataLines.length === 0 ? undefined : dataLines.join('\n')));
        index = 0;
        continue;
      }
      readField(line);
      lineStart = index = lineEnd;
    }
    scanned = index;
    if (pending.length > maxFrameLength) {
      // Too long a frame: give out its complete lines (or its one unfinished line), without its data.
      frames.push(takeFrame(lineStart === 0 ? pending.length : lineStart, undefined));
    }
    return frames;
  };

  return {
    push(bytes) {
      pending += decoder.decode(bytes, {stream: true});
      return readLines(false);
    },
    end() {
      pending += decoder.decode();
      const frames = readLines(true);
      if (pending === '') return frames;
      if (lineStart < pending.length) readField(pending.slice(lineStart));
      frames.push(takeFrame(pending.length, dataLines.length === 0 ? undefined : dataLines.join('\n')));
      return frames;
    },
  };
}
