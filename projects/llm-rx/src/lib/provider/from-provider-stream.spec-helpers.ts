// Test doubles for the fromProviderStream specs: hand-fed event sources, as an SDK's stream is, without any SDK.
import {config as rxjsConfig, type Observable, type Subscription} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmProviderError} from '../errors/llm-provider-error';
import type {LlmRequest} from '../request/llm-request';
import {fromProviderStream, type ProviderStreamConfig} from './from-provider-stream';
import type {LlmFinishReason, LlmTokenCounts} from '../usage/llm-usage';
import type {ProviderEventMapper, ProviderEventSource} from './provider-event-mapper';
import type {ProviderFinishEvent, ProviderStreamEvent} from './provider-stream-event';

/** The provider the specs stream from. */
export const PROVIDER = 'h4-test-provider';
/** A model no price table knows, so that its cost is null whatever the default table holds. */
export const MODEL = 'h4-unpriced-model';

/** The token counts of every `finish()` event. */
export const TOKENS: LlmTokenCounts = {
  inputTokens: 12,
  outputTokens: 7,
  cachedInputTokens: 2,
  cacheWriteTokens: 0,
  reasoningTokens: 3,
};

/**
 * A provider's final event with `TOKENS`.
 * @param unified The unified finish reason.
 * @param raw The provider's own finish reason.
 * @param errorMessage An in-band error message, when the provider reports one.
 * @returns The event.
 */
export function finish(
  unified: LlmFinishReason['unified'],
  raw: string | null,
  errorMessage?: string,
): ProviderFinishEvent {
  return {
    type: 'finish',
    tokens: TOKENS,
    finishReason: {unified, raw},
    ...(errorMessage !== undefined && {errorMessage}),
  };
}

/**
 * A mapper for a stream that already holds provider events: each passes through as it is.
 * @returns The mapper.
 */
export function passThrough(): ProviderEventMapper<ProviderStreamEvent> {
  return {next: event => event};
}

/**
 * An event source that yields the given events, then ends, with a pass-through mapper.
 * @param list The events.
 * @returns The source.
 */
export function events(...list: ProviderStreamEvent[]): ProviderEventSource<ProviderStreamEvent> {
  return {events: fromList(list), mapper: passThrough()};
}

/**
 * An SDK-like stream that yields the given items, then ends.
 * @param list The items.
 * @returns The stream.
 */
export async function* fromList<T>(list: readonly T[]): AsyncGenerator<T> {
  yield* list;
}

type Step = {readonly event: ProviderStreamEvent} | {readonly end: true} | {readonly error: unknown};

/** A hand-fed event source: the spec pushes events, then ends or fails it. */
export class EventChannel implements AsyncIterable<ProviderStreamEvent> {
  readonly #steps: Step[] = [];
  #wake: (() => void) | undefined;

  push(...events: ProviderStreamEvent[]): void {
    events.forEach(event => this.#enqueue({event}));
  }

  end(): void {
    this.#enqueue({end: true});
  }

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

/**
 * Opens channels for `fromProviderStream`'s `open`, and catches what rxjs drops: an error or completion sent to a
 * subscriber that is gone lands in `stoppedNotifications`, where the specs check that nothing ever does.
 */
export class ProviderStreamFixture {
  /** The signal of each `openChannel` call. */
  readonly signals: AbortSignal[] = [];
  /** The channel each `openChannel` call returned. */
  readonly channels: EventChannel[] = [];
  readonly stoppedNotifications: unknown[] = [];
  /** How a channel reacts to its signal's abort; by default it ends silently, as the OpenAI SDK's stream does. */
  onAbort: (channel: EventChannel) => void = channel => channel.end();
  readonly #previousOnStoppedNotification = rxjsConfig.onStoppedNotification;

  constructor() {
    rxjsConfig.onStoppedNotification = notification => this.stoppedNotifications.push(notification);
  }

  /** An `open` that records its signal and returns a new channel. */
  readonly openChannel = async (signal: AbortSignal): Promise<ProviderEventSource<ProviderStreamEvent>> => {
    const channel = new EventChannel();
    this.signals.push(signal);
    this.channels.push(channel);
    signal.addEventListener('abort', () => this.onAbort(channel));
    return {events: channel, mapper: passThrough()};
  };

  /** Puts rxjs' stopped-notification handler back. */
  restore(): void {
    rxjsConfig.onStoppedNotification = this.#previousOnStoppedNotification;
  }
}

/** What a subscriber saw. */
export class Recorder {
  readonly chunks: LlmChunk[] = [];
  error: unknown;
  hasErrored = false;
  isComplete = false;
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

  get isSettled(): boolean {
    return this.hasErrored || this.isComplete;
  }
}

/**
 * Waits, with real timers, until a condition holds.
 * @param condition What to wait for.
 * @param what Its name, for the error after 2 s.
 */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 1));
  }
}

/** Lets a few macrotasks run, for things that must not happen. */
export function settle(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 20));
}

/** An SDK error mapped the way the specs expect: an `LlmProviderError` with the error as its cause. */
export function mapToProviderError(error: unknown): LlmProviderError {
  return new LlmProviderError('llm-rx: mapped', {provider: PROVIDER, cause: error});
}

/**
 * `fromProviderStream` for the unpriced test model, with both timeouts off unless the overrides set them.
 * @param config The request, `open` and whatever else the spec sets.
 * @returns The stream.
 */
export function providerStreamOf<TEvent>(
  config: Pick<ProviderStreamConfig<TEvent>, 'request' | 'open'> & Partial<ProviderStreamConfig<TEvent>>,
): Observable<LlmChunk> {
  return fromProviderStream<TEvent>({
    provider: PROVIDER,
    model: MODEL,
    mapError: mapToProviderError,
    firstChunkTimeoutMs: null,
    idleTimeoutMs: null,
    ...config,
  });
}

/** Request-level shorthand the fixture-driven specs share. */
export type StreamOf = (request: LlmRequest, overrides?: Partial<ProviderStreamConfig>) => Observable<LlmChunk>;
