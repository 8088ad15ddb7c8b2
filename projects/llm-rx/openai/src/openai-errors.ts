import {
  LlmError,
  LlmProviderError,
  mapUnrecognisedProviderError,
  parseRetryAfterMs,
  unreachableProviderError,
} from 'llm-rx';
import type {APIError, OpenAI} from 'openai';

/** The SDK error classes `mapOpenAiError()` recognises with `instanceof` (the `OpenAI` class carries them). */
export type OpenAiErrorClasses = Pick<typeof OpenAI, 'APIError' | 'APIConnectionError' | 'APIUserAbortError'>;

/** What `mapOpenAiError()` needs to know about the failed call. */
export interface OpenAiErrorContext {
  /** The provider's name for messages and the error: `openai`, `deepseek` or a compatible service's name. */
  readonly provider: string;
  readonly model: string;
  /** The loaded SDK's error classes; without them only transport errors are recognised. */
  readonly sdk?: OpenAiErrorClasses;
}

/**
 * Turns what the `openai` SDK threw into an llm-rx error.
 *
 * - An HTTP status error becomes an `LlmProviderError` with `statusCode`, `isRetryable` (the core default: 408,
 *   409 and 5xx except 529), `responseBody` (the parsed `error` object), `requestId` (`x-request-id`) and
 *   `retryAfterMs` (`retry-after-ms` or `retry-after`).
 * - An error the service sent inside the stream (status undefined) becomes a retryable `LlmProviderError` with
 *   the service's `code` in the message.
 * - A connection failure (`APIConnectionError`, or the bare `TypeError` of a dropped stream) is retryable; a
 *   malformed event (`SyntaxError`) too, through `mapTransportError`.
 * - llm-rx errors pass through; anything else becomes a non-retryable `LlmProviderError`.
 * @param error What the SDK threw.
 * @param context The provider, model and SDK classes.
 * @returns The llm-rx error to emit.
 */
export function mapOpenAiError(error: unknown, context: OpenAiErrorContext): LlmError {
  if (LlmError.isInstance(error)) return error;
  const {provider, model, sdk} = context;
  if (sdk && error instanceof sdk.APIUserAbortError) {
    return new LlmProviderError(`llm-rx: the ${provider} request for ${model} was aborted before it was answered.`, {
      provider,
      model,
      isRetryable: false,
      cause: error,
    });
  }
  if (sdk && error instanceof sdk.APIConnectionError) {
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    return unreachableProviderError(provider, model, reason, error);
  }
  if (sdk && error instanceof sdk.APIError) {
    const body = error.error;
    const detail = messageOf(error);
    const requestId = error.requestID ?? undefined;
    if (error.status === undefined) {
      const code = typeof error.code === 'string' ? ` (code ${error.code})` : '';
      return new LlmProviderError(
        `llm-rx: ${provider} reported an error in its stream for ${model}${code}: ${detail}. ` +
          'This is usually temporary; try again.',
        {provider, model, kind: 'stream-error', responseBody: body, requestId, cause: error},
      );
    }
    return new LlmProviderError(
      `llm-rx: ${provider} answered HTTP ${error.status} for ${model}: ${detail}. ${adviceFor(error.status)}`,
      {
        provider,
        model,
        statusCode: error.status,
        responseBody: body,
        requestId,
        retryAfterMs: parseRetryAfterMs(error.headers),
        cause: error,
      },
    );
  }
  return mapUnrecognisedProviderError(provider, model, error);
}

/** The service's own message, without the status prefix the SDK adds. */
function messageOf(error: APIError): string {
  const body = error.error as {message?: unknown} | undefined;
  if (body && typeof body.message === 'string' && body.message !== '') return body.message.replace(/\.$/, '');
  return error.message.replace(/^\d{3} /, '').replace(/\.$/, '');
}

function adviceFor(status: number): string {
  if (status === 400 || status === 422) return 'Check the request and its providerOptions.';
  if (status === 401) return 'Check the apiKey option (or the key your proxy adds).';
  if (status === 403) return 'The key has no access to this model or region; check its permissions.';
  if (status === 404) return 'Check the model id and the baseURL.';
  if (status === 408 || status === 409) return 'Try again.';
  if (status === 413) return 'Shorten the prompt.';
  if (status === 429) return 'Rate limited or out of quota: wait before retrying, or check your plan and limits.';
  if (status === 529) return 'The service is overloaded: try another provider or wait.';
  if (status >= 500) return 'The service failed; it is safe to try again.';
  return 'See the response body for details.';
}
