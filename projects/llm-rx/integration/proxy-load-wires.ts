/*
 * The six streaming wires as raw HTTP, for the proxy's load spec (proxy-load.node.spec.ts): each wire's request
 * (path and body, already as the proxy forwards it, so that the same bytes can be sent directly to the mock), and a
 * reader of its answer's text and usage written from the wire format itself, apart from the llm-rx mappers that
 * the proxy meters with. Spec support only: no entry point, not a spec.
 */
import type {LlmProxyProviderName} from 'llm-rx/proxy';

/** What a reader finds in one answer. */
export interface WireReading {
  readonly text: string;
  readonly inputTokens: number | undefined;
  readonly outputTokens: number | undefined;
}

/** One wire as a load stream calls it. */
export interface LoadWire {
  readonly label: string;
  /** The proxy's provider, and the mock upstream's base URL (`mockUpstreamOf(family)`). */
  readonly family: LlmProxyProviderName;
  readonly model: string;
  /** The mock server's name of the wire, as its request log records it. */
  readonly mockWire: string;
  /** The path after the provider's base URL, query included. */
  readonly path: string;
  /**
   * The request body: streamed, with its output-token cap and usage reporting set, so that the proxy forwards it
   * byte for byte as it came (it re-serialises with `JSON.stringify`, which gives this text back).
   */
  readonly body: string;
  /** The text and usage of the answer's parsed `data:` payloads. */
  read(payloads: readonly Json[]): WireReading;
}

/** A parsed JSON payload, read loosely: the readers follow each wire's documented shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const MAX_TOKENS = 256;
const messages = [{role: 'user', content: 'Say hello.'}];

function sum(payloads: readonly Json[], textOf: (payload: Json) => string | undefined): string {
  return payloads.map(payload => textOf(payload) ?? '').join('');
}

function last<T>(payloads: readonly Json[], valueOf: (payload: Json) => T | undefined): T | undefined {
  return payloads
    .map(valueOf)
    .filter(value => value !== undefined && value !== null)
    .pop();
}

const chatReading = (payloads: readonly Json[]): WireReading => ({
  text: sum(payloads, payload => payload.choices?.[0]?.delta?.content),
  inputTokens: last(payloads, payload => payload.usage?.prompt_tokens),
  outputTokens: last(payloads, payload => payload.usage?.completion_tokens),
});

const chatBody = (model: string, maxTokensField: string) =>
  JSON.stringify({
    model,
    messages,
    stream: true,
    [maxTokensField]: MAX_TOKENS,
    stream_options: {include_usage: true},
  });

/** Every wire the proxy forwards: OpenAI through both of its APIs, and the four other providers. */
export const LOAD_WIRES: readonly LoadWire[] = [
  {
    label: 'openai-chat',
    family: 'openai',
    model: 'gpt-4.1-mini',
    mockWire: 'openai-chat',
    path: '/chat/completions',
    body: chatBody('gpt-4.1-mini', 'max_completion_tokens'),
    read: chatReading,
  },
  {
    label: 'openai-responses',
    family: 'openai',
    model: 'gpt-5-mini',
    mockWire: 'openai-responses',
    path: '/responses',
    body: JSON.stringify({model: 'gpt-5-mini', input: 'Say hello.', stream: true, max_output_tokens: MAX_TOKENS}),
    read: payloads => ({
      text: sum(payloads, payload => (payload.type === 'response.output_text.delta' ? payload.delta : undefined)),
      inputTokens: last(payloads, payload => payload.response?.usage?.input_tokens),
      outputTokens: last(payloads, payload => payload.response?.usage?.output_tokens),
    }),
  },
  {
    label: 'anthropic',
    family: 'anthropic',
    model: 'claude-haiku-4-5',
    mockWire: 'anthropic',
    path: '/v1/messages',
    body: JSON.stringify({model: 'claude-haiku-4-5', messages, stream: true, max_tokens: MAX_TOKENS}),
    read: payloads => ({
      text: sum(payloads, payload => (payload.delta?.type === 'text_delta' ? payload.delta.text : undefined)),
      inputTokens: last(payloads, payload => payload.message?.usage?.input_tokens ?? payload.usage?.input_tokens),
      outputTokens: last(payloads, payload =>
        payload.type === 'message_delta' ? payload.usage?.output_tokens : undefined,
      ),
    }),
  },
  {
    label: 'gemini',
    family: 'gemini',
    model: 'gemini-2.5-flash',
    mockWire: 'gemini',
    path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    body: JSON.stringify({
      contents: [{role: 'user', parts: [{text: 'Say hello.'}]}],
      generationConfig: {maxOutputTokens: MAX_TOKENS},
    }),
    read: payloads => ({
      text: sum(payloads, payload =>
        (payload.candidates?.[0]?.content?.parts ?? []).map((part: Json) => part.text ?? '').join(''),
      ),
      inputTokens: last(payloads, payload => payload.usageMetadata?.promptTokenCount),
      outputTokens: last(payloads, payload => payload.usageMetadata?.candidatesTokenCount),
    }),
  },
  {
    label: 'deepseek',
    family: 'deepseek',
    model: 'deepseek-chat',
    mockWire: 'deepseek',
    path: '/chat/completions',
    body: chatBody('deepseek-chat', 'max_tokens'),
    read: chatReading,
  },
  {
    label: 'cohere',
    family: 'cohere',
    model: 'command-a-03-2025',
    mockWire: 'cohere',
    path: '/v2/chat',
    body: JSON.stringify({model: 'command-a-03-2025', messages, stream: true, max_tokens: MAX_TOKENS}),
    read: payloads => ({
      text: sum(payloads, payload =>
        payload.type === 'content-delta' ? payload.delta?.message?.content?.text : undefined,
      ),
      // Billed units: what Cohere prices (its `tokens` also count a hidden prompt template).
      inputTokens: last(payloads, payload => payload.delta?.usage?.billed_units?.input_tokens),
      outputTokens: last(payloads, payload => payload.delta?.usage?.billed_units?.output_tokens),
    }),
  },
];

/**
 * The `data:` payloads of an SSE answer, parsed (`[DONE]` left out).
 * @param text The answer's text.
 * @returns The payloads, in order.
 */
export function ssePayloadsOf(text: string): Json[] {
  return text
    .split(/\r?\n\r?\n/)
    .map(frame =>
      frame
        .split(/\r?\n/)
        .filter(line => line.startsWith('data:'))
        .map(line => line.slice(5).replace(/^ /, ''))
        .join('\n'),
    )
    .filter(data => data !== '' && data !== '[DONE]')
    .map(data => JSON.parse(data) as Json);
}

/**
 * An answer's text with what the mock server makes per response replaced by placeholders: its response ids
 * (`mock…`, and the UUIDs made from them) and creation times. Two answers to the same scenario are then equal,
 * byte for byte.
 * @param text The answer's text.
 * @returns The normalised text.
 */
export function withoutResponseIds(text: string): string {
  return text
    .replace(/mock[0-9a-z]{6,}/g, 'mock<id>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/"(created|created_at)":\d+/g, '"$1":0');
}
