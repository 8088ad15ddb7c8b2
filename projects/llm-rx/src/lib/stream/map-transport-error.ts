import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {redactSecrets} from '../errors/redact-secrets';

/**
 * Maps the errors that every SDK surfaces the same way, outside its own error classes: a dropped connection
 * (a bare `TypeError`: `network error` in Chromium, `terminated` in Node, `Failed to fetch` before headers) and a
 * malformed event (`SyntaxError` from the SDK's JSON parse).
 *
 * Provider adapters call it after their own SDK-specific mapping found nothing.
 * @param provider The provider's name, for the message.
 * @param model The model id, for the message.
 * @param error What the SDK threw.
 * @returns The provider error (retryable for connection errors), or `undefined` when the error is not one of these.
 */
export function mapTransportError(provider: string, model: string, error: unknown): LlmError | undefined {
  if (LlmError.isInstance(error)) return error;
  // Messages are redacted: Node's JSON parse errors quote the text they failed on, which may echo a key.
  if (error instanceof SyntaxError) {
    return new LlmProviderError(
      `llm-rx: ${provider} sent a malformed stream event for ${model} (${redactSecrets(error.message)}). ` +
        'The server or a proxy in between is faulty; try again later.',
      {provider, model, isRetryable: true, cause: error},
    );
  }
  if (error instanceof TypeError) {
    return new LlmProviderError(
      `llm-rx: the connection to ${provider} failed or dropped for ${model} (${redactSecrets(error.message)}). ` +
        'Check the network, the base URL and, in a browser, CORS; it is safe to retry.',
      {provider, model, isRetryable: true, cause: error},
    );
  }
  return undefined;
}
