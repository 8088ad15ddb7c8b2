import type {CohereError, CohereTimeoutError} from 'cohere-ai';
import {httpStatusAdvice, type LlmError, LlmProviderError, providerHttpError, unreachableProviderError} from 'llm-rx';

/** The SDK error classes `mapCohereError()` recognises with `instanceof` (never by `.name`, mangled in bundles). */
export interface CohereErrorClasses {
  readonly CohereError: typeof CohereError;
  readonly CohereTimeoutError: typeof CohereTimeoutError;
}

/** What `mapCohereError()` needs to know about the failed call. */
export interface CohereErrorContext {
  readonly provider: string;
  readonly model: string;
  /** The loaded SDK's error classes; without them nothing is recognised. */
  readonly sdk?: CohereErrorClasses;
}

/**
 * Recognises what `cohere-ai` threw, for `defineLlmProvider()` (which maps the rest: dropped streams, malformed
 * events, unknown errors).
 *
 * - A `CohereError` with a `statusCode` (an HTTP error) becomes `providerHttpError()` with the SDK's parsed
 *   `body`, `x-request-id` and `retry-after-ms`/`retry-after`; Cohere's 498 (an invalid token) gets the key advice.
 * - A `CohereError` without a status is a failed fetch (network, CORS) and a `CohereTimeoutError` a header
 *   timeout: both are retryable connection errors.
 *
 * An in-band `ERROR` finish is no exception: `createCohereEventMapper` reports it in its `finish` event.
 * @param error What the SDK threw.
 * @param context The provider, model and SDK classes.
 * @returns The llm-rx error, or `undefined` for an error the SDK's classes do not explain.
 */
export function mapCohereError(error: unknown, {provider, model, sdk}: CohereErrorContext): LlmError | undefined {
  if (!sdk) return undefined;
  if (error instanceof sdk.CohereTimeoutError) {
    return new LlmProviderError(
      `llm-rx: ${provider} did not answer in time for ${model} (${error.message}). It is safe to retry.`,
      {provider, model, kind: 'connection', isRetryable: true, cause: error},
    );
  }
  if (!(error instanceof sdk.CohereError)) return undefined;
  const status = error.statusCode;
  if (status === undefined) return unreachableProviderError(provider, model, error.message, error);
  return providerHttpError({
    provider,
    model,
    status,
    detail: detailOf(error),
    responseBody: error.body,
    headers: error.rawResponse?.headers,
    advice: status === 498 ? httpStatusAdvice(401) : undefined,
    cause: error,
  });
}

/** The service's own message (`{"message": …}`), else the SDK message's first line (the class name). */
function detailOf(error: CohereError): string {
  const message = (error.body as {message?: unknown} | undefined)?.message;
  if (typeof message === 'string' && message !== '') return message;
  return typeof error.body === 'string' && error.body !== '' ? error.body : error.message.split('\n')[0];
}
