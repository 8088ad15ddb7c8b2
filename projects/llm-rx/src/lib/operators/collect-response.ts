import {Observable, type OperatorFunction} from 'rxjs';
import type {LlmChunk, LlmObjectPart, LlmToolCallEnd, LlmToolResultPart} from '../chunk/llm-chunk';
import {LlmError} from '../errors/llm-error';
import type {LlmFinishReason, LlmUsage} from '../usage/llm-usage';

/**
 * A whole answer, collected from a stream: what `collectResponse()` emits.
 * @typeParam T The object's type: the schema's for a `streamObject()` stream, `unknown` for an untyped one.
 */
export interface LlmResponse<T = unknown> {
  /** All `text-delta` texts, joined (for an object, its raw JSON text). */
  readonly content: string;
  /**
   * The `object` part's value: the validated object, for a request with an `output`; `undefined` for prose.
   */
  readonly object: T;
  /** All `reasoning-delta` texts, joined; empty for models that expose no reasoning. */
  readonly reasoning: string;
  /** Every `tool-call-end` part, in order: the calls the model made (of every step, for `runTools()`). */
  readonly toolCalls: readonly LlmToolCallEnd[];
  /** Every `tool-result` part, in order (`runTools()` only). */
  readonly toolResults: readonly LlmToolResultPart[];
  /** The stream's usage part: tokens, cost, timing and attempts. */
  readonly usage: LlmUsage;
  /** Why the model stopped; the same as `usage.finishReason`. */
  readonly finishReason: LlmFinishReason;
}

/** The object type a stream's chunks carry: the schema's type for a typed stream, else `unknown`. */
export type LlmResponseObjectOf<TChunk> = TChunk extends LlmObjectPart<infer T> ? T : never;

/**
 * Collects a stream into one response, emitted when the stream completes: streaming's lower latency to the
 * server, with the whole answer at the end (majordomo-llm's `stream.collect()`).
 *
 * Errors of the source pass through unchanged. A source that completes without a usage part broke the
 * `Llm.stream()` contract and errors with an `LlmError`.
 * @returns An operator that emits one `LlmResponse` and completes; its `object` is the `object` part's value.
 * @typeParam TChunk The stream's chunks; a `streamObject()` stream types `object` by its schema.
 *
 * ```ts
 * llm.stream({userPrompt: 'What are the three primary colors?'})
 *   .pipe(collectResponse())
 *   .subscribe(response => console.log(response.content, response.usage.totalCost));
 *
 * streamObject(llm, {userPrompt: 'Ada Lovelace, ada@example.com', output: {schema: Contact}})
 *   .pipe(collectResponse())
 *   .subscribe(({object}) => console.log(object.name)); // typed as Contact
 * ```
 */
export function collectResponse<TChunk extends LlmChunk = LlmChunk>(): OperatorFunction<
  TChunk,
  LlmResponse<LlmResponseObjectOf<TChunk>>
> {
  return source =>
    new Observable<LlmResponse<LlmResponseObjectOf<TChunk>>>(subscriber => {
      // Mutable per-subscription state: a million-chunk answer must not cost a million accumulator objects.
      let content = '';
      let reasoning = '';
      let object: unknown = undefined;
      let usage: LlmUsage | undefined;
      const toolCalls: LlmToolCallEnd[] = [];
      const toolResults: LlmToolResultPart[] = [];
      return source.subscribe({
        next: chunk => {
          switch (chunk.type) {
            case 'text-delta':
              content += chunk.text;
              break;
            case 'reasoning-delta':
              reasoning += chunk.text;
              break;
            case 'object':
              object = chunk.object;
              break;
            case 'tool-call-end':
              toolCalls.push(chunk);
              break;
            case 'tool-result':
              toolResults.push(chunk);
              break;
            case 'usage':
              usage = chunk.usage;
              break;
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          if (usage === undefined) {
            subscriber.error(
              new LlmError(
                'llm-rx: the stream completed without a usage part, which breaks the Llm.stream() contract ' +
                  '(content, then exactly one usage part, then completion). The provider adapter is faulty.',
              ),
            );
            return;
          }
          subscriber.next({
            content,
            reasoning,
            object: object as LlmResponseObjectOf<TChunk>,
            toolCalls,
            toolResults,
            usage,
            finishReason: usage.finishReason,
          });
          subscriber.complete();
        },
      });
    });
}
