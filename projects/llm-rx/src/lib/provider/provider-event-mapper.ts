import type {ProviderStreamEvent} from './provider-stream-event';

/**
 * Turns an SDK's stream events into provider stream events, one SDK event at a time, synchronously: an adapter
 * makes a new one per request, and keeps in it what it must remember between events (usage, finish reason).
 * What the SDK says of the response itself (its id, the model that answered) it emits as a `response-metadata`
 * event when it reads it, rather than keeping it for the `finish` event: the core keeps it for the usage.
 *
 * `fromProviderStream()` reads the SDK's own stream and calls it per event, so that each chunk costs no more
 * promises than the SDK's own loop does.
 * @typeParam TEvent The SDK's stream event.
 */
export interface ProviderEventMapper<TEvent> {
  /**
   * Maps one SDK event.
   * @param event The SDK's event.
   * @returns `undefined` for an event that carries nothing (the common skip), one event (the common case: no
   *   array per chunk), or several, in order (e.g. reasoning and text in one SDK event).
   */
  next(event: TEvent): ProviderStreamEvent | readonly ProviderStreamEvent[] | undefined;
  /**
   * Called once the SDK's stream has ended without an error (or once `done`): the event held back until then,
   * typically the `finish` event of a provider that reports usage and finish reason in separate events.
   * @returns The last event, or `undefined` (no `finish` then makes the stream incomplete).
   */
  end?(): ProviderStreamEvent | undefined;
  /**
   * Read after each `finish` event: `true` stops reading the SDK's stream (closing it) rather than waiting for
   * the server to close it, for a provider whose final event is known (Anthropic's `message_stop`).
   */
  readonly done?: boolean;
}

/**
 * What an adapter's `open` resolves to: the SDK's own stream, and the mapper of its events.
 * @typeParam TEvent The SDK's stream event.
 */
export interface ProviderEventSource<TEvent> {
  /** The SDK's stream, iterated once by `fromProviderStream()`. */
  readonly events: AsyncIterable<TEvent>;
  /** A new mapper, for this stream only. */
  readonly mapper: ProviderEventMapper<TEvent>;
  /**
   * For a request with an `output`: brings the parsed answer back to the request's schema before it is validated,
   * when the adapter sent the provider a schema of its own (e.g. OpenAI's strict mode, where an optional property
   * is sent as required and nullable, so a `null` there means "absent"). Partial objects are shown as parsed.
   */
  readonly prepareObject?: (value: unknown) => unknown;
}
