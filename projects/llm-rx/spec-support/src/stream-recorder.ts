// What a subscriber of a stream has seen so far, for specs that look while the stream runs.
import type {LlmChunk} from 'llm-rx';
import type {Observable, Subscription} from 'rxjs';

/** What a subscriber saw: it subscribes at construction and records as the stream goes. */
export class Recorder {
  /** The chunks so far. */
  readonly chunks: LlmChunk[] = [];
  /** The error the stream failed with, once `hasErrored`. */
  error: unknown;
  hasErrored = false;
  isComplete = false;
  /** The subscription, for specs that unsubscribe. */
  readonly subscription: Subscription;

  constructor(stream: Observable<LlmChunk>) {
    this.subscription = stream.subscribe({
      next: chunk => this.chunks.push(chunk),
      error: error => {
        this.error = error;
        this.hasErrored = true;
      },
      complete: () => (this.isComplete = true),
    });
  }

  /** Whether the stream has ended, either way. */
  get isSettled(): boolean {
    return this.hasErrored || this.isComplete;
  }
}
