import {isDeepStrictEqual} from 'node:util';
import type {ExpectedObjectAnswer} from '../object/object-answer';
import type {ArgumentStreamConsumer, ArgumentStreamResult} from './tool-arguments-consumers';

/**
 * Checks what one consumer saw of an argument-streaming answer: the JSON byte for byte in every piece, one output
 * token per piece, and in tool mode exactly one call whose input deep-equals `JSON.parse()` of the JSON (in text
 * mode, no call).
 * @param consumer The consumer, for the message.
 * @param answer The answer streamed (`expectedObjectAnswer(records, chunks)`).
 * @param result What the consumer saw.
 * @throws Error naming the consumer and what differed.
 */
export function assertArgumentResult(
  consumer: Pick<ArgumentStreamConsumer, 'library' | 'mode'>,
  answer: ExpectedObjectAnswer,
  result: ArgumentStreamResult,
): void {
  const problems: string[] = [];
  if (result.text !== answer.json) {
    problems.push(`the pieces differ from the JSON (${result.text.length} vs ${answer.characters} characters)`);
  }
  if (result.pieces !== answer.chunks) problems.push(`${result.pieces} pieces, expected ${answer.chunks}`);
  if (consumer.mode === 'tool-arguments') {
    if (result.toolCalls !== 1) problems.push(`${result.toolCalls} tool calls, expected 1`);
    else if (!isDeepStrictEqual(result.input, answer.value)) problems.push("the call's input differs from the JSON");
  } else if (result.toolCalls !== 0) {
    problems.push(`${result.toolCalls} tool calls, expected none`);
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
