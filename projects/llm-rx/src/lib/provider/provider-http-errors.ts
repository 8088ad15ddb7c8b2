import {isRetryableStatus, LlmProviderError} from '../errors/llm-provider-error';
import {LlmProxyRefusalError} from '../errors/llm-proxy-refusal-error';
import {proxyRefusalOf} from '../proxy/llm-proxy-refusal';
import type {LlmCost, LlmTokenCounts} from '../usage/llm-usage';
import {parseRetryAfterMs} from './parse-retry-after';

/** What `providerHttpError()` is told about an HTTP error answer: what the adapter read from its SDK's error. */
export interface ProviderHttpErrorInit {
  readonly provider: string;
  readonly model: string;
  /** The HTTP status. */
  readonly status: number;
  /** The service's own message, e.g. the error body's `message`; a final period is dropped. */
  readonly detail: string | undefined;
  /** The service's error type or code, shown in parentheses, e.g. `overloaded_error`. */
  readonly code?: string;
  /** The error body, parsed when it was JSON. */
  readonly responseBody?: unknown;
  /** The response headers: `retry-after-ms`/`retry-after`, and `x-request-id`/`request-id` without `requestId`. */
  readonly headers?: Headers | null;
  /** The request id, when the SDK read it. */
  readonly requestId?: string | null;
  /** How long to wait, when the provider says it elsewhere than in the headers (Gemini's body). */
  readonly retryAfterMs?: number;
  /** What to do, when this provider's status means more than the common advice says (Cohere's 498). */
  readonly advice?: string;
  /** What the SDK threw. */
  readonly cause?: unknown;
}

/**
 * Builds the error of an HTTP error answer, the same for every provider: `statusCode`, retryability
 * (`isRetryableStatus()`), `retryAfterMs`, the request id, the body, and a message that says what happened and
 * what to do (`httpStatusAdvice()`). An adapter's mapper only reads these parts from its SDK's error. Keys are
 * cut out of it later, with every error of the call, by `fromProviderStream()`. A body in which an llm-rx proxy
 * explains a refusal (`llm-rx/proxy`: a budget, a rate limit, a model it does not serve) gives an
 * `LlmProxyRefusalError` with its reason and the proxy's own message instead.
 *
 * ```ts
 * if (error instanceof sdk.APIError && error.status !== undefined) {
 *   return providerHttpError({provider, model, status: error.status, detail: error.message, headers: error.headers, cause: error});
 * }
 * ```
 * @param init What the adapter read.
 * @returns An `LlmProviderError` of kind `http` (an `LlmProxyRefusalError` for a proxy's refusal).
 */
export function providerHttpError(init: ProviderHttpErrorInit): LlmProviderError {
  const {provider, model, status, headers} = init;
  const refusal = proxyRefusalOf(init.responseBody);
  if (refusal) {
    return new LlmProxyRefusalError(
      `llm-rx: the llm-rx proxy refused the ${provider} call for ${model} (HTTP ${status}, ${refusal.code}): ` +
        `${detailOf(refusal.message)}.`,
      {
        provider,
        model,
        kind: 'http',
        statusCode: status,
        reason: refusal.code,
        limit: refusal.limit,
        used: refusal.used,
        responseBody: init.responseBody,
        requestId: init.requestId ?? headers?.get('x-request-id') ?? headers?.get('request-id') ?? undefined,
        retryAfterMs: refusal.retry_after_ms ?? init.retryAfterMs ?? parseRetryAfterMs(headers),
        cause: init.cause,
      },
    );
  }
  return new LlmProviderError(
    `llm-rx: ${provider} answered HTTP ${status}${codeOf(init.code)} for ${model}: ${detailOf(init.detail)}. ` +
      (init.advice ?? httpStatusAdvice(status)),
    {
      provider,
      model,
      kind: 'http',
      statusCode: status,
      responseBody: init.responseBody,
      requestId: init.requestId ?? headers?.get('x-request-id') ?? headers?.get('request-id') ?? undefined,
      retryAfterMs: init.retryAfterMs ?? parseRetryAfterMs(headers),
      cause: init.cause,
    },
  );
}

/** What `providerStreamError()` is told about an error the provider reported inside its stream. */
export interface ProviderStreamErrorInit {
  readonly provider: string;
  readonly model: string;
  /** The service's own message; a final period is dropped. */
  readonly detail: string | undefined;
  /** The service's error type or code, shown in parentheses. */
  readonly code?: string;
  /**
   * The HTTP status the error has or stands for (Anthropic's error types have one), which decides its
   * retryability and advice; without one it is retryable, as in-stream errors are mostly passing.
   */
  readonly status?: number;
  readonly responseBody?: unknown;
  readonly requestId?: string | null;
  /** Tokens and cost billed before the error, when the stream reported them. */
  readonly usage?: LlmTokenCounts & LlmCost;
  readonly cause?: unknown;
}

/**
 * Builds the error of an error the provider reported inside its stream (an error event or an error finish), the
 * same for every provider.
 * @param init What the adapter read.
 * @returns An `LlmProviderError` of kind `stream-error`.
 */
export function providerStreamError(init: ProviderStreamErrorInit): LlmProviderError {
  const {provider, model, status} = init;
  const advice =
    status === undefined ? 'This is usually temporary; it is safe to try again.' : httpStatusAdvice(status);
  return new LlmProviderError(
    `llm-rx: ${provider} reported an error in its stream for ${model}${codeOf(init.code)}: ` +
      `${detailOf(init.detail)}. ${advice}`,
    {
      provider,
      model,
      kind: 'stream-error',
      statusCode: status,
      isRetryable: isRetryableStatus(status),
      responseBody: init.responseBody,
      requestId: init.requestId ?? undefined,
      usage: init.usage,
      cause: init.cause,
    },
  );
}

/**
 * What to do about an HTTP error status, for error messages.
 * @param status The HTTP status.
 * @returns One sentence, e.g. `Check the model id and the baseURL.` for 404.
 */
export function httpStatusAdvice(status: number): string {
  if (status === 400 || status === 422) return 'Check the request and its providerOptions.';
  if (status === 401) return 'Check the apiKey option (or the key your proxy adds).';
  if (status === 402) return "Check the account's billing and credits.";
  if (status === 403) return 'The key has no access to this model, feature or region; check its permissions.';
  if (status === 404) return 'Check the model id and the baseURL.';
  if (status === 408 || status === 409) return 'It is safe to try again.';
  if (status === 413) return 'Shorten the prompt.';
  if (status === 429) {
    return 'Rate limited or out of quota: wait before retrying, fail over to another provider, or check your plan.';
  }
  if (status === 529) return 'The service is overloaded: fail over to another provider or try again later.';
  if (status >= 500) return 'The service failed; it is safe to try again.';
  return 'See the response body for details.';
}

function codeOf(code: string | undefined): string {
  return code === undefined || code === '' ? '' : ` (${code})`;
}

function detailOf(detail: string | undefined): string {
  const trimmed = detail?.trim().replace(/\.$/, '');
  return trimmed === undefined || trimmed === '' ? 'no message' : trimmed;
}
