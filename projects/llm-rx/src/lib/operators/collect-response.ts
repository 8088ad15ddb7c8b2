import {Observable, type OperatorFunction} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmError} from '../errors/llm-error';
import type {LlmFinishReason, LlmUsage} from '../usage/llm-usage';

/** A whole answer, collected from a stream: what `collectResponse()` emits. */
export interface LlmResponse {
  /** All `text-delta` texts, joined. */
  readonly content: string;
  /** All `reasoning-delta` texts, joined; empty for models that expose no reasoning. */
  readonly reasoning: string;
  /** The stream's usage part: tokens, cost, timing and attempts. */
  readonly usage: LlmUsage;
  /** Why the model stopped; the same as `usage.finishReason`. */
  readonly finishReason: LlmFinishReason;
}

/**
 * Collects a stream into one response, emitted when the stream completes: streaming's lower latency to the
 * server, with the whole answer at the end (majordomo-llm's `stream.collect()`).
 *
 * Errors of the source pass through unchanged. A source that completes without a usage part broke the
 * `Llm.stream()` contract and errors with an `LlmError`.
 * @returns An operator that emits one `LlmResponse` and completes.
 *
 * ```ts
 * llm.stream({userPrompt: 'What are the three primary colors?'})
 *   .pipe(collectResponse())
 *   .subscribe(response => console.log(response.content, response.usage.totalCost));
 * ```
 */
export function collectResponse(): OperatorFunction<LlmChunk, LlmResponse> {
  return source =>
    new Observable<LlmResponse>(subscriber => {
      // Mutable per-subscription state: a million-chunk answer must not cost a million accumulator objects.
      let content = '';
      let reasoning = '';
      let usage: LlmUsage | undefined;
      return source.subscribe({
        next: chunk => {
          switch (chunk.type) {
            case 'text-delta':
              content += chunk.text;
              break;
            case 'reasoning-delta':
              reasoning += chunk.text;
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
          subscriber.next({content, reasoning, usage, finishReason: usage.finishReason});
          subscriber.complete();
        },
      });
    });
}
