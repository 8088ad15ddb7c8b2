/*
 * The cases of the process-exit suite: every adapter, each pointed at a base URL, and the ways a call can end.
 * Shared by the suite (process-exit.node.spec.ts) and its child script (process-exit-child.ts). Spec support only.
 */
import type {Llm, LlmProviderOptions} from 'llm-rx';

/** One adapter, as the child process uses it. Each loads only its own entry point: a child starts faster. */
export interface ExitTarget {
  /**
   * Creates a model at a server's root URL (the mock server's, or a closed port's), adding the path its wire is
   * served under.
   */
  readonly create: (serverUrl: string, options: LlmProviderOptions) => Promise<Llm>;
  /** Loads the adapter's SDK ahead of the call, as its first subscription would. */
  readonly loadSdk: () => Promise<unknown>;
}

/** Each adapter, by the name the suite reports it under. */
export const EXIT_TARGETS: Readonly<Record<string, ExitTarget>> = {
  'openai-responses': {
    create: async (serverUrl, options) =>
      (await import('llm-rx/openai')).createOpenAiLlm('gpt-5-mini', {
        apiKey: 'sk-exit',
        baseURL: `${serverUrl}/v1`,
        ...options,
      }),
    loadSdk: () => import('openai'),
  },
  'openai-chat': {
    create: async (serverUrl, options) =>
      (await import('llm-rx/openai')).createOpenAiLlm('gpt-5-mini', {
        apiKey: 'sk-exit',
        baseURL: `${serverUrl}/v1`,
        api: 'chat',
        ...options,
      }),
    loadSdk: () => import('openai'),
  },
  anthropic: {
    create: async (serverUrl, options) =>
      (await import('llm-rx/anthropic')).createAnthropicLlm('claude-haiku-4-5', {
        apiKey: 'sk-ant-exit',
        baseURL: serverUrl,
        ...options,
      }),
    loadSdk: () => import('@anthropic-ai/sdk'),
  },
  gemini: {
    create: async (serverUrl, options) =>
      (await import('llm-rx/gemini')).createGeminiLlm('gemini-2.5-flash', {
        apiKey: 'AIza-exit',
        baseURL: serverUrl,
        ...options,
      }),
    loadSdk: () => import('@google/genai'),
  },
  deepseek: {
    create: async (serverUrl, options) =>
      (await import('llm-rx/deepseek')).createDeepSeekLlm('deepseek-chat', {
        apiKey: 'sk-exit',
        baseURL: `${serverUrl}/deepseek`,
        ...options,
      }),
    loadSdk: () => import('openai'),
  },
  cohere: {
    create: async (serverUrl, options) =>
      (await import('llm-rx/cohere')).createCohereLlm('command-a-03-2025', {
        apiKey: 'co-exit',
        baseURL: serverUrl,
        ...options,
      }),
    loadSdk: () => import('cohere-ai'),
  },
};

/**
 * How the child's call ends:
 * - `completes`: the whole answer, then completion;
 * - `cancelled-at-once`: unsubscribed in the same tick as the subscription, before anything was sent;
 * - `cancelled-in-flight`: unsubscribed once the server has the request, while it holds the headers back;
 * - `first-chunk-timeout`: the first-chunk timeout fires while the server holds the headers back;
 * - `stall-timeout`: the first-chunk timeout fires after the headers, the server sending nothing more;
 * - `cannot-connect`: the base URL is a closed loopback port.
 */
export const EXIT_ENDINGS = [
  'completes',
  'cancelled-at-once',
  'cancelled-in-flight',
  'first-chunk-timeout',
  'stall-timeout',
  'cannot-connect',
] as const;

/** One of {@link EXIT_ENDINGS}. */
export type ExitEnding = (typeof EXIT_ENDINGS)[number];

/** What the child prints, on a line of its own, followed by its {@link ExitReport} as JSON, when its call has ended. */
export const CALL_ENDED_MARKER = 'LLM_RX_CALL_ENDED';

/** What the child prints when the stream emitted after the child had seen it end (it must never happen). */
export const LATE_EMISSION_MARKER = 'LLM_RX_LATE_EMISSION';

/** How the child's call ended, as it reports it. */
export interface ExitReport {
  readonly outcome: 'completed' | 'cancelled' | 'timeout-error' | 'provider-error' | 'other-error';
  /** Whether the provider error says to retry; only for `provider-error`. */
  readonly isRetryable?: boolean;
  /** The error's message, for a failure's diagnosis. */
  readonly message?: string;
}

/** The milliseconds the server holds the headers back in the cancel and timeout endings: past the exit budget. */
export const HELD_HEADERS_MS = 5000;

/** The first-chunk timeout of the timeout endings: long enough for the request to reach the server on a loaded machine. */
export const SHORT_FIRST_CHUNK_TIMEOUT_MS = 1000;
