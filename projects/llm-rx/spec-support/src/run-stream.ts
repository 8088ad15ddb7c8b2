// Subscribing to a stream once from a spec, with real timers, and keeping what it did.
import type {LlmChunk} from 'llm-rx';
import type {Observable} from 'rxjs';

/** What one subscription saw. */
export interface StreamOutcome {
  readonly chunks: LlmChunk[];
  readonly error?: unknown;
  readonly completed: boolean;
}

/**
 * Subscribes once and collects everything the stream emits.
 * @param stream The stream.
 * @returns The chunks and how the stream ended.
 */
export function runStream(stream: Observable<LlmChunk>): Promise<StreamOutcome> {
  return new Promise(resolve => {
    const chunks: LlmChunk[] = [];
    stream.subscribe({
      next: chunk => chunks.push(chunk),
      error: (error: unknown) => resolve({chunks, error, completed: false}),
      complete: () => resolve({chunks, completed: true}),
    });
  });
}
