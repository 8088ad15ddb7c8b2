// The fromProviderStream specs' fixture: channels for its `open`, rxjs' dropped notifications, the stream itself.
import {config as rxjsConfig, type Observable} from 'rxjs';
import {fromProviderStream, LlmProviderError} from 'llm-rx';
import type {LlmChunk, LlmRequest, ProviderEventSource, ProviderStreamConfig, ProviderStreamEvent} from 'llm-rx';
import {EventChannel} from './event-channel';
import {MODEL, passThrough, PROVIDER} from './provider-stream-events';

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

/** What `useProviderStreamSpec()` gives each spec: a new fixture and spies, and the stream built on them. */
export interface ProviderStreamSpec {
  readonly fixture: ProviderStreamFixture;
  /** `fromProviderStream`'s `open`, opening a fixture channel unless the spec changes it. */
  readonly open: jasmine.Spy<(signal: AbortSignal) => Promise<ProviderEventSource<ProviderStreamEvent>>>;
  /** `fromProviderStream`'s `mapError`, mapping with `mapToProviderError` unless the spec changes it. */
  readonly mapError: jasmine.Spy<(error: unknown) => unknown>;
  /** The stream of a request, on `open` and `mapError`. */
  readonly streamOf: StreamOf;
}

/**
 * Sets up the fixture-driven `fromProviderStream` specs of a `describe`: before each spec a new fixture, `open`
 * and `mapError` spies and a silenced `console.warn` (the default pricer warns about the unpriced model); after
 * each, rxjs' handler put back.
 * @returns The current spec's fixture and spies, read at each use.
 */
export function useProviderStreamSpec(): ProviderStreamSpec {
  let current: Omit<ProviderStreamSpec, 'streamOf'>;
  beforeEach(() => {
    spyOn(console, 'warn');
    const fixture = new ProviderStreamFixture();
    current = {
      fixture,
      open: jasmine.createSpy('open').and.callFake(fixture.openChannel),
      mapError: jasmine.createSpy('mapError').and.callFake(mapToProviderError),
    };
  });
  afterEach(() => current.fixture.restore());
  return {
    get fixture() {
      return current.fixture;
    },
    get open() {
      return current.open;
    },
    get mapError() {
      return current.mapError;
    },
    streamOf: (request, overrides = {}) =>
      providerStreamOf({request, open: current.open, mapError: current.mapError, ...overrides}),
  };
}
