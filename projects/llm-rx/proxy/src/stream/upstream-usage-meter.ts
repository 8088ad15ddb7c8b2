import type {LlmTokenCounts, ProviderStreamEvent} from 'llm-rx';
import type {LlmProxyWire} from './llm-proxy-wire';
import {createUpstreamEventMapper} from './upstream-event-mappers';

/** What an upstream answer said of its usage, as the proxy read it passing through. */
export interface UpstreamUsage {
  /**
   * The tokens the provider reported (its usage, normalised by the llm-rx adapter's own mapper, as the browser's
   * `LlmUsage` will show them); `undefined` when the answer ended without usage (cut, failed, or a usage of zero
   * tokens in and out, which no real answer has: an error event's placeholder).
   */
  readonly tokens: LlmTokenCounts | undefined;
  /** Characters of text, reasoning and tool-call arguments seen: for an estimate when no usage came. */
  readonly outputChars: number;
  /** The model that answered, as the provider named it, when it did. */
  readonly responseModel?: string;
}

/** Reads the usage of one upstream answer from its SSE data payloads. */
export interface UpstreamUsageMeter {
  /**
   * Reads one SSE `data:` payload. `[DONE]` ends the reading (as the SDKs stop there), and so does the mapper's
   * last event (Anthropic's `message_stop`); text that is not JSON, and anything the mapper cannot read, is skipped.
   * Never throws.
   * @param payload The frame's data, its lines joined with `\n`.
   */
  data(payload: string): void;
  /**
   * Reads one payload already parsed (the proxy parses each frame's JSON once, for its redaction too). Anything
   * but an object is skipped. Never throws.
   * @param value The parsed payload.
   */
  json(value: unknown): void;
  /**
   * Ends the reading: gives the mapper its end (the `finish` that Chat Completions and Gemini mappers hold back
   * until the stream ends) and returns what was read. Later calls return the same; later payloads are skipped.
   * @returns The tokens, the characters seen and the answering model.
   */
  result(): UpstreamUsage;
}

/**
 * Creates a meter of one upstream answer's usage, with the llm-rx adapter's own event mapper of its wire
 * (`createUpstreamEventMapper()`): the proxy charges what the browser's `LlmUsage` will report.
 *
 * ```ts
 * const meter = createUpstreamUsageMeter('anthropic');
 * for (const frame of frames) if (frame.data !== undefined) meter.data(frame.data);
 * const {tokens, outputChars} = meter.result();
 * ```
 * @param wire The upstream's wire format.
 * @returns A new meter, for one answer.
 */
export function createUpstreamUsageMeter(wire: LlmProxyWire): UpstreamUsageMeter {
  const mapper = createUpstreamEventMapper(wire);
  let tokens: LlmTokenCounts | undefined;
  let outputChars = 0;
  let responseModel: string | undefined;
  let isDone = false;
  let result: UpstreamUsage | undefined;

  const read = (event: ProviderStreamEvent) => {
    switch (event.type) {
      case 'text-delta':
      case 'reasoning-delta':
        outputChars += event.text.length;
        break;
      case 'tool-call-delta':
        outputChars += event.argumentsDelta.length;
        break;
      case 'response-metadata':
        if (event.responseModel) responseModel = event.responseModel;
        break;
      case 'finish':
        tokens = event.tokens.inputTokens + event.tokens.outputTokens === 0 ? undefined : event.tokens;
        break;
      default:
        break;
    }
  };
  const readSafely = (map: () => ProviderStreamEvent | readonly ProviderStreamEvent[] | undefined) => {
    try {
      const events = map();
      if (events === undefined) return;
      if (Array.isArray(events)) (events as readonly ProviderStreamEvent[]).forEach(read);
      else read(events as ProviderStreamEvent);
    } catch {
      // A mapper may throw on an event it cannot read (an error event, a shape it does not know): skipped, as
      // the meter must never break the stream it reads.
    }
  };
  const json = (value: unknown) => {
    if (isDone || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    readSafely(() => mapper.next(value));
    if (mapper.done) isDone = true;
  };

  return {
    data(payload) {
      if (isDone) return;
      const trimmed = payload.trim();
      if (trimmed === '[DONE]') {
        isDone = true;
        return;
      }
      if (!trimmed.startsWith('{')) return;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        return;
      }
      json(value);
    },
    json,
    result() {
      if (result !== undefined) return result;
      isDone = true;
      if (mapper.end) readSafely(() => mapper.end?.());
      result = {tokens, outputChars, ...(responseModel !== undefined && {responseModel})};
      return result;
    },
  };
}
