import {LlmProviderError} from '../errors/llm-provider-error';

/**
 * How `fetch` says a request could not be made or its body broke off: Node's undici, Chromium, Firefox, Safari.
 * Other `TypeError`s (an invalid header or URL, a bug) are no connection problem and must not be retried.
 */
const NETWORK_MESSAGES =
  /^(fetch failed|terminated|failed to fetch|network ?error|load failed|the network connection was lost|networkerror when attempting to fetch resource|other side closed)/i;

/** Node's socket error codes, as a cause of undici's `fetch failed`. */
const NETWORK_CODES =
  /^(E(CONNREFUSED|CONNRESET|CONNABORTED|NOTFOUND|AI_AGAIN|TIMEDOUT|PIPE|HOSTUNREACH|NETUNREACH)|UND_ERR_)/;

/**
 * Maps the errors that every SDK surfaces the same way, outside its own error classes: a dropped or failed
 * connection (a `TypeError` from `fetch`: `network error` in Chromium, `terminated` or `fetch failed` in Node) and a
 * malformed event (`SyntaxError` from the SDK's JSON parse). Any other `TypeError` is left to the caller.
 *
 * `mapUnrecognisedProviderError()` calls it for what an adapter's own mapping did not recognise.
 * @param provider The provider's name, for the message.
 * @param model The model id, for the message.
 * @param error What the SDK threw.
 * @returns The provider error (retryable), or `undefined` when the error is not one of these.
 */
export function mapTransportError(provider: string, model: string, error: unknown): LlmProviderError | undefined {
  if (error instanceof SyntaxError) {
    return new LlmProviderError(
      `llm-rx: ${provider} sent a malformed stream event for ${model} (${error.message}). ` +
        'The server or a proxy in between is faulty; try again later.',
      {provider, model, kind: 'malformed-stream', isRetryable: true, cause: error},
    );
  }
  if (isNetworkError(error)) {
    return new LlmProviderError(
      `llm-rx: the connection to ${provider} failed or dropped for ${model} (${error.message}). ` +
        'Check the network, the base URL and, in a browser, CORS; it is safe to retry.',
      {provider, model, kind: 'connection', isRetryable: true, cause: error},
    );
  }
  return undefined;
}

/**
 * Whether an error is `fetch`'s way of saying the connection failed or dropped.
 * @param error What was thrown.
 * @returns Whether it is a network `TypeError`.
 */
export function isNetworkError(error: unknown): error is TypeError {
  if (!(error instanceof TypeError)) return false;
  const code = (error.cause as {code?: unknown} | undefined)?.code;
  return NETWORK_MESSAGES.test(error.message) || (typeof code === 'string' && NETWORK_CODES.test(code));
}
