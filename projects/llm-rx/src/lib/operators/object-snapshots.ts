import {filter, map, type OperatorFunction} from 'rxjs';
import type {LlmChunk, LlmObjectPart, LlmPartialObjectPart} from '../chunk/llm-chunk';
import type {LlmDeepPartial} from '../object/llm-output';
import type {LlmObjectChunk} from '../object/stream-object';

/**
 * The object of an object stream as it grows: the value of each `partial-object` part, then the validated value
 * of the `object` part, last. Text, reasoning and the usage part are dropped; completion and errors pass through.
 * Each value is a new immutable object, so a view bound to it (a signal, `OnPush`) sees every change.
 * @returns An operator that emits the object so far (deep partial; the last value is the validated object).
 * @typeParam T The schema's type.
 *
 * ```ts
 * streamObject(llm, {userPrompt: text, output: {schema: Contact}})
 *   .pipe(objectSnapshots())
 *   .subscribe(contact => render(contact)); // {name: 'A'}, {name: 'Ada'}, …, the validated contact
 * ```
 */
export function objectSnapshots<T = unknown>(): OperatorFunction<LlmObjectChunk<T> | LlmChunk, LlmDeepPartial<T>> {
  return source =>
    source.pipe(
      filter(
        (chunk): chunk is LlmPartialObjectPart<LlmDeepPartial<T>> | LlmObjectPart<T> =>
          chunk.type === 'partial-object' || chunk.type === 'object',
      ),
      map(chunk => chunk.object as LlmDeepPartial<T>),
    );
}
