import {httpStatusAdvice, type LlmError, LlmProviderError, providerHttpError, providerStreamError} from 'llm-rx';

/** What `mapGeminiError()` needs to know about the failed call. */
export interface GeminiErrorContext {
  readonly provider: string;
  readonly model: string;
}

/**
 * Recognises what `@google/genai` threw, for `defineLlmProvider()` (which maps the rest: dropped connections,
 * malformed events, unknown errors).
 *
 * - `ApiError` (an HTTP error, or an error object inside the stream; both carry `status`) becomes
 *   `providerHttpError()` or `providerStreamError()` with the JSON body from the SDK's message and `retryAfterMs`
 *   from the body's `RetryInfo.retryDelay`: Gemini's `ApiError` carries no response headers, so there is no
 *   `retry-after` and no request id. Gemini answers 400 to an invalid key: such a message gets the key advice.
 * - The SDK's `Incomplete JSON segment at the end` (a stream cut mid-event) becomes a retryable
 *   `incomplete-stream` error.
 * @param error What the SDK threw.
 * @param context The provider and model.
 * @returns The llm-rx error, or `undefined` for one the SDK does not explain.
 */
export function mapGeminiError(error: unknown, {provider, model}: GeminiErrorContext): LlmError | undefined {
  if (isApiError(error)) {
    const body = bodyOf(error.message);
    const parts = {provider, model, detail: detailOf(body) ?? error.message, responseBody: body, cause: error};
    if (error.message.startsWith('got status:')) {
      return providerStreamError({...parts, code: `HTTP ${error.status}`, status: error.status});
    }
    return providerHttpError({
      ...parts,
      status: error.status,
      retryAfterMs: retryDelayMsOf(body),
      advice: error.status === 400 && /api key/i.test(parts.detail) ? httpStatusAdvice(401) : undefined,
    });
  }
  if (error instanceof Error && error.message.startsWith('Incomplete JSON segment')) {
    return new LlmProviderError(
      `llm-rx: the ${provider} stream for ${model} was cut in the middle of an event (${error.message}). Try again.`,
      {provider, model, kind: 'incomplete-stream', isRetryable: true, cause: error},
    );
  }
  return undefined;
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
