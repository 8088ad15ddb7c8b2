// A provider event source that a spec feeds by hand, one event at a time.
import type {ProviderStreamEvent} from 'llm-rx';

type Step = {readonly event: ProviderStreamEvent} | {readonly end: true} | {readonly error: unknown};

/** A hand-fed event source: the spec pushes events, then ends or fails it. */
export class EventChannel implements AsyncIterable<ProviderStreamEvent> {
  readonly #steps: Step[] = [];
  #wake: (() => void) | undefined;

  /** Queues events for the reader, in order. */
  push(...events: ProviderStreamEvent[]): void {
    events.forEach(event => this.#enqueue({event}));
  }

  /** Ends the source after the queued events, as a finished SDK stream does. */
  end(): void {
    this.#enqueue({end: true});
  }

  /** Throws `error` to the reader after the queued events, as a broken SDK stream does. */
  fail(error: unknown): void {
    this.#enqueue({error});
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ProviderStreamEvent> {
    for (;;) {
      while (this.#steps.length === 0) await new Promise<void>(resolve => (this.#wake = resolve));
      const step = this.#steps.shift() as Step;
      if ('end' in step) return;
      if ('error' in step) throw step.error;
      yield step.event;
    }
  }

  #enqueue(step: Step): void {
    this.#steps.push(step);
    this.#wake?.();
    this.#wake = undefined;
  }
}
