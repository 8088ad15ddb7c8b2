import type {CohereError, CohereTimeoutError} from 'cohere-ai';
import {LlmError, LlmProviderError, mapTransportError} from 'llm-rx';

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
  /** The API key, which is cut out of every message and response body. */
  readonly apiKey?: string;
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
 * An in-band `ERROR` finish is no exception: `cohereEvents` reports it in its `finish` event.
 * @param error What the SDK threw.
 * @param context The model, SDK classes and key.
 * @returns The llm-rx error to emit.
 */
export function mapCohereError(error: unknown, context: CohereErrorContext): LlmError {
  if (LlmError.isInstance(error)) return error;
  const {model, sdk, apiKey} = context;
  const clean = (text: string) => redact(text, apiKey);
  if (sdk && error instanceof sdk.CohereTimeoutError) {
    return new LlmProviderError(
      `llm-rx: ${PROVIDER} did not answer in time for ${model} (${error.message}). It is safe to retry.`,
      {provider: PROVIDER, model, isRetryable: true, cause: error},
    );
  }
  if (sdk && error instanceof sdk.CohereError) {
    const status = error.statusCode;
    if (status === undefined) {
      return new LlmProviderError(
        clean(
          `llm-rx: could not reach ${PROVIDER} for ${model} (${error.message}). ` +
            'Check the network, the baseURL and, in a browser, CORS; it is safe to retry.',
        ),
        {provider: PROVIDER, model, isRetryable: true, cause: error},
      );
    }
    const body = redactBody(error.body, apiKey);
    const headers = error.rawResponse?.headers;
    return new LlmProviderError(
      clean(`llm-rx: ${PROVIDER} answered HTTP ${status} for ${model}: ${detailOf(error)}. ${adviceFor(status)}`),
      {
        provider: PROVIDER,
        model,
        statusCode: status,
        responseBody: body,
        requestId: headers?.get('x-request-id') ?? headers?.get('request-id') ?? undefined,
        retryAfterMs: retryAfterMsOf(headers),
        cause: error,
      },
    );
  }
  const transportError = mapTransportError(PROVIDER, model, error);
  if (transportError) return transportError;
  const text = error instanceof Error ? error.message : String(error);
  return new LlmProviderError(clean(`llm-rx: the ${PROVIDER} call for ${model} failed: ${text}`), {
    provider: PROVIDER,
    model,
    isRetryable: false,
    cause: error,
  });
}

/** The service's own message (`{"message": …}`), else the SDK message's first line (the class name). */
function detailOf(error: CohereError): string {
  const message = (error.body as {message?: unknown} | undefined)?.message;
  if (typeof message === 'string' && message !== '') return message.replace(/\.$/, '');
  return typeof error.body === 'string' && error.body !== '' ? error.body : error.message.split('\n')[0];
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date; `undefined` when absent or unreadable. */
function retryAfterMsOf(headers: Headers | undefined): number | undefined {
  const milliseconds = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(date - Date.now(), 0);
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

/** Keys shorter than this are test placeholders, not secrets; cutting them out would garble every message. */
const MIN_SECRET_LENGTH = 8;

function redact(text: string, apiKey: string | undefined): string {
  return apiKey && apiKey.length >= MIN_SECRET_LENGTH ? text.split(apiKey).join('***') : text;
}

function redactBody(body: unknown, apiKey: string | undefined): unknown {
  if (!apiKey || apiKey.length < MIN_SECRET_LENGTH || body === undefined) return body;
  const json = JSON.stringify(body);
  return json !== undefined && json.includes(apiKey) ? JSON.parse(redact(json, apiKey)) : body;
}
