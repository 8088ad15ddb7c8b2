// Upstream bodies for the passUpstreamBody specs: byte chunks as a pull-based stream that counts its pulls and
// cancels, random cuts, a realistic key, and reading a stream to its end.
import {mulberry32, type Random} from '@llm-rx/spec-support';
import type {UpstreamBodyOutcome} from './pass-upstream-body';

/** A stream of chunks that records how it was used. */
export interface RecordingBody {
  readonly stream: ReadableStream<Uint8Array>;
  /** How many chunks were pulled from it. */
  readonly pulls: () => number;
  /** The reason it was cancelled with, once cancelled. */
  readonly cancelled: () => {readonly reason: unknown} | undefined;
}

/**
 * A pull-based stream of the given chunks (then, unless `endless`, its end; or `failWith` as an error).
 * @param chunks The chunks.
 * @param options `endless`: after the chunks, repeat the last one forever; `failWith`: error after the chunks.
 * @returns The stream and its records.
 */
export function recordingBody(
  chunks: readonly Uint8Array[],
  options: {readonly endless?: boolean; readonly failWith?: Error} = {},
): RecordingBody {
  let pulls = 0;
  let cancelled: {readonly reason: unknown} | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const index = pulls++;
        if (index < chunks.length) controller.enqueue(chunks[index].slice());
        else if (options.endless) controller.enqueue(chunks[chunks.length - 1].slice());
        else if (options.failWith) controller.error(options.failWith);
        else controller.close();
      },
      cancel(reason) {
        cancelled = {reason};
      },
    },
    {highWaterMark: 0},
  );
  return {stream, pulls: () => pulls, cancelled: () => cancelled};
}

/**
 * Cuts bytes at random places (empty pieces included).
 * @param bytes The bytes.
 * @param random The generator.
 * @param maxLength The longest piece.
 * @returns The pieces, in order.
 */
export function randomCuts(bytes: Uint8Array, random: Random, maxLength = 16): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length;) {
    const length = Math.floor(random() * (maxLength + 1));
    pieces.push(bytes.subarray(start, start + length));
    start += length;
  }
  return pieces;
}

/**
 * A key shaped like OpenAI's project keys: `sk-proj-` and 40 mixed-case letters and digits.
 * @param seed The seed of its characters.
 * @returns The key.
 */
export function realisticKey(seed: number): string {
  const random = mulberry32(seed);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let key = 'sk-proj-';
  for (let index = 0; index < 40; index++) key += alphabet[Math.floor(random() * alphabet.length)];
  return key;
}

/**
 * Reads a stream to its end.
 * @param stream The stream.
 * @returns Its bytes decoded as UTF-8, or the error it failed with.
 */
export async function readText(stream: ReadableStream<Uint8Array>): Promise<{text: string; error?: unknown}> {
  const decoder = new TextDecoder();
  let text = '';
  const reader = stream.getReader();
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) return {text: text + decoder.decode()};
      text += decoder.decode(value, {stream: true});
    }
  } catch (error) {
    return {text, error};
  }
}

/** Records every `onEnd` call. */
export function endRecorder(): {
  readonly onEnd: (outcome: UpstreamBodyOutcome) => void;
  readonly calls: UpstreamBodyOutcome[];
} {
  const calls: UpstreamBodyOutcome[] = [];
  return {onEnd: outcome => calls.push(outcome), calls};
}
