import {_createSecretRedactor, type _SecretRedactor, PLACEHOLDER_API_KEY} from 'llm-rx';
import type {LlmProxyWire} from './llm-proxy-wire';
import {createChunkRedactor, redactBodyText, type ChunkRedactor} from './redact-body-text';
import {redactSseFrame} from './redact-sse-frame';
import {createSseFrameSplitter, type SseFrame} from './sse-frames';
import {createUpstreamUsageMeter, type UpstreamUsage, type UpstreamUsageMeter} from './upstream-usage-meter';

/** How an upstream body's passage ended, with the usage read from it. */
export interface UpstreamBodyOutcome {
  readonly usage: UpstreamUsage;
  /**
   * `complete`: the upstream ended its body; `cancelled`: the reader (the client) cancelled, and the upstream body
   * was cancelled too; `failed`: reading the upstream failed (the output stream errors with its error).
   */
  readonly ended: 'complete' | 'cancelled' | 'failed';
}

/** Options of `passUpstreamBody()`. */
export interface PassUpstreamBodyOptions {
  /** The keys to cut out (the provider's); the browser's placeholder key is always cut too. */
  readonly secrets: readonly string[];
  /** The wire whose usage to read; `undefined` reads none. */
  readonly wire: LlmProxyWire | undefined;
  /** Whether the body is `text/event-stream` (read frame by frame), else a body forwarded whole (a JSON error). */
  readonly isEventStream: boolean;
  /** Called exactly once, when the body has ended one way or the other. It must not throw (what it throws is dropped). */
  onEnd(outcome: UpstreamBodyOutcome): void;
}

/** The most of a body that is no event stream held whole, to be redacted as one JSON document. */
const MAX_WHOLE_BODY_BYTES = 1024 * 1024;
const NO_USAGE: UpstreamUsage = {tokens: undefined, outputChars: 0};

/**
 * Passes an upstream response body to the client in one pass, cutting keys out and reading the usage.
 *
 * - An event stream is split into SSE frames (`createSseFrameSplitter()`); each complete frame is redacted
 *   (`redactSseFrame()`, its JSON kept valid) and forwarded at once, and its data goes to the usage meter of the
 *   wire (`createUpstreamUsageMeter()`), its JSON parsed once for both. No frame waits for more than its own end.
 * - Another body (a JSON error) is held whole, up to 1 MiB, and redacted as one document at its end; past 1 MiB,
 *   what was held and the rest go through as text redacted per chunk (`createChunkRedactor()`).
 *
 * The output is pull-based: the upstream is read only as fast as the client reads, so a slow client never makes
 * the proxy hold the upstream's answer. Cancelling the output (the client went away) cancels the upstream body,
 * which aborts the upstream request; an upstream read error errors the output. `onEnd` is called once, for
 * whichever happens first.
 *
 * ```ts
 * const body = passUpstreamBody(upstream.body, {secrets: [apiKey], wire: 'openai-chat', isEventStream: true,
 *   onEnd: ({usage, ended}) => settle(usage, ended)});
 * return new Response(body, {status: upstream.status, headers});
 * ```
 * @param body The upstream response's body.
 * @param options The keys, the wire, the body's kind and the end callback.
 * @returns The body to send to the client.
 */
export function passUpstreamBody(
  body: ReadableStream<Uint8Array>,
  options: PassUpstreamBodyOptions,
): ReadableStream<Uint8Array> {
  // Prepared once per body: the keys' pattern is built once, not per event.
  const redact = _createSecretRedactor([...options.secrets, PLACEHOLDER_API_KEY]);
  const meter = options.wire === undefined ? undefined : createUpstreamUsageMeter(options.wire);
  const encoder = new TextEncoder();
  const reader = body.getReader();
  const pass = options.isEventStream ? passFrames(redact, meter) : passWhole(redact);
  let hasEnded = false;
  const end = (ended: UpstreamBodyOutcome['ended']) => {
    if (hasEnded) return;
    hasEnded = true;
    try {
      options.onEnd({usage: meter?.result() ?? NO_USAGE, ended});
    } catch {
      // The caller's own failure: the client's stream ends as the upstream's did.
    }
  };
  const enqueue = (controller: ReadableStreamDefaultController<Uint8Array>, text: string): boolean => {
    if (text === '') return false;
    controller.enqueue(encoder.encode(text));
    return true;
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // Read until something can be sent: a pull that enqueues nothing is not called again.
        for (;;) {
          const {done, value} = await reader.read();
          if (done) {
            enqueue(controller, pass.end());
            controller.close();
            end('complete');
            return;
          }
          if (enqueue(controller, pass.push(value))) return;
        }
      } catch (error) {
        if (hasEnded) return;
        controller.error(error);
        end('failed');
        // The body may still be readable after a failure of our own: let the upstream go.
        reader.cancel(error).catch(() => undefined);
      }
    },
    async cancel(reason) {
      end('cancelled');
      await reader.cancel(reason);
    },
  });
}

/** Turns upstream chunks into the text to send. */
interface BodyPass {
  push(bytes: Uint8Array): string;
  end(): string;
}

/** An event stream: frames, each redacted and metered as soon as it is complete. */
function passFrames(redact: _SecretRedactor, meter: UpstreamUsageMeter | undefined): BodyPass {
  const splitter = createSseFrameSplitter();
  const passFrame = (frame: SseFrame): string => {
    const payload = parsedJsonOf(frame.data);
    if (meter !== undefined && frame.data !== undefined) {
      if (payload === undefined) meter.data(frame.data);
      else meter.json(payload);
    }
    return redactSseFrame(frame, payload, redact);
  };
  return {
    push: (bytes: Uint8Array) => splitter.push(bytes).map(passFrame).join(''),
    end: () => splitter.end().map(passFrame).join(''),
  };
}

/** A body held whole up to its bound, then redacted per chunk. */
function passWhole(redact: _SecretRedactor): BodyPass {
  const decoder = new TextDecoder('utf-8', {ignoreBOM: true});
  let held = '';
  let heldBytes = 0;
  let chunked: ChunkRedactor | undefined;
  return {
    push(bytes) {
      const text = decoder.decode(bytes, {stream: true});
      if (chunked !== undefined) return chunked.push(text);
      held += text;
      heldBytes += bytes.byteLength;
      if (heldBytes <= MAX_WHOLE_BODY_BYTES) return '';
      chunked = createChunkRedactor(redact);
      const output = chunked.push(held);
      held = '';
      return output;
    },
    end() {
      const rest = decoder.decode();
      if (chunked !== undefined) return chunked.push(rest) + chunked.end();
      return redactBodyText(held + rest, redact);
    },
  };
}

/** A frame's data parsed as JSON, when it is a JSON object or array; `undefined` otherwise. */
function parsedJsonOf(data: string | undefined): unknown {
  if (data === undefined) return undefined;
  const first = data.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}
