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
 * The last step of an adapter's error mapping, for what its SDK-specific checks did not recognise: an llm-rx
 * error passes through, a dropped connection or malformed event maps through `mapTransportError()`, and anything
 * else becomes a non-retryable `LlmProviderError` quoting its message.
 * @param provider The provider's name, for the message.
 * @param model The model id, for the message.
 * @param error What the SDK threw.
 * @returns The llm-rx error to emit.
 */
export function mapUnrecognisedProviderError(provider: string, model: string, error: unknown): LlmError {
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
