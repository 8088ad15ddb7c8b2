import type {LlmToolCallState} from 'llm-rx/angular';

/** One piece of an answer, in reading order: some of its text, or a tool call. */
export type AnswerPiece =
  | {readonly kind: 'text'; readonly text: string; readonly offset: number}
  | {readonly kind: 'tool-call'; readonly call: LlmToolCallState};

/**
 * Cuts an answer into its text and its tool calls, in the order they came: each call after the text that came
 * before it (its `textOffset`). Without calls, the whole text is one piece (an empty one for an empty text, so
 * that the answer always has a place for its text to stream into).
 * @param text The answer's text so far, every step's.
 * @param calls The tool calls so far, in start order.
 * @returns The pieces; empty texts between two calls are left out.
 */
export function answerPieces(text: string, calls: readonly LlmToolCallState[]): AnswerPiece[] {
  const pieces: AnswerPiece[] = [];
  let offset = 0;
  for (const call of calls) {
    const end = Math.min(Math.max(call.textOffset, offset), text.length);
    if (end > offset) pieces.push({kind: 'text', text: text.slice(offset, end), offset});
    pieces.push({kind: 'tool-call', call});
    offset = end;
  }
  if (offset < text.length || pieces.length === 0 || pieces.at(-1)?.kind === 'tool-call') {
    pieces.push({kind: 'text', text: text.slice(offset), offset});
  }
  return pieces;
}
