import {type LlmError, providerHttpError, providerStreamError, unreachableProviderError} from 'llm-rx';

/** The parts of the `@anthropic-ai/sdk` module the error mapping needs (its error classes). */
export type AnthropicErrorClasses = Pick<typeof import('@anthropic-ai/sdk'), 'APIError' | 'APIConnectionError'>;

/** What the error mapping knows about the call. */
export interface AnthropicErrorContext {
  readonly provider: string;
  readonly model: string;
  /** The loaded SDK, whose classes identify its errors; `undefined` when it failed to load. */
  readonly sdk?: AnthropicErrorClasses;
}

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
 * Recognises what the Anthropic SDK threw, for `defineLlmProvider()` (which maps the rest). HTTP errors are judged
 * by `status`, not by the SDK's leaf classes, which change between majors (its 529 `OverloadedError` is an
 * `InternalServerError`); an in-stream `event: error` by the status of its `error.type`; `APIConnectionError` is a
 * retryable connection error.
 * @param error What the SDK threw.
 * @param context The provider, model and the loaded SDK.
 * @returns The llm-rx error, or `undefined` for an error the SDK's classes do not explain.
 */
export function mapAnthropicError(error: unknown, {provider, model, sdk}: AnthropicErrorContext): LlmError | undefined {
  if (!sdk || !(error instanceof sdk.APIError)) return undefined;
  if (error instanceof sdk.APIConnectionError) return unreachableProviderError(provider, model, error.message, error);
  const parts = {
    provider,
    model,
    detail: error.apiMessage ?? error.message,
    code: error.type ?? undefined,
    responseBody: error.error,
    requestId: error.requestID,
    cause: error,
  };
  if (error.status !== undefined) return providerHttpError({...parts, status: error.status, headers: error.headers});
  return providerStreamError({...parts, status: error.type ? STATUS_OF_ERROR_TYPE[error.type] : undefined});
}
