import type {CohereError} from 'cohere-ai';

/** The SDK's error class, to fail the body with the error the SDK itself throws for a failed fetch. */
export interface CohereFetchErrorClasses {
  readonly CohereError: typeof CohereError;
}

/**
 * The `fetch` the Cohere client is given: the global `fetch` (read at each call, so that a spy on it works), except
 * that a request that fails before its response (no connection, a CORS refusal, an abort) does not reject. It
 * resolves with a response whose body fails with the `CohereError` the SDK throws for a failed fetch, so that the
 * error reaches llm-rx at the first read of the stream: mapped as before (a `CohereError` without a status means
 * the service could not be reached), or ignored after an abort, since the subscriber is gone.
 *
 * Why: `cohere-ai` 8.1 starts a timer (`timeoutInSeconds`, 300 s by default) before each request and clears it
 * only when its `fetch` resolves. After a rejection the timer runs on, and a Node process cannot exit until it
 * fires: five minutes after a call cancelled or timed out before the headers, or one that could not connect.
 * @param sdk The loaded SDK's error class.
 * @returns A `fetch` that resolves once the request has settled.
 */
export function createCohereFetch(sdk: CohereFetchErrorClasses): typeof fetch {
  return async (input, init) => {
    try {
      return await globalThis.fetch(input, init);
    } catch (error) {
      const failure = new sdk.CohereError({
        message: error instanceof Error ? error.message : String(error),
        cause: error,
      });
      const body = new ReadableStream<Uint8Array>({start: controller => controller.error(failure)});
      // A success status makes the SDK hand the body on untouched, unread (an error status would be read now).
      return new Response(body, {status: 200, headers: {'content-type': 'text/event-stream'}});
    }
  };
}
