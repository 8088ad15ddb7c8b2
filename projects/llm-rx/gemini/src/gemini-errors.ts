import {LlmError, LlmProviderError, mapUnrecognisedProviderError} from 'llm-rx';

/** What `mapGeminiError()` needs to know about the failed call. */
export interface GeminiErrorContext {
  readonly model: string;
}

/** The provider name in messages and errors. */
const PROVIDER = 'gemini';

/**
 * Turns what `@google/genai` threw into an llm-rx error.
 *
 * - `ApiError` (an HTTP error, or an error object inside the stream; both carry `status`) becomes an
 *   `LlmProviderError` with `statusCode`, `isRetryable` (the core default: 408, 409 and 5xx except 529),
 *   `responseBody` (the JSON in the SDK's message) and `retryAfterMs` from the body's `RetryInfo.retryDelay`:
 *   Gemini's `ApiError` carries no response headers, so there is no `retry-after` and no request id.
 * - A dropped connection (bare `TypeError`) and a malformed event (`SyntaxError`) become retryable errors through
 *   `mapTransportError`, and so does the SDK's `Incomplete JSON segment at the end` (a stream cut mid-event).
 * - llm-rx errors pass through; anything else becomes a non-retryable `LlmProviderError`.
 *
 * An abort needs no mapping: `fromProviderStream` drops errors once its signal has aborted.
 * @param error What the SDK threw.
 * @param context The model.
 * @returns The llm-rx error to emit.
 */
export function mapGeminiError(error: unknown, context: GeminiErrorContext): LlmError {
  if (LlmError.isInstance(error)) return error;
  const {model} = context;
  if (isApiError(error)) {
    const body = bodyOf(error.message);
    const detail = (detailOf(body) ?? error.message).replace(/\.$/, '');
    const inStream = error.message.startsWith('got status:');
    const message = inStream
      ? `llm-rx: ${PROVIDER} reported an error in its stream for ${model} (HTTP ${error.status}): ${detail}. ` +
        adviceFor(error.status)
      : `llm-rx: ${PROVIDER} answered HTTP ${error.status} for ${model}: ${detail}. ${adviceFor(error.status)}`;
    return new LlmProviderError(message, {
      provider: PROVIDER,
      model,
      kind: inStream ? 'stream-error' : 'http',
      statusCode: error.status,
      responseBody: body,
      retryAfterMs: retryDelayMsOf(body),
      cause: error,
    });
  }
  if (error instanceof Error && error.message.startsWith('Incomplete JSON segment')) {
    return new LlmProviderError(
      `llm-rx: the ${PROVIDER} stream for ${model} was cut in the middle of an event (${error.message}). Try again.`,
      {provider: PROVIDER, model, kind: 'incomplete-stream', isRetryable: true, cause: error},
    );
  }
  return mapUnrecognisedProviderError(PROVIDER, model, error);
}

/**
 * The SDK's `ApiError`, recognised by shape: its constructor sets `name` to the literal `'ApiError'` (the SDK
 * itself tests that name), so it survives minification, and `instanceof` would need the SDK loaded.
 */
function isApiError(error: unknown): error is Error & {status: number} {
  return (
    error instanceof Error && error.name === 'ApiError' && typeof (error as {status?: unknown}).status === 'number'
  );
}

/**
 * The error body inside the SDK's message: the whole message for an HTTP error (`JSON.stringify(body)`), the part
 * after `got status: X. ` for an in-stream error.
 */
function bodyOf(message: string): unknown {
  const start = message.indexOf('{');
  if (start === -1) return undefined;
  try {
    return JSON.parse(message.slice(start));
  } catch {
    return undefined;
  }
}

interface GoogleErrorBody {
  readonly error?: {readonly message?: unknown; readonly details?: readonly {readonly retryDelay?: unknown}[]};
}

function detailOf(body: unknown): string | undefined {
  const message = (body as GoogleErrorBody | undefined)?.error?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/** `RetryInfo.retryDelay` is a protobuf Duration in JSON: seconds with an `s` suffix, e.g. `"37s"` or `"1.5s"`. */
function retryDelayMsOf(body: unknown): number | undefined {
  const details = (body as GoogleErrorBody | undefined)?.error?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const delay = (detail as {retryDelay?: unknown}).retryDelay;
    const match = typeof delay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(delay) : null;
    if (match) return Math.round(Number(match[1]) * 1000);
  }
  return undefined;
}

function adviceFor(status: number): string {
  if (status === 400) return 'Check the request, its providerOptions and, if the message says so, the API key.';
  if (status === 401 || status === 403) return 'Check the apiKey option (or the key your proxy adds) and its access.';
  if (status === 404) return 'Check the model id and the baseURL.';
  if (status === 429) return 'Rate limited or out of quota: wait before retrying, or check your plan and limits.';
  if (status >= 500) return 'The service failed; it is safe to try again.';
  return 'See the response body for details.';
}
