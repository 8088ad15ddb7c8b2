import {
  LlmAbortError,
  LlmCascadeError,
  LlmConfigurationError,
  LlmImageInputError,
  LlmInvalidRequestError,
  LlmProviderError,
  LlmProxyRefusalError,
  LlmTimeoutError,
  LlmTruncationError,
} from 'llm-rx';
import {describeProxyRefusal} from './describe-proxy-refusal';

/** An error as the chat shows it: what happened, and what to do about it. */
export interface LlmErrorDescription {
  /** One line: what happened. */
  readonly title: string;
  /** What to do about it. */
  readonly advice: string;
  /** The error's own message, for the curious. */
  readonly detail: string;
  /** For a cascade: each failed attempt, described the same way. */
  readonly attempts: readonly LlmAttemptDescription[];
}

/** One failed attempt of a cascade. */
export interface LlmAttemptDescription {
  readonly provider: string;
  readonly model: string;
  readonly title: string;
  readonly advice: string;
}

/**
 * Describes an error of a call for the chat: branches on llm-rx's error types (with `isInstance()`, which works
 * across bundles), a refusal of the demo proxy by its reason, and on the provider's HTTP status, never on SDK
 * classes.
 * @param error What the stream errored with.
 * @returns What happened and what to do.
 */
export function describeLlmError(error: unknown): LlmErrorDescription {
  const detail = error instanceof Error ? error.message : String(error);
  if (LlmCascadeError.isInstance(error)) {
    const attempts = error.attempts.map(attempt => {
      const {title, advice} = describeSingle(attempt.error);
      return {provider: attempt.provider, model: attempt.model, title, advice};
    });
    return {
      title: `Every provider of the cascade failed (${attempts.length} attempts).`,
      advice: 'See each attempt below; fix the first one, or add another provider to the cascade.',
      detail,
      attempts,
    };
  }
  return {...describeSingle(error), detail, attempts: []};
}

function describeSingle(error: unknown): {title: string; advice: string} {
  if (LlmProxyRefusalError.isInstance(error)) return describeProxyRefusal(error);
  if (LlmProviderError.isInstance(error)) return describeProviderError(error);
  if (LlmTimeoutError.isInstance(error)) {
    const {kind, timeoutMs, provider = 'The provider', chunksSeen} = error.info;
    return kind === 'first-chunk'
      ? {
          title: `${provider} sent no answer within ${timeoutMs} ms.`,
          advice: 'Raise the first-chunk timeout in Settings (reasoning models think first), or add a fallback.',
        }
      : {
          title: `${provider} stalled: nothing for ${timeoutMs} ms after ${chunksSeen} chunks.`,
          advice: 'Retry; raise the idle timeout in Settings if the model pauses for long.',
        };
  }
  if (LlmTruncationError.isInstance(error)) {
    const {outputTokens} = error.usage;
    const {maxTokens} = error;
    if (maxTokens !== undefined && outputTokens < maxTokens) {
      return {
        title: `The answer was cut off after ${outputTokens} tokens, below the ${maxTokens} asked for.`,
        advice: "The model's own output limit or its context window was reached: shorten the conversation.",
      };
    }
    return {
      title: `The answer was cut off at ${maxTokens === undefined ? "the model's limit" : `${maxTokens} tokens`}.`,
      advice: 'Raise "Max tokens", or ask for a shorter answer.',
    };
  }
  if (LlmAbortError.isInstance(error)) {
    return {title: 'The call was cancelled.', advice: 'Send it again when you are ready.'};
  }
  if (LlmImageInputError.isInstance(error)) {
    // The library's message names the image, the provider's limit and what to do: it is the advice.
    return {
      title: 'An attached image cannot be sent to this provider; nothing was sent.',
      advice: error.message.replace(/^llm-rx: /, ''),
    };
  }
  if (LlmInvalidRequestError.isInstance(error)) {
    return {title: 'The request is invalid; nothing was sent.', advice: 'Fix the highlighted value and send again.'};
  }
  if (LlmConfigurationError.isInstance(error)) {
    return {title: 'The demo is set up wrongly for this call.', advice: 'Check the provider and model in Settings.'};
  }
  return {title: 'Something unexpected went wrong.', advice: 'Retry; if it persists, see the browser console.'};
}

function describeProviderError(error: LlmProviderError): {title: string; advice: string} {
  const who = `${error.provider}${error.model ? ` (${error.model})` : ''}`;
  const status = error.statusCode;
  const wait = error.retryAfterMs === undefined ? '' : ` It asks to wait ${Math.ceil(error.retryAfterMs / 1000)} s.`;
  switch (error.kind) {
    case 'connection':
      return {
        title: `The connection to ${who} failed or broke off.`,
        advice:
          'Check the network and that the proxy in Settings runs (npm start), then retry; a cascade fails over only if no text came.',
      };
    case 'stream-error':
      return {
        title: `${who} reported an error while it answered${status === undefined ? '' : ` (${status})`}.`,
        advice: 'Retry; a cascade fails over only if no text came yet.',
      };
    case 'malformed-stream':
      return {
        title: `${who} sent a stream event that could not be read.`,
        advice: 'A proxy in between may have changed the stream; retry, or try another provider.',
      };
    case 'incomplete-stream':
      return {
        title: `${who}'s answer ended before its final event (no usage was reported).`,
        advice: 'The connection was cut or the server is faulty; retry.',
      };
    default:
      break;
  }
  switch (status) {
    case 401:
    case 403:
      return {
        title: `${who} rejected the API key (${status}).`,
        advice: 'Check the key: the proxy reads it from the server environment (see Settings).',
      };
    case 404:
      return {title: `${who} does not know this model (404).`, advice: 'Pick another model.'};
    case 429:
      return {
        title: `${who} is rate-limiting this key (429).${wait}`,
        advice: 'Wait and retry, or add a fallback provider to the cascade.',
      };
    case 529:
      return {
        title: `${who} is overloaded (529).${wait}`,
        advice: 'Retry later, or add a fallback provider to the cascade.',
      };
    case undefined:
      return {
        title: `The call to ${who} failed.`,
        advice: 'See the details below; retry, or try another provider.',
      };
    default:
      return status >= 500
        ? {title: `${who} had a server error (${status}).`, advice: 'Retry, or add a fallback provider to the cascade.'}
        : {title: `${who} refused the request (${status}).`, advice: 'Check the prompt and the parameters.'};
  }
}
