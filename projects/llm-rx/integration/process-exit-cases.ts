/*
 * The cases of the process-exit suite: every adapter, each pointed at a base URL, and the ways a call can end.
 * Shared by the suite (process-exit.node.spec.ts) and its child script (process-exit-child.ts). Spec support only.
 */
import type {Llm, LlmProviderOptions} from 'llm-rx';
import {createAnthropicLlm} from 'llm-rx/anthropic';
import {createCohereLlm} from 'llm-rx/cohere';
import {createDeepSeekLlm} from 'llm-rx/deepseek';
import {createGeminiLlm} from 'llm-rx/gemini';
import {createOpenAiLlm} from 'llm-rx/openai';

/**
 * Creates a model of one adapter at a server's root URL (the mock server's, or a closed port's), adding the path
 * its wire is served under.
 */
export type ExitTargetFactory = (serverUrl: string, options: LlmProviderOptions) => Llm;

/** Each adapter, by the name the suite reports it under. */
export const EXIT_TARGETS: Readonly<Record<string, ExitTargetFactory>> = {
  'openai-responses': (serverUrl, options) =>
    createOpenAiLlm('gpt-5-mini', {apiKey: 'sk-exit', baseURL: `${serverUrl}/v1`, ...options}),
  'openai-chat': (serverUrl, options) =>
    createOpenAiLlm('gpt-5-mini', {apiKey: 'sk-exit', baseURL: `${serverUrl}/v1`, api: 'chat', ...options}),
  anthropic: (serverUrl, options) =>
    createAnthropicLlm('claude-haiku-4-5', {apiKey: 'sk-ant-exit', baseURL: serverUrl, ...options}),
  gemini: (serverUrl, options) =>
    createGeminiLlm('gemini-2.5-flash', {apiKey: 'AIza-exit', baseURL: serverUrl, ...options}),
  deepseek: (serverUrl, options) =>
    createDeepSeekLlm('deepseek-chat', {apiKey: 'sk-exit', baseURL: `${serverUrl}/deepseek`, ...options}),
  cohere: (serverUrl, options) =>
    createCohereLlm('command-a-03-2025', {apiKey: 'co-exit', baseURL: serverUrl, ...options}),
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

/** The first-chunk timeout of the timeout endings. */
export const SHORT_FIRST_CHUNK_TIMEOUT_MS = 300;
