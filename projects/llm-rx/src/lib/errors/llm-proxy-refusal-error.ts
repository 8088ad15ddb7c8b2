import type {LlmProxyRefusalReason} from '../proxy/llm-proxy-refusal';
import {hasMarker} from './llm-error';
import {LlmProviderError, type LlmProviderErrorOptions} from './llm-provider-error';

const MARKER = Symbol.for('llm-rx.proxy-refusal-error');

/** What an `LlmProxyRefusalError` knows besides what every provider error knows. */
export interface LlmProxyRefusalErrorOptions extends LlmProviderErrorOptions {
  /** Why the proxy refused. */
  readonly reason: LlmProxyRefusalReason;
  /** The limit that was reached, in its unit (requests, streams, tokens or US dollars), when one was. */
  readonly limit?: number;
  /** How much of that limit is used. */
  readonly used?: number;
}

/**
 * An llm-rx proxy (`llm-rx/proxy`) refused the call: the user's daily budget or rate limit is reached, the model is
 * not allowed, the caller is not signed in, … (`reason`). It is an `LlmProviderError` of kind `http` with the
 * proxy's status (401, 403, 413, 429, …) and, for limits and budgets, `retryAfterMs` (a daily budget: until
 * midnight UTC). Not retried by default; a cascade fails over as for any HTTP error.
 *
 * ```ts
 * catchError(error => {
 *   if (LlmProxyRefusalError.isInstance(error) && error.reason === 'daily-cost') showBudgetBanner(error.retryAfterMs);
 *   return EMPTY;
 * });
 * ```
 */
export class LlmProxyRefusalError extends LlmProviderError {
  private readonly [MARKER] = true;
  /** Why the proxy refused. */
  readonly reason: LlmProxyRefusalReason;
  /** The limit that was reached, in its unit, when one was. */
  readonly limit: number | undefined;
  /** How much of that limit is used. */
  readonly used: number | undefined;

  /**
   * @param message What was refused and what to do.
   * @param options The provider error's options, and the reason.
   */
  constructor(message: string, options: LlmProxyRefusalErrorOptions) {
    super(message, {...options, isRetryable: options.isRetryable ?? false});
    this.name = 'LlmProxyRefusalError';
    this.reason = options.reason;
    this.limit = options.limit;
    this.used = options.used;
  }

  /**
   * Whether a value is a proxy refusal, from any copy of the library.
   * @param error The value to test.
   * @returns Whether it is an `LlmProxyRefusalError`.
   */
  static override isInstance(error: unknown): error is LlmProxyRefusalError {
    return hasMarker(error, MARKER);
  }
}
