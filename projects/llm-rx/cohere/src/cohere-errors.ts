import type {CohereError, CohereTimeoutError} from 'cohere-ai';
import {
  LlmError,
  LlmProviderError,
  mapUnrecognisedProviderError,
  parseRetryAfterMs,
  unreachableProviderError,
} from 'llm-rx';

/** The SDK error classes `mapCohereError()` recognises with `instanceof` (never by `.name`, mangled in bundles). */
export interface CohereErrorClasses {
  readonly CohereError: typeof CohereError;
  readonly CohereTimeoutError: typeof CohereTimeoutError;
}

/** What `mapCohereError()` needs to know about the failed call. */
export interface CohereErrorContext {
  readonly model: string;
  /** The loaded SDK's error classes; without them only transport errors are recognised. */
  readonly sdk?: CohereErrorClasses;
}

/** The provider name in messages and errors. */
const PROVIDER = 'cohere';

/**
 * Turns what `cohere-ai` threw into an llm-rx error.
 *
 * - A `CohereError` with a `statusCode` (an HTTP error) becomes an `LlmProviderError` with `statusCode`,
 *   `isRetryable` (the core default: 408, 409 and 5xx except 529), `responseBody` (the SDK's parsed `body`),
 *   `requestId` (`x-request-id`) and `retryAfterMs` (`retry-after-ms` or `retry-after`).
 * - A `CohereError` without a status is a failed fetch (network, CORS) and a `CohereTimeoutError` a header
 *   timeout: both are retryable.
 * - A dropped stream (bare `TypeError`) and a malformed event (`SyntaxError`) map through `mapTransportError`.
 * - llm-rx errors pass through; anything else becomes a non-retryable `LlmProviderError`.
 *
 * An in-band `ERROR` finish is no exception: `createCohereEventMapper` reports it in its `finish` event.
 * @param error What the SDK threw.
 * @param context The model and SDK classes.
 * @returns The llm-rx error to emit.
 */
export function mapCohereError(error: unknown, context: CohereErrorContext): LlmError {
  if (LlmError.isInstance(error)) return error;
  const {model, sdk} = context;
  if (sdk && error instanceof sdk.CohereTimeoutError) {
    return new LlmProviderError(
      `llm-rx: ${PROVIDER} did not answer in time for ${model} (${error.message}). It is safe to retry.`,
      {provider: PROVIDER, model, kind: 'connection', isRetryable: true, cause: error},
    );
  }
  if (sdk && error instanceof sdk.CohereError) {
    const status = error.statusCode;
    if (status === undefined) {
      return unreachableProviderError(PROVIDER, model, error.message, error);
    }
    const body = error.body;
    const headers = error.rawResponse?.headers;
    return new LlmProviderError(
      `llm-rx: ${PROVIDER} answered HTTP ${status} for ${model}: ${detailOf(error)}. ${adviceFor(status)}`,
      {
        provider: PROVIDER,
        model,
        statusCode: status,
        responseBody: body,
        requestId: headers?.get('x-request-id') ?? headers?.get('request-id') ?? undefined,
        retryAfterMs: parseRetryAfterMs(headers),
        cause: error,
      },
    );
  }
  return mapUnrecognisedProviderError(PROVIDER, model, error);
}

/** The service's own message (`{"message": …}`), else the SDK message's first line (the class name). */
function detailOf(error: CohereError): string {
  const message = (error.body as {message?: unknown} | undefined)?.message;
  if (typeof message === 'string' && message !== '') return message.replace(/\.$/, '');
  return typeof error.body === 'string' && error.body !== '' ? error.body : error.message.split('\n')[0];
}

function adviceFor(status: number): string {
  if (status === 400 || status === 422) return 'Check the request and its providerOptions.';
  if (status === 401 || status === 498) return 'Check the apiKey option (or the key your proxy adds).';
  if (status === 403) return 'The key has no access to this model; check its permissions.';
  if (status === 404) return 'Check the model id and the baseURL.';
  if (status === 429) return 'Rate limited (a trial key allows few calls): wait before retrying, or check your plan.';
  if (status >= 500) return 'The service failed; it is safe to try again.';
  return 'See the response body for details.';
}
