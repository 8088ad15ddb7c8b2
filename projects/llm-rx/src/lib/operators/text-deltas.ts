import {filter, map, type OperatorFunction} from 'rxjs';
import type {LlmChunk, LlmTextDelta} from '../chunk/llm-chunk';

/**
 * The visible text of a stream, piece by piece: the text of each `text-delta`. Reasoning and the usage part are
 * dropped; completion and errors pass through.
 * @returns An operator that emits each new piece of text.
 *
 * ```ts
 * llm.stream({userPrompt: 'Explain why the sky is blue.'})
 *   .pipe(textDeltas())
 *   .subscribe(text => process.stdout.write(text));
 * ```
 */
export function textDeltas(): OperatorFunction<LlmChunk, string> {
  return source =>
    source.pipe(
      filter((chunk): chunk is LlmTextDelta => chunk.type === 'text-delta'),
      map(chunk => chunk.text),
    );
}
