import {
  isRetryableStatus,
  LlmError,
  LlmProviderError,
  mapUnrecognisedProviderError,
  parseRetryAfterMs,
  unreachableProviderError,
} from 'llm-rx';

/** The parts of the `@anthropic-ai/sdk` module the error mapping needs (its error classes). */
export type AnthropicErrorClasses = Pick<typeof import('@anthropic-ai/sdk'), 'APIError' | 'APIConnectionError'>;

/** What the error mapping knows about the call. */
export interface AnthropicErrorContext {
  readonly model: string;
  /** The loaded SDK, whose classes identify its errors; `undefined` when it failed to load. */
  readonly sdk?: AnthropicErrorClasses;
}

const PROVIDER = 'anthropic';

/**
 * The HTTP status Anthropic uses for each `error.type`, to judge an in-stream `event: error` (which has no status
 * of its own) by the same retry rules as the HTTP error it stands for.
 * @see https://docs.anthropic.com/en/api/errors
 */
const STATUS_OF_ERROR_TYPE: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/**
 * Turns what the Anthropic SDK threw into an llm-rx error. HTTP errors are judged by `status` (not by the SDK's
 * leaf classes, which change between majors), with the core's default retry rule (429 and 529 are not retried,
 * so that a cascade falls back at once); an in-stream `event: error` is judged by the status of its `error.type`;
 * connection failures (`APIConnectionError`, a bare `TypeError` when the connection drops mid-stream) are
 * retryable; a malformed event (`SyntaxError`) is reported as such.
 * @param error What the SDK threw.
 * @param context The model, the loaded SDK and the key to keep out of messages.
 * @returns An `LlmProviderError` (or the `LlmError` it already was).
 */
export function mapAnthropicError(error: unknown, context: AnthropicErrorContext): LlmError {
  if (LlmError.isInstance(error)) return error;
  const {model, sdk} = context;
  if (sdk && error instanceof sdk.APIError) {
    const apiMessage = error.apiMessage ?? error.message;
    if (error.status !== undefined) {
      return new LlmProviderError(
        `llm-rx: ${PROVIDER} answered HTTP ${error.status}${error.type ? ` (${error.type})` : ''} for ${model}: ` +
          `${apiMessage}. ${adviceFor(error.status)}`,
        {
          provider: PROVIDER,
          model,
          statusCode: error.status,
          responseBody: error.error,
          requestId: error.requestID ?? undefined,
          retryAfterMs: parseRetryAfterMs(error.headers),
          cause: error,
        },
      );
    }
    if (error instanceof sdk.APIConnectionError) {
      return unreachableProviderError(PROVIDER, model, error.message, error);
    }
    return new LlmProviderError(
      `llm-rx: ${PROVIDER} sent an error event in its stream for ${model}` +
        `${error.type ? ` (${error.type})` : ''}: ${apiMessage}.`,
      {
        provider: PROVIDER,
        model,
        kind: 'stream-error',
        isRetryable: isRetryableStatus(error.type ? STATUS_OF_ERROR_TYPE[error.type] : undefined),
        responseBody: error.error,
        cause: error,
      },
    );
  }
  return mapUnrecognisedProviderError(PROVIDER, model, error);
}

function adviceFor(status: number): string {
  if (status === 401) return 'Check the API key (the apiKey option, or the proxy that adds it).';
  if (status === 403) return 'The key may not use this model or feature; check its permissions.';
  if (status === 404) return 'Check the model id and the baseURL.';
  if (status === 429) return 'Rate limited: wait before retrying, or fail over to another provider.';
  if (status === 529) return 'Anthropic is overloaded: fail over to another provider or try again later.';
  if (status >= 500) return 'A server error: it is safe to retry.';
  return 'Check the request and the options.';
}
