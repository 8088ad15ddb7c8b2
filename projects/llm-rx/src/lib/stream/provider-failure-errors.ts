import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {redactSecrets} from '../errors/redact-secrets';
import {mapTransportError} from './map-transport-error';

/**
 * The error for an SDK's connection failure (network, DNS, CORS): retryable, with what to check.
 * @param provider The provider's name, for the message.
 * @param model The model id, for the message.
 * @param reason The SDK's description of the failure, e.g. its cause's message.
 * @param cause What the SDK threw.
 * @param apiKey The key in use, cut out of the message.
 * @returns A retryable `LlmProviderError`.
 */
export function unreachableProviderError(
  provider: string,
  model: string,
  reason: string,
  cause: unknown,
  apiKey?: string,
): LlmProviderError {
  return new LlmProviderError(
    redactSecrets(
      `llm-rx: could not reach ${provider} for ${model} (${reason}). ` +
        'Check the network, the baseURL and, in a browser, CORS; it is safe to retry.',
      apiKey,
    ),
    {provider, model, isRetryable: true, cause},
  );
}

/**
 * The last step of an adapter's error mapping, for what its SDK-specific checks did not recognise: an llm-rx
 * error passes through, a dropped connection or malformed event maps through `mapTransportError()`, and anything
 * else becomes a non-retryable `LlmProviderError` quoting its message.
 * @param provider The provider's name, for the message.
 * @param model The model id, for the message.
 * @param error What the SDK threw.
 * @param apiKey The key in use, cut out of the message.
 * @returns The llm-rx error to emit.
 */
export function mapUnrecognisedProviderError(
  provider: string,
  model: string,
  error: unknown,
  apiKey?: string,
): LlmError {
  const transportError = mapTransportError(provider, model, error);
  if (transportError) return transportError;
  const message = error instanceof Error ? error.message : String(error);
  return new LlmProviderError(redactSecrets(`llm-rx: the ${provider} call for ${model} failed: ${message}`, apiKey), {
    provider,
    model,
    isRetryable: false,
    cause: error,
  });
}
