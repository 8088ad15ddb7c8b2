import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {mapTransportError} from './map-transport-error';

/**
 * The error for an SDK's connection failure (network, DNS, CORS): retryable, with what to check.
 * @param provider The provider's name, for the message.
 * @param model The model id, for the message.
 * @param reason The SDK's description of the failure, e.g. its cause's message.
 * @param cause What the SDK threw.
 * @returns A retryable `LlmProviderError` of kind `connection`.
 */
export function unreachableProviderError(
  provider: string,
  model: string,
  reason: string,
  cause: unknown,
): LlmProviderError {
  return new LlmProviderError(
    `llm-rx: could not reach ${provider} for ${model} (${reason}). ` +
      'Check the network, the baseURL and, in a browser, CORS; it is safe to retry.',
    {provider, model, kind: 'connection', isRetryable: true, cause},
  );
}

/**
 * The last step of `mapProviderError()`, for what an adapter's SDK-specific mapping did not recognise: a dropped
 * connection or malformed event maps through `mapTransportError()`, and anything else becomes a non-retryable
 * `LlmProviderError` quoting its message.
 * @param provider The provider's name, for the message.
 * @param model The model id, for the message.
 * @param error What the SDK threw.
 * @returns The provider error to emit.
 */
export function mapUnrecognisedProviderError(provider: string, model: string, error: unknown): LlmProviderError {
  const transportError = mapTransportError(provider, model, error);
  if (transportError) return transportError;
  const message = error instanceof Error ? error.message : String(error);
  return new LlmProviderError(`llm-rx: the ${provider} call for ${model} failed: ${message}`, {
    provider,
    model,
    isRetryable: false,
    cause: error,
  });
}

/**
 * Maps what a provider call threw to the `LlmError` it emits, as `fromProviderStream()` does: an llm-rx error as
 * it is, then what the adapter's `recognise` makes of it (an `LlmError`, or `undefined` for what its SDK does not
 * explain), then `mapUnrecognisedProviderError()`. A `recognise` that throws counts as `undefined`. Adapters'
 * specs use it to check their mapper the way the core runs it.
 * @param error What was thrown.
 * @param call The provider and model, for the messages.
 * @param recognise The adapter's SDK-specific mapping.
 * @returns The error to emit.
 */
export function mapProviderError(
  error: unknown,
  call: {readonly provider: string; readonly model: string},
  recognise: (error: unknown) => unknown,
): LlmError {
  if (LlmError.isInstance(error)) return error;
  let recognised: unknown;
  try {
    recognised = recognise(error);
  } catch {
    recognised = undefined;
  }
  return LlmError.isInstance(recognised) ? recognised : mapUnrecognisedProviderError(call.provider, call.model, error);
}
