import type {LlmCost, LlmTokenCounts} from '../usage/llm-usage';
import {hasMarker, LlmError} from './llm-error';

const MARKER = Symbol.for('llm-rx.provider-error');

/**
 * How a provider call failed:
 *
 * - `http`: the provider answered with an HTTP error status (`statusCode`).
 * - `connection`: no connection could be made, or it dropped while the answer streamed.
 * - `stream-error`: the provider reported an error inside its stream (an error event or an error finish).
 * - `malformed-stream`: the stream carried an event that could not be parsed.
 * - `incomplete-stream`: the stream ended before its final event (no usage or finish reason).
 * - `other`: anything else; see the message and `cause`.
 */
export type LlmProviderFailureKind =
  'http' | 'connection' | 'stream-error' | 'malformed-stream' | 'incomplete-stream' | 'other';

/** What an `LlmProviderError` knows about the failed call. */
export interface LlmProviderErrorOptions {
  readonly provider: string;
  readonly model?: string;
  /** How the call failed; default `http` with a `statusCode`, else `other`. */
  readonly kind?: LlmProviderFailureKind;
  /** The HTTP status, when the provider answered with one. */
  readonly statusCode?: number;
  /** Whether trying again may succeed; defaults to `isRetryableStatus(statusCode)` (true without a status). */
  readonly isRetryable?: boolean;
  /** The provider's error body, parsed when it was JSON. */
  readonly responseBody?: unknown;
  /** The provider's request id, for support tickets. */
  readonly requestId?: string;
  /** Milliseconds the provider asked to wait before retrying (`retry-after`), when it said. */
  readonly retryAfterMs?: number;
  /** Tokens and cost billed before the failure, when the provider reported them. */
  readonly usage?: LlmTokenCounts & LlmCost;
  readonly cause?: unknown;
}

/**
 * Whether an HTTP status is worth retrying: 408, 409 and 5xx, except 529 (overloaded).
 *
 * 429 and 529 are not retried by default, so that a cascade can fall back at once (majordomo-llm's policy);
 * pass your own `shouldRetry` to `retryBeforeFirstChunk()` to change that.
 * @param statusCode The HTTP status, or `undefined` for a connection error.
 * @returns Whether the status is retryable; `true` for `undefined` (a connection error).
 */
export function isRetryableStatus(statusCode: number | undefined): boolean {
  if (statusCode === undefined) return true;
  return statusCode === 408 || statusCode === 409 || (statusCode >= 500 && statusCode !== 529);
}

/** A provider failed the call: an HTTP error, a dropped connection, an in-stream error or a broken stream. */
export class LlmProviderError extends LlmError {
  private readonly [MARKER] = true;
  readonly provider: string;
  readonly model: string | undefined;
  /** How the call failed: an HTTP error, a connection failure, an error the stream reported, a broken stream. */
  readonly kind: LlmProviderFailureKind;
  readonly statusCode: number | undefined;
  readonly isRetryable: boolean;
  readonly responseBody: unknown;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly usage: (LlmTokenCounts & LlmCost) | undefined;

  /**
   * @param message What went wrong, starting with the provider's name; never contains an API key.
   * @param options Provider, status, retryability and cause.
   */
  constructor(message: string, options: LlmProviderErrorOptions) {
    super(message, {cause: options.cause});
    this.name = 'LlmProviderError';
    this.provider = options.provider;
    this.model = options.model;
    this.kind = options.kind ?? (options.statusCode === undefined ? 'other' : 'http');
    this.statusCode = options.statusCode;
    this.isRetryable = options.isRetryable ?? isRetryableStatus(options.statusCode);
    this.responseBody = options.responseBody;
    this.requestId = options.requestId;
    this.retryAfterMs = options.retryAfterMs;
    this.usage = options.usage;
  }

  /**
   * Whether a value is a provider error, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmProviderError`.
   */
  static override isInstance(error: unknown): error is LlmProviderError {
    return hasMarker(error, MARKER);
  }
}
