import {map, type OperatorFunction, reduce} from 'rxjs';
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

interface Collected {
  readonly content: string;
  readonly reasoning: string;
  readonly usage: LlmUsage | undefined;
}

const NOTHING_COLLECTED: Collected = {content: '', reasoning: '', usage: undefined};

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
    source.pipe(
      reduce((collected: Collected, chunk: LlmChunk): Collected => {
        switch (chunk.type) {
          case 'text-delta':
            return {...collected, content: collected.content + chunk.text};
          case 'reasoning-delta':
            return {...collected, reasoning: collected.reasoning + chunk.text};
          case 'usage':
            return {...collected, usage: chunk.usage};
        }
      }, NOTHING_COLLECTED),
      map(({content, reasoning, usage}): LlmResponse => {
        if (usage === undefined) {
          throw new LlmError(
            'llm-rx: the stream completed without a usage part, which breaks the Llm.stream() contract ' +
              '(content, then exactly one usage part, then completion). The provider adapter is faulty.',
          );
        }
        return {content, reasoning, usage, finishReason: usage.finishReason};
      }),
    );
}
