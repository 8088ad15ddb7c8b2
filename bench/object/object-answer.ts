import {isDeepStrictEqual} from 'node:util';
import type {ObjectStreamConsumer, ObjectStreamResult} from './object-consumers';
import {benchObject} from './object-fixture';

/** One answer the object bench streams: the bench object of `records` items in `chunks` text chunks. */
export interface ObjectAnswer {
  readonly records: number;
  readonly chunks: number;
  /** The JSON text's size in UTF-8 bytes. */
  readonly bytes: number;
  /** The JSON text's length in characters (UTF-16 code units). */
  readonly characters: number;
}

/** An answer with what every consumer must see of it. */
export interface ExpectedObjectAnswer extends ObjectAnswer {
  readonly json: string;
  /** `JSON.parse(json)`: what the validated object must deep-equal. */
  readonly value: unknown;
}

/**
 * The answer the mock server streams for `records` items in `chunks` chunks (`objectAnswerWire`), built the same
 * way here to check each run against.
 * @param records Items in the object.
 * @param chunks Text chunks.
 * @returns The answer, its JSON and its value.
 */
export function expectedObjectAnswer(records: number, chunks: number): ExpectedObjectAnswer {
  const json = JSON.stringify(benchObject(records));
  return {records, chunks, bytes: Buffer.byteLength(json), characters: json.length, json, value: JSON.parse(json)};
}

/**
 * Checks what one consumer saw against the answer: the whole text and every chunk in text mode; the validated
 * object and the last partial object (the whole value) in object mode; the usage's output tokens (one per chunk).
 * @param consumer The consumer, for the message.
 * @param answer The answer streamed.
 * @param result What the consumer saw.
 * @throws Error naming the consumer and what differed.
 */
export function assertObjectResult(
  consumer: Pick<ObjectStreamConsumer, 'library' | 'mode'>,
  answer: ExpectedObjectAnswer,
  result: ObjectStreamResult,
): void {
  const problems: string[] = [];
  if (consumer.mode === 'text') {
    if (result.text !== answer.json) {
      problems.push(`text differs (${result.text?.length ?? 0} vs ${answer.characters} characters)`);
    }
    if (result.pieces !== answer.chunks) problems.push(`${result.pieces} text pieces, expected ${answer.chunks}`);
  } else {
    if (!isDeepStrictEqual(result.object, answer.value)) problems.push('the validated object differs from the JSON');
    if (!isDeepStrictEqual(result.lastPartial, answer.value)) problems.push('the last partial object is not whole');
    if (result.partials < 1) problems.push('no partial object');
  }
  if (result.outputTokens !== answer.chunks) {
    problems.push(`${result.outputTokens} output tokens, expected ${answer.chunks}`);
  }
  if (problems.length) {
    throw new Error(
      `bench: ${consumer.library} (${consumer.mode}) on ${answer.records} items in ${answer.chunks} chunks: ` +
        problems.join('; '),
    );
  }
}
