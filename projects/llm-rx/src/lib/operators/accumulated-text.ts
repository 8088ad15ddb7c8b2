import {type OperatorFunction, scan} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import {textDeltas} from './text-deltas';

/**
 * The whole visible text so far, after each `text-delta`: what a template binds to while the answer streams.
 * Nothing is emitted before the first text; reasoning and the usage part are dropped.
 * @returns An operator that emits the text received so far, growing with each piece.
 *
 * ```ts
 * // In a component: <p>{{ answer() }}</p>
 * readonly answer = toSignal(
 *   this.llm.stream({userPrompt: 'Write a haiku.'}).pipe(accumulatedText()),
 *   {initialValue: ''},
 * );
 * ```
 */
export function accumulatedText(): OperatorFunction<LlmChunk, string> {
  return source =>
    source.pipe(
      textDeltas(),
      scan((text, piece) => text + piece, ''),
    );
}
