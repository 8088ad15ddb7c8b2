import {type LlmError, providerHttpError, providerStreamError, unreachableProviderError} from 'llm-rx';
import type {APIError, OpenAI} from 'openai';

/** The SDK error classes `mapOpenAiError()` recognises with `instanceof` (the `OpenAI` class carries them). */
export type OpenAiErrorClasses = Pick<typeof OpenAI, 'APIError' | 'APIConnectionError' | 'APIUserAbortError'>;

/** What `mapOpenAiError()` needs to know about the failed call. */
export interface OpenAiErrorContext {
  /** The provider's name for messages and the error: `openai`, `deepseek` or a compatible service's name. */
  readonly provider: string;
  readonly model: string;
  /** The loaded SDK's error classes; without them nothing is recognised. */
  readonly sdk?: OpenAiErrorClasses;
}

/**
 * Recognises what the `openai` SDK threw, for `defineLlmProvider()` (which maps the rest: dropped connections,
 * malformed events, unknown errors).
 *
 * - An HTTP status error becomes `providerHttpError()` with the body's `error` object, `x-request-id` and
 *   `retry-after-ms`/`retry-after`.
 * - An error the service sent inside the stream (an `APIError` without status) becomes `providerStreamError()`
 *   with the service's `code`: retryable.
 * - `APIConnectionError` (no connection, DNS, CORS) becomes a retryable connection error.
 * @param error What the SDK threw.
 * @param context The provider, model and SDK classes.
 * @returns The llm-rx error, or `undefined` for an error the SDK's classes do not explain.
 */
export function mapOpenAiError(error: unknown, {provider, model, sdk}: OpenAiErrorContext): LlmError | undefined {
  // An abort is an APIError without status, but no error of the service: llm-rx drops it anyway (the subscriber
  // is gone), and leaves one it cannot explain to the core.
  if (!sdk || error instanceof sdk.APIUserAbortError) return undefined;
  if (error instanceof sdk.APIConnectionError) {
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    return unreachableProviderError(provider, model, reason, error);
  }
  if (!(error instanceof sdk.APIError)) return undefined;
  const parts = {
    provider,
    model,
    detail: messageOf(error),
    responseBody: error.error,
    requestId: error.requestID,
    cause: error,
  };
  if (error.status === undefined) {
    return providerStreamError({...parts, code: typeof error.code === 'string' ? `code ${error.code}` : undefined});
  }
  return providerHttpError({...parts, status: error.status, headers: error.headers});
}

/** The service's own message, without the status prefix the SDK adds. */
function messageOf(error: APIError): string {
  const body = error.error as {message?: unknown} | undefined;
  if (body && typeof body.message === 'string' && body.message !== '') return body.message;
  return error.message.replace(/^\d{3} /, '');
}
