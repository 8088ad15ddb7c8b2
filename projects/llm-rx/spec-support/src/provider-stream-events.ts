// Hand-made provider events and event sources for the fromProviderStream specs, as an SDK's stream yields them.
import type {
  LlmFinishReason,
  LlmTokenCounts,
  ProviderEventMapper,
  ProviderEventSource,
  ProviderFinishEvent,
  ProviderStreamEvent,
} from 'llm-rx';

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
